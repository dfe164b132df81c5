package cn.ets.registry.gateway.e2e;

import cn.ets.registry.gateway.Registry;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link CommandContractScenario} on the embedded ledger (FabricFullCycleIT runs it on Fabric). */
class EmbeddedCommandContractTest {

    @Test
    void replays_answer_only_authorised_callers_and_refusals_keep_their_details(@TempDir Path dir) throws Exception {
        try (Registry registry = Registry.embedded(dir, false)) {
            registry.start("127.0.0.1", 0);
            RegistryApi api = new RegistryApi();
            for (var c : registry.identities().all()) {
                api.add(c.name(), "http://127.0.0.1:" + registry.port(), c.token());
            }
            new CommandContractScenario(api).run();
        }
    }
}
