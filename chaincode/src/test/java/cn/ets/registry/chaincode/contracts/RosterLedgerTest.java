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
 * The roster (名录) and no unit escaping compliance (issue 11, item 2). HB lists its cement unit
 * HB-C1 (qualifying 300,000 t) and power unit HB-U1 for 2024; only HB-U1's emissions are recorded
 * before the emissions deadline (2025-08-31). Sources: 000 §7 and 001 §5 (threshold, rosters by
 * province), 001 §35 (the yearly list is public), 001 §42–43 (a unit found later is listed; a unit
 * that does not report gets the province's estimate, which is its obligation and may be deducted
 * from next year's allocation).
 */
class RosterLedgerTest extends LedgerScenario {

    @BeforeEach
    void registry() {
        secondPartRegistry();
        ok(openAccount(
                Parties.HB,
                json("id", "HB-C1", "type", "UNIT", "name", "Huangshi Cement", "province", "HB", "sector", "CEMENT")));
        ok(enlist(Parties.HB, "HB-C1", 2024, 300_000));
        ok(enlist(Parties.HB, "HB-U1", 2024, 1_000_000));
        ok(recordEmissions(Parties.HB, "HB-U1", 2024, 900_000));
        give("CEA-2024", "HB-U1", 900_000);
        ok(surrender(HB_U1, "HB-U1", 2024, "CEA-2024", 900_000));
    }

    private static Map<String, JsonObject> byUnit(JsonObject withUnits) {
        Map<String, JsonObject> out = new HashMap<>();
        for (JsonElement e : withUnits.getAsJsonArray("units")) {
            out.put(e.getAsJsonObject().get("unitId").getAsString(), e.getAsJsonObject());
        }
        return out;
    }

    @Test
    void a_province_lists_its_units_of_covered_sectors_at_or_above_the_threshold_and_the_list_is_public() {
        Map<String, JsonObject> units = byUnit(roster(2024, "HB"));
        assertThat(units.get("HB-C1").get("qualifyingEmissions").getAsLong()).isEqualTo(300_000);
        assertThat(units.get("HB-C1").get("emissions").getAsString()).isEqualTo("MISSING");
        assertThat(units.get("HB-C1").get("name").getAsString()).isEqualTo("Huangshi Cement");
        assertThat(units.get("HB-U1").get("emissions").getAsString()).isEqualTo("VERIFIED");
        assertThat(roster(2024, "HB").get("threshold").getAsLong()).isEqualTo(26_000);
        assertThat(roster(2024, "GD").getAsJsonArray("units")).isEmpty();

        assertRejectedWithoutWrites("NOT_A_KEY_EMITTER", () -> enlist(Parties.HB, "HB-U2", 2024, 25_999));
        assertRejectedWithoutWrites("NOT_A_KEY_EMITTER", () -> enlist(Parties.HB, "HB-C1", 2023, 300_000));
        assertRejectedWithoutWrites("ALREADY_EXISTS", () -> enlist(Parties.HB, "HB-C1", 2024, 300_000));
        for (TestIdentity who : new TestIdentity[] {Parties.GD, Parties.MEE, Parties.REGISTRY, HB_U2}) {
            assertRejectedWithoutWrites("FORBIDDEN", () -> enlist(who, "HB-U2", 2024, 30_000));
        }
        assertRejectedWithoutWrites("NOT_FOUND", () -> enlist(Parties.HB, "HB-404", 2024, 30_000));
        assertRejectedWithoutWrites(
                "BAD_REQUEST",
                () -> ledger.evaluate(
                        Parties.AUDITOR, "roster:get", ctx -> new RosterContract().get(ctx, "2024", "hb")));
    }

    @Test
    void recording_emissions_lists_a_unit_not_yet_on_the_roster() {
        ok(recordEmissions(Parties.HB, "HB-U2", 2024, 40_000));
        JsonObject u2 = byUnit(roster(2024, null)).get("HB-U2");
        assertThat(u2.get("listedBy").getAsString()).isEqualTo("EMISSIONS_RECORDED");
        assertThat(u2.has("qualifyingEmissions")).isFalse();
    }

    /** Issue 11 item 2: the cement unit with nothing recorded did not escape. */
    @Test
    void closing_a_year_gives_a_listed_unit_without_emissions_a_public_status_of_its_own() {
        today("2026-01-05");
        JsonObject closed = object(ok(close(Parties.MEE, 2024)));
        assertThat(byUnit(closed).get("HB-C1").get("status").getAsString()).isEqualTo("EMISSIONS_NOT_ENTERED");
        JsonObject c1 = compliance("HB-C1", 2024);
        assertThat(c1.get("status").getAsString()).isEqualTo("EMISSIONS_NOT_ENTERED");
        assertThat(c1.get("closed").getAsBoolean()).isTrue();
        assertThat(byUnit(disclosure(2024)).get("HB-C1").get("status").getAsString())
                .isEqualTo("EMISSIONS_NOT_ENTERED");
        assertThat(byUnit(roster(2024, "HB")).get("HB-C1").get("emissions").getAsString())
                .isEqualTo("NOT_ENTERED");
        assertThat(compliance("HB-U1", 2024).get("status").getAsString()).isEqualTo("COMPLIANT");
    }

    @Test
    void verified_emissions_after_the_deadline_are_refused_and_the_provinces_estimate_is_taken_and_flagged() {
        today("2025-09-01");
        Outcome late = assertRejectedWithoutWrites(
                "DEADLINE_PASSED", () -> recordEmissions(Parties.HB, "HB-C1", 2024, 280_000));
        assertThat(late.message()).contains("2025-08-31", "001 §43");
        JsonObject est = object(ok(estimate(Parties.HB, "HB-C1", 2024, 320_000)));
        assertThat(est.get("estimated").getAsBoolean()).isTrue();
        assertThat(est.get("obligation").getAsLong()).isEqualTo(320_000);
        assertThat(compliance("HB-C1", 2024).get("estimated").getAsBoolean()).isTrue();
        assertThat(byUnit(roster(2024, "HB")).get("HB-C1").get("emissions").getAsString())
                .isEqualTo("ESTIMATED");
        assertThat(compliance("HB-U1", 2024).has("estimated")).isFalse();
        assertRejectedWithoutWrites("CONFLICT", () -> estimate(Parties.HB, "HB-U1", 2024, 1));
        assertRejectedWithoutWrites("FORBIDDEN", () -> estimate(Parties.GD, "HB-C1", 2024, 1));
    }

    /** 001 §43: the estimate is the basis of surrender and reduces next year's allocation. */
    @Test
    void an_estimate_after_the_close_makes_the_whole_of_it_short_fined_and_deducted_next_year() {
        give("CEA-2024", "HB-U2", 10);
        ok(settle("P1", "CEA-2024", "HB-U2", "HB-U1", 2, "100.00", "2025-12-10T10:00:00+08:00"));
        today("2026-01-05");
        ok(close(Parties.MEE, 2024));
        assertRejectedWithoutWrites("DEADLINE_PASSED", () -> recordEmissions(Parties.HB, "HB-C1", 2024, 300_000));
        JsonObject est = object(ok(estimate(Parties.HB, "HB-C1", 2024, 300_000)));
        assertThat(est.get("status").getAsString()).isEqualTo("SHORTFALL");
        assertThat(est.get("deduction").getAsLong()).isEqualTo(300_000);
        assertThat(est.get("averagePrice").getAsString()).isEqualTo("100.00");
        assertThat(est.get("penaltyMin").getAsString()).isEqualTo("150000000.00");
        assertThat(est.get("penaltyMax").getAsString()).isEqualTo("300000000.00");
        assertRejectedWithoutWrites("DEADLINE_PASSED", () -> estimate(Parties.HB, "HB-C1", 2024, 1));

        ok(recordEmissions(Parties.HB, "HB-C1", 2025, 310_000));
        give("CEA-2025", "PROVINCE-HB", 500_000);
        JsonObject fin = object(ok(finaliseCommand(
                Parties.HB, json("requestId", "f-c1", "unitId", "HB-C1", "year", 2025, "sector", "CEMENT"))));
        assertThat(fin.get("computed").getAsLong()).isEqualTo(310_000);
        assertThat(fin.get("deducted").getAsLong()).isEqualTo(300_000);
        assertThat(fin.get("final").getAsLong()).isEqualTo(10_000);
    }
}
