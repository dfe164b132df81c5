package cn.ets.registry.gateway.e2e;

import cn.ets.registry.gateway.testing.EmbeddedGateway;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link TwoYearsScenario} on the embedded ledger (FabricFullCycleIT runs it on Fabric). */
class EmbeddedTwoYearsTest {

    @Test
    void two_consecutive_compliance_years_run_through_the_gateway_on_the_embedded_ledger(@TempDir Path dir) {
        try (EmbeddedGateway g = EmbeddedGateway.start(dir, false)) {
            new TwoYearsScenario(g.client()).run();
        }
    }
}
