package cn.ets.registry.chaincode.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ets.registry.chaincode.testing.InMemoryLedger.Outcome;
import cn.ets.registry.chaincode.testing.Parties;
import cn.ets.registry.chaincode.testing.TestIdentity;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Closing compliance year 2024 (surrender deadline 2025-12-31, so the penalty month is December
 * 2025, judged on Beijing dates). CEA trades in that month: 1,000 t at 80.00, 3,000 t at 100.00,
 * 1,000 t at 120.00 (the last at 2025-11-30T16:30Z, already 1 December in Beijing) — volume-weighted
 * average 100.00. Outside it: 400 t at 10.00 on 30 November 23:59 Beijing, 100 t at 10.00 on
 * 1 January 2026, and a December CCER trade at 10.00. HB-U1 owes 1,000, surrenders 600, sold 5,000
 * and bought 400 CEA-2024; HB-U2 owes 500 and surrenders it all; GD-U1 owes 300 and has nothing.
 */
class ComplianceCloseLedgerTest extends LedgerScenario {
    static final String CEA = "CEA-2024";

    @BeforeEach
    void year2024() {
        secondPartRegistry();
        give(CEA, "HB-U1", 7_000);
        give(CEA, "HB-U2", 2_000);
        ok(registerProject(Parties.MEE, "P-WIND", "PO-1", false));
        ok(issueCcer(Parties.MEE, "P-WIND", "2023-01-01", "2023-12-31", 1_000, false));
        ok(settle("T1", CEA, "HB-U1", "INST-1", 1_000, "80.00", "2025-12-03T10:00:00+08:00"));
        ok(settle("T2", CEA, "HB-U1", "INST-1", 3_000, "100.00", "2025-12-20T14:00:00+08:00"));
        ok(settle("T3", CEA, "HB-U1", "INST-1", 1_000, "120.00", "2025-11-30T16:30:00Z"));
        ok(settle("X1", CEA, "HB-U2", "HB-U1", 400, "10.00", "2025-11-30T23:59:00+08:00"));
        ok(settle("X2", CEA, "INST-1", "HB-U2", 100, "10.00", "2026-01-01T00:10:00+08:00"));
        ok(settle("X3", "CCER-1", "PO-1", "INST-2", 100, "10.00", "2025-12-10T10:00:00+08:00"));
        ok(recordEmissions(Parties.HB, "HB-U1", 2024, 1_000));
        ok(recordEmissions(Parties.HB, "HB-U2", 2024, 500));
        ok(recordEmissions(Parties.GD, "GD-U1", 2024, 300));
        ok(surrender(HB_U1, "HB-U1", 2024, CEA, 600));
        ok(surrender(HB_U2, "HB-U2", 2024, CEA, 500));
        today("2026-01-05"); // the 2024 surrender deadline (2025-12-31) has passed
    }

    /** 003 §2.2.7: the units have until the deadline; the month that prices the fines ends with it. */
    @Test
    void a_year_closes_only_after_its_surrender_deadline_on_the_ledgers_clock() {
        today("2025-12-31");
        Outcome early = assertRejectedWithoutWrites("DEADLINE_NOT_REACHED", () -> close(Parties.MEE, 2024));
        assertThat(early.details()).contains("\"surrenderDeadline\":\"2025-12-31\"");
        today("2026-01-01");
        ok(close(Parties.MEE, 2024));
    }

    /** A surrender after the deadline is late at once, without MEE closing anything. */
    @Test
    void a_surrender_after_the_deadline_is_late_before_the_year_is_closed() {
        JsonObject late = object(ok(surrender(HB_U1, "HB-U1", 2024, CEA, 100)));
        assertThat(late.get("late").getAsBoolean()).isTrue();
        assertThat(late.getAsJsonObject("compliance").get("status").getAsString())
                .isEqualTo("OPEN");
        today("2025-12-31");
        JsonObject onTime = object(ok(surrender(HB_U1, "HB-U1", 2024, CEA, 100)));
        assertThat(onTime.get("late").getAsBoolean())
                .as("the deadline day itself is on time")
                .isFalse();
    }

    private static Map<String, JsonObject> byUnit(JsonObject withUnits) {
        Map<String, JsonObject> out = new HashMap<>();
        for (JsonElement e : withUnits.getAsJsonArray("units")) {
            out.put(e.getAsJsonObject().get("unitId").getAsString(), e.getAsJsonObject());
        }
        return out;
    }

    @Test
    void closing_prices_the_shortfall_at_5_to_10_times_the_volume_weighted_december_average() {
        JsonObject r = object(ok(close(Parties.MEE, 2024)));
        assertThat(r.get("penaltyMonth").getAsString()).isEqualTo("2025-12");
        assertThat(r.get("averagePrice").getAsBigDecimal()).isEqualByComparingTo("100.00");
        assertThat(r.get("tradesInMonth").getAsInt()).isEqualTo(3);
        assertThat(byUnit(r)).containsOnlyKeys("HB-U1", "HB-U2", "GD-U1");

        JsonObject u1 = compliance("HB-U1", 2024);
        assertThat(u1.get("status").getAsString()).isEqualTo("SHORTFALL");
        assertThat(u1.get("shortfall").getAsLong()).isEqualTo(400);
        assertThat(u1.get("averagePrice").getAsBigDecimal()).isEqualByComparingTo("100.00");
        assertThat(u1.get("penaltyMin").getAsBigDecimal()).isEqualByComparingTo("200000.00");
        assertThat(u1.get("penaltyMax").getAsBigDecimal()).isEqualByComparingTo("400000.00");
        assertThat(u1.get("deduction").getAsLong()).as("deduction = shortfall").isEqualTo(400);

        JsonObject gd = compliance("GD-U1", 2024);
        assertThat(gd.get("status").getAsString()).isEqualTo("SHORTFALL");
        assertThat(gd.get("penaltyMin").getAsBigDecimal()).isEqualByComparingTo("150000.00");
        assertThat(gd.get("penaltyMax").getAsBigDecimal()).isEqualByComparingTo("300000.00");
        assertThat(gd.get("deduction").getAsLong()).isEqualTo(300);

        JsonObject u2 = compliance("HB-U2", 2024);
        assertThat(u2.get("status").getAsString()).isEqualTo("COMPLIANT");
        assertThat(u2.get("deduction").getAsLong()).isZero();
        assertThat(u2.has("penaltyMin") && !u2.get("penaltyMin").isJsonNull())
                .as("no fine without a shortfall")
                .isFalse();
    }

    @Test
    void the_carry_over_limit_recorded_at_close_is_10000_plus_1_5_times_net_sales() {
        ok(close(Parties.MEE, 2024));
        // HB-U1 sold 5,000 and bought 400: 10,000 + 1.5 × 4,600
        assertThat(compliance("HB-U1", 2024).get("carryOverLimit").getAsLong()).isEqualTo(16_900);
        // HB-U2 sold 400 and bought 100: 10,000 + 1.5 × 300
        assertThat(compliance("HB-U2", 2024).get("carryOverLimit").getAsLong()).isEqualTo(10_450);
        assertThat(compliance("GD-U1", 2024).get("carryOverLimit").getAsLong()).isEqualTo(10_000);
    }

    @Test
    void a_late_surrender_lowers_shortfall_and_deduction_tonne_for_tonne_and_the_fine_range_stands() {
        ok(close(Parties.MEE, 2024));
        JsonObject late = object(ok(surrender(HB_U1, "HB-U1", 2024, CEA, 150)));
        assertThat(late.get("late").getAsBoolean()).isTrue();
        JsonObject c = compliance("HB-U1", 2024);
        assertThat(c.get("shortfall").getAsLong()).isEqualTo(250);
        assertThat(c.get("deduction").getAsLong()).isEqualTo(250);
        assertThat(c.get("status").getAsString()).isEqualTo("SHORTFALL");
        assertThat(c.get("penaltyMin").getAsBigDecimal()).isEqualByComparingTo("200000.00");
        assertThat(c.get("penaltyMax").getAsBigDecimal()).isEqualByComparingTo("400000.00");

        ok(surrender(HB_U1, "HB-U1", 2024, CEA, 250));
        c = compliance("HB-U1", 2024);
        assertThat(c.get("shortfall").getAsLong()).isZero();
        assertThat(c.get("deduction").getAsLong()).isZero();
        assertThat(c.get("penaltyMin").getAsBigDecimal()).isEqualByComparingTo("200000.00");
        assertRejectedWithoutWrites("EXCEEDS_OBLIGATION", () -> surrender(HB_U1, "HB-U1", 2024, CEA, 1));
        assertSupplyBalanced();
    }

    @Test
    void the_public_disclosure_lists_every_unit_of_the_year_with_its_status() {
        ok(close(Parties.MEE, 2024));
        Map<String, JsonObject> units = byUnit(disclosure(2024));
        assertThat(units).containsOnlyKeys("HB-U1", "HB-U2", "GD-U1");
        assertThat(units.get("HB-U1").get("status").getAsString()).isEqualTo("SHORTFALL");
        assertThat(units.get("HB-U1").get("province").getAsString()).isEqualTo("HB");
        assertThat(units.get("HB-U2").get("status").getAsString()).isEqualTo("COMPLIANT");
        assertThat(units.get("GD-U1").get("obligation").getAsLong()).isEqualTo(300);
    }

    @Test
    void closing_twice_is_deadline_passed_and_only_mee_closes() {
        for (TestIdentity who :
                new TestIdentity[] {Parties.REGISTRY, Parties.HB, Parties.EXCHANGE, Parties.AUDITOR, HB_U1}) {
            assertRejectedWithoutWrites("FORBIDDEN", () -> close(who, 2024));
        }
        assertThat(compliance("HB-U1", 2024).get("status").getAsString()).isEqualTo("OPEN");
        ok(close(Parties.MEE, 2024));
        assertRejectedWithoutWrites("DEADLINE_PASSED", () -> close(Parties.MEE, 2024));
        assertRejectedWithoutWrites(
                "BAD_REQUEST",
                () -> ledger.submit(
                        Parties.MEE, "compliance:close", ctx -> new ComplianceContract().close(ctx, "20x4", "{}")));
    }

    @Test
    void emissions_of_a_closed_year_can_no_longer_change() {
        ok(close(Parties.MEE, 2024));
        assertRejectedWithoutWrites("DEADLINE_PASSED", () -> recordEmissions(Parties.HB, "HB-U1", 2024, 100));
        assertRejectedWithoutWrites("DEADLINE_PASSED", () -> recordEmissions(Parties.GD, "GD-U1", 2024, 0));
        assertThat(compliance("HB-U1", 2024).get("obligation").getAsLong()).isEqualTo(1_000);
    }
}
