package cn.ets.registry.gateway.e2e;

import cn.ets.registry.gateway.testing.EmbeddedGateway;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The end-to-end suite on the embedded ledger (its twin, FabricFullCycleIT, runs it on Fabric). */
class EmbeddedFullCycleTest {

    @Test
    void a_full_compliance_cycle_runs_through_the_gateway_on_the_embedded_ledger(@TempDir Path dir) throws Exception {
        try (EmbeddedGateway g = EmbeddedGateway.start(dir, false)) {
            new FullCycleScenario(g.client()).run();
        }
    }
}
