package cn.ets.registry.gateway;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import cn.ets.registry.gateway.testing.LifecycleScenario;
import cn.ets.registry.gateway.testing.RegistryClient;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The same lifecycle as {@link LifecycleHttpTest}, against a gateway serving a Fabric network. Excluded
 * from the default test run (surefire excludes *FabricE2ETest); run it with a gateway up:
 * {@code mvn -pl gateway-app -am test -Dtest=LifecycleFabricE2ETest -Dsurefire.failIfNoSpecifiedTests=false
 * -Dgateway.url=http://127.0.0.1:8080 -Dgateway.credentials=/path/to/credentials.json}
 * (or GATEWAY_URL and GATEWAY_CREDENTIALS in the environment).
 */
class LifecycleFabricE2ETest {

    private static String setting(String property, String env) {
        String v = System.getProperty(property);
        return v != null && !v.isBlank() ? v : System.getenv(env);
    }

    @Test
    void the_whole_lifecycle_on_the_fabric_network() {
        String url = setting("gateway.url", "GATEWAY_URL");
        String credentials = setting("gateway.credentials", "GATEWAY_CREDENTIALS");
        assumeTrue(url != null && credentials != null && Files.isRegularFile(Path.of(credentials)),
                "set -Dgateway.url and -Dgateway.credentials (a running gateway on the Fabric network and its credentials.json)");
        RegistryClient client = new RegistryClient(url, RegistryClient.readCredentials(Path.of(credentials)));
        String run = "F" + Long.toString(System.currentTimeMillis(), 36).toUpperCase();
        new LifecycleScenario(client, run).run();
    }
}
