package cn.ets.registry.gateway.e2e;

import cn.ets.registry.gateway.testing.EmbeddedGateway;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link DvpDayScenario} on the embedded ledger (FabricFullCycleIT runs it on Fabric). */
class EmbeddedDvpDayTest {

    @Test
    void a_settlement_day_with_the_bank_runs_through_the_gateway_on_the_embedded_ledger(@TempDir Path dir)
            throws Exception {
        try (EmbeddedGateway g = EmbeddedGateway.start(dir, false)) {
            new DvpDayScenario(g.client()).run();
        }
    }
}
