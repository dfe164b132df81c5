package cn.ets.registry.gateway.e2e;

import cn.ets.registry.gateway.Registry;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The end-to-end suite on the embedded ledger (its twin, FabricFullCycleIT, runs it on Fabric). */
class EmbeddedFullCycleTest {

    @Test
    void a_full_compliance_cycle_runs_through_the_gateway_on_the_embedded_ledger(@TempDir Path dir) throws Exception {
        try (Registry registry = Registry.embedded(dir, false)) {
            registry.start("127.0.0.1", 0);
            String url = "http://127.0.0.1:" + registry.port();
            RegistryApi api = new RegistryApi();
            for (var c : registry.identities().all()) {
                api.add(c.name(), url, c.token());
            }
            new FullCycleScenario(api).run();
        }
    }
}
