package cn.ets.registry.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ets.registry.gateway.testing.LifecycleScenario;
import cn.ets.registry.gateway.testing.RegistryClient;
import cn.ets.registry.gateway.testing.SharedGateway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/** The whole lifecycle against a really started gateway on the embedded ledger. */
@ExtendWith(SharedGateway.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LifecycleHttpTest {
    /**
     * Per run, one log entry each for: issue, 1 + 3 distributions, 4 openings, the single settlement, 2 emissions,
     * 2 surrenders, 2 cancellations; the batch's three settled trades take one to three more (the gateway may
     * settle trades that share accounts in one transaction); the rejected trade none.
     */
    private static final long SINGLE_COMMANDS_PER_RUN = 16;

    private RegistryClient client;

    @BeforeAll
    void start(RegistryClient shared) {
        client = shared;
    }

    private long entries() {
        return client.verify().orElseThrow().get("entries").getAsLong();
    }

    @Test
    void the_whole_lifecycle_leaves_supply_balanced_and_the_ledger_verified() {
        long entries = entries();
        long mee = client.holding("MEE", LifecycleScenario.PRODUCT);
        long province = client.holding("PROVINCE-HB", LifecycleScenario.PRODUCT);
        LifecycleScenario s = new LifecycleScenario(client, "L1").run();
        assertThat(s.expectedHoldings())
                .containsEntry(s.u1, 20_000L - 3_000 - 500 + 200 - 15_000)
                .containsEntry(s.u2, 10_000L + 3_000 - 1_000 - 10_000)
                .containsEntry(s.u3, 5_000L + 1_000 - 1_000)
                .containsEntry(s.inst, 500L - 200 - 100);
        assertThat(client.holding("MEE", LifecycleScenario.PRODUCT) - mee).isEqualTo(100_000 - 60_000);
        assertThat(client.holding("PROVINCE-HB", LifecycleScenario.PRODUCT) - province)
                .isEqualTo(60_000 - 35_000);
        assertThat(entries() - entries)
                .as("log entries of one run")
                .isBetween(SINGLE_COMMANDS_PER_RUN + 1, SINGLE_COMMANDS_PER_RUN + 3);
    }

    @Test
    void the_scenario_runs_again_with_new_ids_on_the_same_registry() {
        long entries = entries();
        new LifecycleScenario(client, "L2").run();
        new LifecycleScenario(client, "L3").run();
        assertThat(entries() - entries).isBetween(2 * (SINGLE_COMMANDS_PER_RUN + 1), 2 * (SINGLE_COMMANDS_PER_RUN + 3));
    }

    @Test
    void health_reports_the_embedded_ledger() {
        RegistryClient.Response r = client.send("GET", "/health", null, null);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("status").getAsString()).isEqualTo("UP");
        assertThat(r.json().get("ledger").getAsString()).isEqualTo("embedded");
    }
}
