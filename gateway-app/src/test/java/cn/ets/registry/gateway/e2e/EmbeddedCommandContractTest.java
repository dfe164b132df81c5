package cn.ets.registry.gateway.e2e;

import cn.ets.registry.gateway.testing.EmbeddedGateway;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link CommandContractScenario} on the embedded ledger (FabricFullCycleIT runs it on Fabric). */
class EmbeddedCommandContractTest {

    @Test
    void replays_answer_only_authorised_callers_and_refusals_keep_their_details(@TempDir Path dir) throws Exception {
        try (EmbeddedGateway g = EmbeddedGateway.start(dir, false)) {
            new CommandContractScenario(g.client()).run();
        }
    }
}
