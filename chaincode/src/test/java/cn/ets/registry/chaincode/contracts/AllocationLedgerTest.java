package cn.ets.registry.chaincode.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ets.registry.chaincode.json.CanonicalJson;
import cn.ets.registry.chaincode.testing.Parties;
import cn.ets.registry.chaincode.testing.TestIdentity;
import com.google.gson.JsonObject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Pre-allocation, final allocation with true-up, claw-back debt and its collection, deduction of
 * last year's shortfall, and the year's allocation frozen once it is closed.
 */
class AllocationLedgerTest extends LedgerScenario {
    static final String CEA24 = "CEA-2024";
    static final String CEA25 = "CEA-2025";

    @BeforeEach
    void registry() {
        secondPartRegistry();
        give(CEA24, "PROVINCE-HB", 50_000);
        give(CEA24, "PROVINCE-GD", 10_000);
        ok(on("2024-05-01", () -> recordEmissions(Parties.HB, "HB-U1", 2023, 10_000)));
        ok(on("2024-05-01", () -> recordEmissions(Parties.HB, "HB-S1", 2023, 10_000)));
    }

    @Test
    void pre_allocation_moves_70_percent_of_last_years_verified_emissions_from_the_province_account() {
        JsonObject r = object(ok(preAllocate(Parties.HB, "HB-U1", 2024)));
        assertThat(r.get("unitId").getAsString()).isEqualTo("HB-U1");
        assertThat(r.get("year").getAsInt()).isEqualTo(2024);
        assertThat(r.get("quantity").getAsLong()).isEqualTo(7_000);
        assertThat(r.get("product").getAsString()).isEqualTo(CEA24);
        assertThat(r.get("basis").getAsLong()).isEqualTo(10_000);
        assertThat(quantity("HB-U1", CEA24)).isEqualTo(7_000);
        assertThat(quantity("PROVINCE-HB", CEA24)).isEqualTo(43_000);
        assertThat(supply(CEA24).get("issued").getAsLong())
                .as("a pre-allocation creates nothing")
                .isEqualTo(60_000);
        JsonObject a = allocation(2024, "HB-U1");
        assertThat(a.get("preAllocated").getAsLong()).isEqualTo(7_000);
        assertThat(a.has("final") && !a.get("final").isJsonNull())
                .as("no final allocation yet")
                .isFalse();
        assertSupplyBalanced();
    }

    @Test
    void pre_allocation_rounds_half_up_to_whole_tonnes() {
        ok(on("2024-05-01", () -> recordEmissions(Parties.HB, "HB-U2", 2023, 10_001))); // 7,000.7 t
        assertThat(object(ok(preAllocate(Parties.HB, "HB-U2", 2024)))
                        .get("quantity")
                        .getAsLong())
                .isEqualTo(7_001);
    }

    @Test
    void a_pre_allocation_is_refused_without_last_years_emissions_twice_or_beyond_the_province_account() {
        assertRejectedWithoutWrites("NOT_FOUND", () -> preAllocate(Parties.HB, "HB-U2", 2024));
        assertRejectedWithoutWrites("NOT_FOUND", () -> preAllocate(Parties.HB, "HB-NOBODY", 2024));
        ok(preAllocate(Parties.HB, "HB-U1", 2024));
        assertRejectedWithoutWrites("ALREADY_EXISTS", () -> preAllocate(Parties.HB, "HB-U1", 2024));
        ok(on("2024-05-01", () -> recordEmissions(Parties.HB, "HB-U2", 2023, 100_000)));
        assertRejectedWithoutWrites("INSUFFICIENT_HOLDINGS", () -> preAllocate(Parties.HB, "HB-U2", 2024));
        assertRejectedWithoutWrites(
                "BAD_REQUEST", () -> preCommand(Parties.HB, json("requestId", "x", "unitId", "HB-U2")));
        assertRejectedWithoutWrites(
                "BAD_REQUEST", () -> preCommand(Parties.HB, json("requestId", "x", "unitId", "HB-U2", "year", 1990)));
        assertRejectedWithoutWrites("BAD_REQUEST", () -> preCommand(Parties.HB, "[1,2]"));
        assertThat(quantity("HB-U2", CEA24)).isZero();
    }

    @Test
    void only_the_units_own_province_allocates() {
        for (TestIdentity who :
                new TestIdentity[] {Parties.GD, Parties.MEE, Parties.REGISTRY, HB_U1, Parties.EXCHANGE}) {
            assertRejectedWithoutWrites("FORBIDDEN", () -> preAllocate(who, "HB-U1", 2024));
        }
        ok(recordEmissions(Parties.HB, "HB-U1", 2024, 9_000));
        assertRejectedWithoutWrites("FORBIDDEN", () -> finalisePower(Parties.GD, "HB-U1", 2024, 10_000));
        assertRejectedWithoutWrites("FORBIDDEN", () -> finalisePower(HB_U1, "HB-U1", 2024, 10_000));
        assertRejectedWithoutWrites("FORBIDDEN", () -> collectDebt(Parties.GD, "HB-U1", 2024));
        assertRejectedWithoutWrites("FORBIDDEN", () -> preAllocate(Parties.HB, "INST-1", 2024));
        assertRejectedWithoutWrites("FORBIDDEN", () -> preAllocate(Parties.HB, "GD-U1", 2024));
        assertThat(quantity("HB-U1", CEA24)).isZero();
        assertThat(quantity("PROVINCE-HB", CEA24)).isEqualTo(50_000);
    }

    @Test
    void a_final_allocation_above_the_pre_allocation_issues_the_rest_from_the_province() {
        ok(preAllocate(Parties.HB, "HB-U1", 2024));
        ok(recordEmissions(Parties.HB, "HB-U1", 2024, 9_000));
        // 10,000 MWh × 0.7910 (2024 benchmark, coal > 300 MW, load 80 % ⇒ no correction) = 7,910 t ≥ 80 % × 9,000
        JsonObject r = object(ok(finalisePower(Parties.HB, "HB-U1", 2024, 10_000)));
        assertThat(r.get("final").getAsLong()).isEqualTo(7_910);
        assertThat(r.get("preAllocated").getAsLong()).isEqualTo(7_000);
        assertThat(r.get("trueUp").getAsLong()).isEqualTo(910);
        assertThat(quantity("HB-U1", CEA24)).isEqualTo(7_910);
        assertThat(quantity("PROVINCE-HB", CEA24)).isEqualTo(50_000 - 7_910);
        JsonObject a = allocation(2024, "HB-U1");
        assertThat(a.get("final").getAsLong()).isEqualTo(7_910);
        assertThat(a.get("trueUp").getAsLong()).isEqualTo(910);
        assertThat(a.get("debt").getAsLong()).isZero();
        assertSupplyBalanced();
    }

    @Test
    void the_coal_floor_raises_a_low_benchmark_result_to_80_percent_of_verified_emissions() {
        ok(preAllocate(Parties.HB, "HB-U1", 2024));
        ok(recordEmissions(Parties.HB, "HB-U1", 2024, 9_000));
        JsonObject r = object(ok(finalisePower(Parties.HB, "HB-U1", 2024, 8_000))); // 6,328 t < 7,200 t
        assertThat(r.get("final").getAsLong()).isEqualTo(7_200);
        assertThat(r.get("trueUp").getAsLong()).isEqualTo(200);
        assertThat(allocation(2024, "HB-U1").get("computed").getAsLong()).isEqualTo(6_328);
    }

    @Test
    void a_final_allocation_below_the_pre_allocation_claws_the_excess_back_to_the_province() {
        ok(preAllocate(Parties.HB, "HB-S1", 2024));
        ok(recordEmissions(Parties.HB, "HB-S1", 2024, 5_000));
        JsonObject r = object(ok(finaliseSteel(Parties.HB, "HB-S1", 2024)));
        assertThat(r.get("final").getAsLong()).isEqualTo(5_000);
        assertThat(r.get("trueUp").getAsLong()).isEqualTo(-2_000);
        assertThat(r.get("clawedBack").getAsLong()).isEqualTo(2_000);
        assertThat(r.get("debt").getAsLong()).isZero();
        assertThat(quantity("HB-S1", CEA24)).isEqualTo(5_000);
        assertThat(quantity("PROVINCE-HB", CEA24)).isEqualTo(45_000);
        assertThat(status("HB-S1")).isEqualTo("ACTIVE");
        assertSupplyBalanced();
    }

    @Test
    void a_claw_back_of_units_already_sold_leaves_a_debt_restricts_the_unit_and_never_a_negative_balance() {
        ok(preAllocate(Parties.HB, "HB-S1", 2024));
        ok(settle(CEA24, "HB-S1", "INST-1", 6_000));
        ok(recordEmissions(Parties.HB, "HB-S1", 2024, 5_000));
        JsonObject r = object(ok(finaliseSteel(Parties.HB, "HB-S1", 2024)));
        assertThat(r.get("trueUp").getAsLong()).isEqualTo(-2_000);
        assertThat(r.get("clawedBack").getAsLong()).isEqualTo(1_000);
        assertThat(r.get("debt").getAsLong()).isEqualTo(1_000);
        assertThat(quantity("HB-S1", CEA24)).isZero();
        assertThat(quantity("INST-1", CEA24)).as("what was sold stays sold").isEqualTo(6_000);
        assertThat(quantity("PROVINCE-HB", CEA24)).isEqualTo(44_000);
        assertThat(status("HB-S1")).isEqualTo("RESTRICTED");
        assertThat(allocation(2024, "HB-S1").get("debt").getAsLong()).isEqualTo(1_000);
        assertSupplyBalanced();

        // a restricted unit may not send units away…
        ok(distribute(Parties.HB, CEA24, "PROVINCE-HB", "HB-S1", 400));
        assertRejectedWithoutWrites("ACCOUNT_NOT_ACTIVE", () -> settle(CEA24, "HB-S1", "INST-1", 100));
        // …and a partial collection keeps it restricted
        JsonObject c1 = object(ok(collectDebt(Parties.HB, "HB-S1", 2024)));
        assertThat(c1.get("collected").getAsLong()).isEqualTo(400);
        assertThat(c1.get("debt").getAsLong()).isEqualTo(600);
        assertThat(status("HB-S1")).isEqualTo("RESTRICTED");
        assertThat(quantity("HB-S1", CEA24)).isZero();
        assertSupplyBalanced();
    }

    @Test
    void collecting_the_whole_debt_lifts_the_restriction() {
        ok(preAllocate(Parties.HB, "HB-S1", 2024));
        ok(settle(CEA24, "HB-S1", "INST-1", 7_000));
        ok(recordEmissions(Parties.HB, "HB-S1", 2024, 5_000));
        ok(finaliseSteel(Parties.HB, "HB-S1", 2024));
        assertThat(allocation(2024, "HB-S1").get("debt").getAsLong()).isEqualTo(2_000);
        ok(distribute(Parties.HB, CEA24, "PROVINCE-HB", "HB-S1", 2_500));
        JsonObject c = object(ok(collectDebt(Parties.HB, "HB-S1", 2024)));
        assertThat(c.get("collected").getAsLong()).isEqualTo(2_000);
        assertThat(c.get("debt").getAsLong()).isZero();
        assertThat(c.get("clawedBack").getAsLong()).isEqualTo(2_000);
        assertThat(quantity("HB-S1", CEA24)).isEqualTo(500);
        assertThat(status("HB-S1")).isEqualTo("ACTIVE");
        ok(settle(CEA24, "HB-S1", "INST-1", 100));
        assertSupplyBalanced();
    }

    @Test
    void collecting_does_not_lift_a_restriction_the_registry_imposed_for_another_reason() {
        ok(preAllocate(Parties.HB, "HB-S1", 2024));
        ok(settle(CEA24, "HB-S1", "INST-1", 7_000));
        ok(setStatus(Parties.REGISTRY, "HB-S1", "RESTRICTED"));
        ok(recordEmissions(Parties.HB, "HB-S1", 2024, 5_000));
        ok(finaliseSteel(Parties.HB, "HB-S1", 2024));
        ok(distribute(Parties.HB, CEA24, "PROVINCE-HB", "HB-S1", 2_000));
        ok(collectDebt(Parties.HB, "HB-S1", 2024));
        assertThat(allocation(2024, "HB-S1").get("debt").getAsLong()).isZero();
        assertThat(status("HB-S1")).isEqualTo("RESTRICTED");
    }

    @Test
    void the_restriction_stays_while_a_debt_of_another_year_is_unpaid() {
        ok(preAllocate(Parties.HB, "HB-S1", 2024));
        ok(settle(CEA24, "HB-S1", "INST-1", 7_000));
        ok(recordEmissions(Parties.HB, "HB-S1", 2024, 5_000));
        ok(finaliseSteel(Parties.HB, "HB-S1", 2024)); // 2,000 t owed for 2024
        give(CEA25, "PROVINCE-HB", 10_000);
        String closure = json(
                "requestId", "adj-1", "unitId", "HB-S1", "year", 2025, "quantity", -1_000, "reason", "CAPACITY_CHANGE");
        JsonObject adj = object(ok(
                ledger.submit(Parties.HB, "allocation:adjust", ctx -> new AllocationContract().adjust(ctx, closure))));
        assertThat(adj.get("debt").getAsLong())
                .as("nothing of CEA-2025 held: all owed")
                .isEqualTo(1_000);
        assertThat(status("HB-S1")).isEqualTo("RESTRICTED");
        ok(distribute(Parties.HB, CEA25, "PROVINCE-HB", "HB-S1", 1_000));
        ok(collectDebt(Parties.HB, "HB-S1", 2025));
        assertThat(allocation(2025, "HB-S1").get("debt").getAsLong()).isZero();
        assertThat(status("HB-S1")).as("2,000 t of 2024 are still owed").isEqualTo("RESTRICTED");
    }

    @Test
    void last_years_shortfall_is_deducted_from_this_years_final_allocation() {
        ok(recordEmissions(Parties.HB, "HB-S1", 2024, 1_000));
        ok(distribute(Parties.HB, CEA24, "PROVINCE-HB", "HB-S1", 600));
        ok(surrender(HB_S1, "HB-S1", 2024, CEA24, 600));
        today("2026-01-05"); // after the 2024 surrender deadline
        ok(close(Parties.MEE, 2024));
        assertThat(compliance("HB-S1", 2024).get("deduction").getAsLong()).isEqualTo(400);

        give(CEA25, "PROVINCE-HB", 10_000);
        assertThat(object(ok(preAllocate(Parties.HB, "HB-S1", 2025)))
                        .get("quantity")
                        .getAsLong())
                .isEqualTo(700);
        ok(recordEmissions(Parties.HB, "HB-S1", 2025, 1_200));
        JsonObject r = object(ok(finaliseSteel(Parties.HB, "HB-S1", 2025)));
        assertThat(r.get("computed").getAsLong()).isEqualTo(1_200);
        assertThat(r.get("deducted").getAsLong()).isEqualTo(400);
        assertThat(r.get("final").getAsLong()).isEqualTo(800);
        assertThat(r.get("trueUp").getAsLong()).isEqualTo(100);
        assertThat(quantity("HB-S1", CEA25)).isEqualTo(800);
        assertSupplyBalanced();
    }

    @Test
    void allocations_and_emissions_of_a_closed_year_answer_deadline_passed() {
        ok(preAllocate(Parties.HB, "HB-U1", 2024));
        ok(recordEmissions(Parties.HB, "HB-U1", 2024, 9_000));
        ok(recordEmissions(Parties.HB, "HB-S1", 2024, 9_000));
        today("2026-01-05"); // after the 2024 surrender deadline
        ok(close(Parties.MEE, 2024));
        assertRejectedWithoutWrites("DEADLINE_PASSED", () -> finalisePower(Parties.HB, "HB-U1", 2024, 10_000));
        assertRejectedWithoutWrites("DEADLINE_PASSED", () -> preAllocate(Parties.HB, "HB-S1", 2024));
        assertRejectedWithoutWrites("DEADLINE_PASSED", () -> recordEmissions(Parties.HB, "HB-U1", 2024, 8_000));
        assertThat(quantity("HB-U1", CEA24)).isEqualTo(7_000);
    }

    @Test
    void a_closed_year_takes_no_new_emissions_or_allocations_for_units_it_did_not_know() {
        ok(recordEmissions(Parties.HB, "HB-U1", 2024, 9_000));
        today("2026-01-05"); // after the 2024 surrender deadline
        ok(close(Parties.MEE, 2024));
        assertRejectedWithoutWrites("DEADLINE_PASSED", () -> preAllocate(Parties.HB, "HB-S1", 2024));
        assertRejectedWithoutWrites("DEADLINE_PASSED", () -> recordEmissions(Parties.HB, "HB-U2", 2024, 5_000));
    }

    @Test
    void a_final_allocation_needs_the_years_emissions_valid_facilities_and_happens_once() {
        assertRejectedWithoutWrites("NOT_FOUND", () -> finalisePower(Parties.HB, "HB-U1", 2024, 10_000));
        ok(recordEmissions(Parties.HB, "HB-U1", 2024, 9_000));
        assertRejectedWithoutWrites(
                "BAD_REQUEST",
                () -> finaliseCommand(
                        Parties.HB, json("requestId", "f-1", "unitId", "HB-U1", "year", 2024, "sector", "POWER")));
        assertRejectedWithoutWrites(
                "BAD_REQUEST", () -> finaliseCommand(Parties.HB, facilities("f-2", "NUCLEAR", 100, "0.8")));
        assertRejectedWithoutWrites(
                "BAD_REQUEST", () -> finaliseCommand(Parties.HB, facilities("f-3", "GAS", 100, "1.5")));
        assertRejectedWithoutWrites(
                "BAD_REQUEST", () -> finaliseCommand(Parties.HB, facilities("f-4", "GAS", -100, "0.8")));
        assertRejectedWithoutWrites(
                "BAD_REQUEST",
                () -> finaliseCommand(
                        Parties.HB,
                        json(
                                "requestId",
                                "f-5",
                                "unitId",
                                "HB-U1",
                                "year",
                                2024,
                                "sector",
                                "SHIPPING",
                                "facilities",
                                List.of())));
        ok(finalisePower(Parties.HB, "HB-U1", 2024, 10_000));
        assertRejectedWithoutWrites("ALREADY_EXISTS", () -> finalisePower(Parties.HB, "HB-U1", 2024, 12_000));
        assertRejectedWithoutWrites("ALREADY_EXISTS", () -> preAllocate(Parties.HB, "HB-U1", 2024));
        assertThat(quantity("HB-U1", CEA24)).isEqualTo(7_910);
    }

    private static String facilities(String requestId, String category, long mwh, String loadFactor) {
        return CanonicalJson.writeMap(map(
                "requestId",
                requestId,
                "unitId",
                "HB-U1",
                "year",
                2024,
                "sector",
                "POWER",
                "facilities",
                List.of(Map.of("category", category, "electricityMWh", mwh, "loadFactor", loadFactor))));
    }

    @Test
    void the_sector_of_a_final_allocation_is_the_units_registered_sector() {
        ok(recordEmissions(Parties.HB, "HB-U1", 2024, 9_000));
        assertRejectedWithoutWrites("BAD_REQUEST", () -> finaliseSteel(Parties.HB, "HB-U1", 2024));
    }

    @Test
    void replaying_a_pre_allocation_returns_the_first_result_and_moves_nothing_more() {
        String command = json("requestId", "pre-x", "unitId", "HB-U1", "year", 2024);
        ok(preCommand(Parties.HB, command));
        var before = ledger.snapshot();
        JsonObject again = object(ok(preCommand(Parties.HB, command)));
        assertThat(again.get("replayed").getAsBoolean()).isTrue();
        assertThat(again.get("quantity").getAsLong()).isEqualTo(7_000);
        assertThat(ledger.snapshot()).isEqualTo(before);
    }
}
