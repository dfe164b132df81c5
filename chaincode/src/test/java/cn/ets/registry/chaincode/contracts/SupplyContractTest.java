package cn.ets.registry.chaincode.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ets.registry.chaincode.testing.InMemoryLedger.Outcome;
import cn.ets.registry.chaincode.testing.Parties;
import cn.ets.registry.chaincode.testing.TestIdentity;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SupplyContractTest extends LedgerScenario {

    @BeforeEach
    void registry() {
        coreRegistry();
    }

    @Test
    void supply_and_the_independent_recount_agree_after_every_kind_of_movement() {
        ok(settle(Parties.EXCHANGE, "HB-U1", "GD-U1", 100));
        ok(cancel(GD_U1, "GD-U1", "CEA-2024", 50));
        ok(recordEmissions(Parties.HB, "HB-U2", 2024, 200));
        ok(surrender(HB_U2, "HB-U2", 2024, "CEA-2024", 200));
        JsonObject s = supply("CEA-2024");
        assertThat(s.get("issued").getAsLong()).isEqualTo(10_000);
        assertThat(s.get("held").getAsLong()).isEqualTo(9_750);
        assertThat(s.get("surrendered").getAsLong()).isEqualTo(200);
        assertThat(s.get("cancelled").getAsLong()).isEqualTo(50);
        JsonObject audit = audit();
        assertThat(audit.get("balanced").getAsBoolean()).isTrue();
        JsonObject row = audit.getAsJsonArray("products").get(0).getAsJsonObject();
        assertThat(row.get("holdingsQuantity").getAsLong()).isEqualTo(9_750);
        assertThat(row.get("matchesHoldings").getAsBoolean()).isTrue();
    }

    @Test
    void random_command_sequences_keep_supply_balanced_and_rejections_write_nothing() {
        long seed = Long.getLong("seed", System.nanoTime());
        Random r = new Random(seed);
        List<String> units = List.of("HB-U1", "HB-U2", "GD-U1", "INST-1");
        Map<String, TestIdentity> holders = Map.of("HB-U1", HB_U1, "HB-U2", HB_U2, "GD-U1", GD_U1, "INST-1", INST_1);
        ok(recordEmissions(Parties.HB, "HB-U1", 2024, 1_000_000));
        ok(recordEmissions(Parties.HB, "HB-U2", 2024, 1_000_000));
        ok(recordEmissions(Parties.GD, "GD-U1", 2024, 1_000_000));
        try {
            for (int i = 0; i < 300; i++) {
                String a = units.get(r.nextInt(units.size()));
                String b = units.get(r.nextInt(units.size()));
                long q = r.nextInt(10) == 0 ? -r.nextInt(5) : 1 + r.nextInt(400);
                Map<String, String> before = ledger.snapshot();
                Outcome o = switch (r.nextInt(7)) {
                    case 0 -> issue(r.nextBoolean() ? Parties.MEE : Parties.HB, "CEA-2024", q);
                    case 1 ->
                        distribute(Parties.MEE, "CEA-2024", "MEE", r.nextBoolean() ? "PROVINCE-HB" : "PROVINCE-GD", q);
                    case 2 ->
                        distribute(
                                r.nextBoolean() ? Parties.HB : Parties.GD,
                                "CEA-2024",
                                r.nextBoolean() ? "PROVINCE-HB" : "PROVINCE-GD",
                                a,
                                q);
                    case 3 -> settle(r.nextInt(8) == 0 ? Parties.REGISTRY : Parties.EXCHANGE, a, b, q);
                    case 4 -> cancel(holders.get(r.nextInt(6) == 0 ? b : a), a, "CEA-2024", q);
                    case 5 ->
                        a.equals("INST-1")
                                ? cancel(INST_1, a, "CEA-2024", q)
                                : surrender(holders.get(a), a, 2024, "CEA-2024", q);
                    default -> setStatus(Parties.REGISTRY, a, r.nextInt(3) == 0 ? "RESTRICTED" : "ACTIVE");
                };
                if (!o.ok()) {
                    assertThat(ledger.snapshot())
                            .as("step %d rejected with %s but wrote", i, o)
                            .isEqualTo(before);
                }
                JsonObject audit = audit();
                assertThat(audit.get("balanced").getAsBoolean())
                        .as("step %d (%s): %s", i, o, audit)
                        .isTrue();
                for (JsonElement p : audit.getAsJsonArray("products")) {
                    assertThat(p.getAsJsonObject().get("held").getAsLong()).isNotNegative();
                }
            }
        } catch (AssertionError e) {
            throw new AssertionError("seed " + seed + " (rerun with -Dseed=" + seed + "): " + e.getMessage(), e);
        }
    }
}
