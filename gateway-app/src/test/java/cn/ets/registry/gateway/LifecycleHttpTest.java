package cn.ets.registry.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ets.registry.gateway.testing.EmbeddedGateway;
import cn.ets.registry.gateway.testing.LifecycleScenario;
import cn.ets.registry.gateway.testing.RegistryClient;
import com.google.gson.JsonObject;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** The whole lifecycle against a really started gateway on the embedded ledger. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LifecycleHttpTest {
    private EmbeddedGateway gateway;
    private RegistryClient client;

    @BeforeAll
    void start(@TempDir Path dataDir) {
        gateway = EmbeddedGateway.start(dataDir);
        client = gateway.client();
    }

    @AfterAll
    void stop() {
        if (gateway != null) {
            gateway.close();
        }
    }

    /** Bootstrap, then per run: issue, 1 distribution, 4 openings, 3 distributions, 4 settlements, 2 emissions, 2 surrenders, 2 cancellations. */
    private static final long ENTRIES_PER_RUN = 19;

    @Test
    @Order(1)
    void the_whole_lifecycle_leaves_supply_balanced_and_the_ledger_verified() {
        LifecycleScenario s = new LifecycleScenario(client, "L1").run();
        // on a fresh registry the absolute figures are known too
        JsonObject supply = client.supplyOf(LifecycleScenario.PRODUCT);
        assertThat(supply.get("issued").getAsLong()).isEqualTo(100_000);
        assertThat(supply.get("held").getAsLong()).isEqualTo(73_900);
        assertThat(supply.get("surrendered").getAsLong()).isEqualTo(25_000);
        assertThat(supply.get("cancelled").getAsLong()).isEqualTo(1_100);
        assertThat(supply.get("locked").getAsLong()).isZero();
        assertThat(s.expectedHoldings()).containsEntry(s.u1, 20_000L - 3_000 - 500 + 200 - 15_000)
                .containsEntry(s.u2, 10_000L + 3_000 - 1_000 - 10_000)
                .containsEntry(s.u3, 5_000L + 1_000 - 1_000)
                .containsEntry(s.inst, 500L - 200 - 100);
        assertThat(client.holding("MEE", LifecycleScenario.PRODUCT)).isEqualTo(40_000);
        assertThat(client.holding("PROVINCE-HB", LifecycleScenario.PRODUCT)).isEqualTo(25_000);
        assertThat(client.verify()).hasValueSatisfying(v -> assertThat(v.get("entries").getAsLong())
                .as("one log entry per committed command, none for the rejected trade").isEqualTo(1 + ENTRIES_PER_RUN));
    }

    @Test
    @Order(2)
    void the_scenario_runs_again_on_a_registry_that_already_has_history() {
        new LifecycleScenario(client, "L2").run();
        new LifecycleScenario(client, "L3").run();
        assertThat(client.verify()).hasValueSatisfying(v -> assertThat(v.get("entries").getAsLong()).isEqualTo(1 + 3 * ENTRIES_PER_RUN));
    }

    @Test
    void health_reports_the_embedded_ledger() {
        RegistryClient.Response r = client.send("GET", "/health", null, null);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("status").getAsString()).isEqualTo("UP");
        assertThat(r.json().get("ledger").getAsString()).isEqualTo("embedded");
    }
}
