package cn.ets.registry.chaincode.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ets.registry.chaincode.testing.Parties;
import cn.ets.registry.chaincode.testing.TestIdentity;
import com.google.gson.JsonObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Succession (承继, 001 §11: a merger is one of the changes the province handles): HB-U2 merges into
 * HB-U1. HB-U2 holds 3,000 CEA-2024 and 500 CEA-2025, owes 1,000 t for 2024 (400 surrendered), sold
 * 2,000 CEA-2024 (net sales for its carry-over), and has a 2025 allocation debt of 300 t.
 */
class SuccessionLedgerTest extends LedgerScenario {

    @BeforeEach
    void registry() {
        secondPartRegistry();
        give("CEA-2024", "HB-U2", 5_000);
        give("CEA-2024", "HB-U1", 100);
        ok(settle("CEA-2024", "HB-U2", "INST-1", 2_000));
        ok(recordEmissions(Parties.HB, "HB-U2", 2024, 1_000));
        ok(recordEmissions(Parties.HB, "HB-U1", 2024, 100));
        ok(surrender(HB_U2, "HB-U2", 2024, "CEA-2024", 400));
        ok(enlist(Parties.HB, "HB-U2", 2025, 30_000));
        give("CEA-2025", "PROVINCE-HB", 1_000);
        String adjust = json("requestId", "adj", "unitId", "HB-U2", "year", 2025, "quantity", 500, "reason", "SPLIT");
        ok(ledger.submit(Parties.HB, "allocation:adjust", ctx -> new AllocationContract().adjust(ctx, adjust)));
        String back = json("requestId", "adj2", "unitId", "HB-U2", "year", 2025, "quantity", -800, "reason", "CLOSURE");
        ok(ledger.submit(Parties.HB, "allocation:adjust", ctx -> new AllocationContract().adjust(ctx, back)));
        give("CEA-2025", "HB-U2", 500);
    }

    @Test
    void holdings_obligations_debts_and_carry_over_history_pass_to_the_successor_in_one_transaction() {
        assertThat(status("HB-U2")).isEqualTo("RESTRICTED");
        JsonObject r = object(ok(succeed(Parties.HB, "HB-U2", "HB-U1")));
        assertThat(r.get("years").toString()).isEqualTo("[2024]");
        assertThat(r.get("debt").getAsLong()).isEqualTo(300);
        assertThat(ledger.events().get(ledger.events().size() - 1).getEventName())
                .isEqualTo("AccountSucceeded");

        assertThat(quantity("HB-U1", "CEA-2024")).isEqualTo(100 + 2_600);
        assertThat(quantity("HB-U1", "CEA-2025")).isEqualTo(500);
        assertThat(quantity("HB-U2", "CEA-2024")).isZero();
        assertThat(status("HB-U2")).as("%s", accountView("HB-U2")).isEqualTo("CLOSED");
        assertThat(status("HB-U1")).as("the debt came with it").isEqualTo("RESTRICTED");

        JsonObject ours = compliance("HB-U1", 2024);
        assertThat(ours.get("obligation").getAsLong()).isEqualTo(1_100);
        assertThat(ours.get("surrendered").getAsLong()).isEqualTo(400);
        JsonObject theirs = compliance("HB-U2", 2024);
        assertThat(theirs.get("status").getAsString()).isEqualTo("SUCCEEDED");
        assertThat(theirs.get("succeededBy").getAsString()).isEqualTo("HB-U1");
        assertThat(allocation(2025, "HB-U1").get("debt").getAsLong()).isEqualTo(300);
        assertThat(allocation(2025, "HB-U2").get("debt").getAsLong()).isZero();
        assertThat(roster(2025, "HB").getAsJsonArray("units").toString())
                .contains("\"unitId\":\"HB-U1\"", "\"listedBy\":\"SUCCESSION\"");

        ok(surrender(HB_U1, "HB-U1", 2024, "CEA-2024", 700));
        assertThat(compliance("HB-U1", 2024).get("status").getAsString()).isEqualTo("COMPLIANT");
        assertRejectedWithoutWrites("CONFLICT", () -> recordEmissions(Parties.HB, "HB-U2", 2024, 5));
        today("2026-01-05");
        ok(close(Parties.MEE, 2024));
        // HB-U2's 2,000 t sold now count for HB-U1: 10,000 + 1.5 × 2,000
        assertThat(compliance("HB-U1", 2024).get("carryOverLimit").getAsLong()).isEqualTo(13_000);
        assertSupplyBalanced();
    }

    @Test
    void only_the_province_of_both_units_hands_over_locked_units_first_and_never_to_itself() {
        for (TestIdentity who : new TestIdentity[] {Parties.GD, Parties.MEE, Parties.REGISTRY, HB_U2}) {
            assertRejectedWithoutWrites("FORBIDDEN", () -> succeed(who, "HB-U2", "HB-U1"));
        }
        assertRejectedWithoutWrites("FORBIDDEN", () -> succeed(Parties.HB, "HB-U2", "GD-U1"));
        assertRejectedWithoutWrites("BAD_REQUEST", () -> succeed(Parties.HB, "HB-U2", "HB-U2"));
        assertRejectedWithoutWrites("NOT_FOUND", () -> succeed(Parties.HB, "HB-U2", "HB-404"));
        ok(freeze(Parties.REGISTRY, "HB-U2", "CEA-2024", 10));
        assertRejectedWithoutWrites("UNITS_LOCKED", () -> succeed(Parties.HB, "HB-U2", "HB-U1"));
        ok(setStatus(Parties.REGISTRY, "HB-U1", "SUSPENDED"));
        assertRejectedWithoutWrites("ACCOUNT_NOT_ACTIVE", () -> succeed(Parties.HB, "HB-U2", "HB-U1"));
        String command = json("requestId", "s-bad", "successor", "HB-U1", "reason", "BANKRUPTCY");
        assertRejectedWithoutWrites(
                "BAD_REQUEST",
                () -> ledger.submit(
                        Parties.HB, "accounts:succeed", ctx -> new AccountsContract().succeed(ctx, "HB-U2", command)));
    }
}
