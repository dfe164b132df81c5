package cn.ets.registry.domain.allocation;

import static cn.ets.registry.domain.policy.FacilityCategory.COAL_ABOVE_300MW;
import static cn.ets.registry.domain.policy.FacilityCategory.GAS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import cn.ets.registry.domain.DomainException;
import cn.ets.registry.domain.ErrorCode;
import cn.ets.registry.domain.policy.FacilityCategory;
import cn.ets.registry.domain.policy.PolicyParameters;
import cn.ets.registry.domain.policy.Sector;
import cn.ets.registry.domain.policy.SeededParameters;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AllocationFormulaTest {
    private static final PolicyParameters P2024 = SeededParameters.forVintage("2024");

    private static Facility facility(FacilityCategory category, String mwh, String gj, String loadFactor) {
        return new Facility(category, new BigDecimal(mwh), new BigDecimal(gj), new BigDecimal(loadFactor));
    }

    private static AllocationResult power(long verified, Facility... facilities) {
        return AllocationFormula.compute(Sector.POWER, verified, List.of(facilities), P2024);
    }

    @ParameterizedTest(name = "{0} {1}: {2} MWh + {3} GJ -> {4} t")
    @CsvSource({
        "2023, COAL_ABOVE_300MW,     10000,     0, 7950",
        "2023, COAL_300MW_AND_BELOW, 10000,     0, 8090",
        "2023, COAL_UNCONVENTIONAL,  10000,     0, 8285",
        "2023, GAS,                  10000,     0, 3305",
        "2023, COAL_ABOVE_300MW,         0, 10000, 1038",
        "2023, COAL_300MW_AND_BELOW,     0, 10000, 1038",
        "2023, COAL_UNCONVENTIONAL,      0, 10000, 1038",
        "2023, GAS,                      0, 10000,  536",
        "2024, COAL_ABOVE_300MW,     10000,     0, 7910",
        "2024, COAL_300MW_AND_BELOW, 10000,     0, 8049",
        "2024, COAL_UNCONVENTIONAL,  10000,     0, 8244",
        "2024, GAS,                  10000,     0, 3288",
        "2024, COAL_ABOVE_300MW,         0, 10000, 1033",
        "2024, COAL_300MW_AND_BELOW,     0, 10000, 1033",
        "2024, COAL_UNCONVENTIONAL,      0, 10000, 1033",
        "2024, GAS,                      0, 10000,  533",
    })
    void output_times_the_benchmark_column_never_the_balance_column(
            String vintage, FacilityCategory category, String mwh, String gj, long expected) {
        AllocationResult result = AllocationFormula.compute(
                Sector.POWER, 0, List.of(facility(category, mwh, gj, "0.80")), SeededParameters.forVintage(vintage));

        assertThat(result).isEqualTo(new AllocationResult(expected, expected, expected, null));
    }

    @ParameterizedTest(name = "F = {0} -> {1} t")
    @CsvSource({"0.65, 79100", "0.64, 79195", "0.50, 80524"})
    void coal_generation_is_multiplied_by_the_load_factor_correction(String loadFactor, long expected) {
        // 100,000 MWh x 0.7910 x (1 + 0.0012 x points below 65) : 79100, 79194.92, 80523.8
        assertThat(power(0, facility(COAL_ABOVE_300MW, "100000", "0", loadFactor))
                        .computed())
                .isEqualTo(expected);
    }

    @Test
    void heat_is_not_corrected_for_load() {
        assertThat(power(0, facility(COAL_ABOVE_300MW, "0", "10000", "0.50")).computed())
                .isEqualTo(1033);
    }

    @ParameterizedTest(name = "{1} MWh x {0} -> {2} t")
    @CsvSource({
        // 2023 coal > 300 MW, 0.7950 t/MWh
        "2023, 300,  239", // 238.5 rounds half up (half even would give 238)
        "2023, 100,   80", // 79.5
        "2023, 10,     8", // 7.95
        "2023, 0.6,    0", // 0.477
        "2023, 0.629,  1", // 0.500055
    })
    void each_facility_is_rounded_half_up_to_whole_tonnes(String vintage, String mwh, long expected) {
        AllocationResult result = AllocationFormula.compute(
                Sector.POWER,
                0,
                List.of(facility(COAL_ABOVE_300MW, mwh, "0", "1")),
                SeededParameters.forVintage(vintage));

        assertThat(result.computed()).isEqualTo(expected);
    }

    @Test
    void facilities_are_rounded_before_they_are_summed() {
        // 10 MWh x 0.3305 = 3.305 t each: 3 + 3 = 6 (rounding the sum 6.61 would give 7)
        AllocationResult result = AllocationFormula.compute(
                Sector.POWER,
                0,
                List.of(facility(GAS, "10", "0", "1"), facility(GAS, "10", "0", "1")),
                SeededParameters.forVintage("2023"));

        assertThat(result.computed()).isEqualTo(6);
    }

    @ParameterizedTest(name = "computed {0} MWh, verified {1} t -> {2} {3}")
    @CsvSource({
        // 4,000 MWh x 0.7910 = 3,164 t
        "4000,    3955, 3164, 3164,", // exactly 80 % of 3,955: no change
        "3998.74, 3955, 3163, 3164, COAL_FLOOR", // one tonne below 80 %
        "4000,    3956, 3164, 3165, COAL_FLOOR", // 80 % = 3,164.8: raised to 3,165, rounded up
        "4000,    3000, 3164, 3164,", // above emissions: coal is not cut down
        "0,       1000,    0,  800, COAL_FLOOR",
        "0,       1004,    0,  804, COAL_FLOOR", // 80 % = 803.2: up, not to the nearest
    })
    void coal_unit_below_80_percent_of_emissions_is_raised_to_80_percent(
            String mwh, long verified, long computed, long finalAllocation, String rule) {
        AllocationResult result = power(verified, facility(COAL_ABOVE_300MW, mwh, "0", "0.80"));

        assertThat(result).isEqualTo(new AllocationResult(computed, finalAllocation, finalAllocation, rule));
    }

    @ParameterizedTest(name = "verified {0} t -> {1} {2}")
    @CsvSource({
        // 1,000 MWh x 0.3288 = 328.8 -> 329 t
        "329, 329,", // exactly equal: nothing to top up
        "330, 330, GAS_TOP_UP", // one tonne above: raised to emissions
        "328, 329,", // below: gas keeps its surplus
        "5000, 5000, GAS_TOP_UP",
    })
    void gas_unit_below_its_emissions_is_topped_up_to_them(long verified, long finalAllocation, String rule) {
        AllocationResult result = power(verified, facility(GAS, "1000", "0", "0.30"));

        assertThat(result).isEqualTo(new AllocationResult(329, finalAllocation, finalAllocation, rule));
    }

    @Test
    void gas_top_up_can_be_switched_off() {
        PolicyParameters noTopUp = P2024.toBuilder().gasTopUp(false).build();

        AllocationResult result =
                AllocationFormula.compute(Sector.POWER, 5000, List.of(facility(GAS, "1000", "0", "0.30")), noTopUp);

        assertThat(result).isEqualTo(new AllocationResult(329, 329, 329, null));
    }

    @ParameterizedTest(name = "verified {0} t -> {1} {2}")
    @CsvSource({
        // 1,000 MWh coal (791 t) + 1,000 MWh gas (329 t) = 1,120 t
        "1500, 1200, COAL_FLOOR", // floor 80 %, not top-up to 1,500
        "1300, 1120,", // above the floor; no gas top-up for a mixed unit
    })
    void mixed_gas_and_coal_unit_gets_the_coal_floor_only(long verified, long finalAllocation, String rule) {
        AllocationResult result =
                power(verified, facility(COAL_ABOVE_300MW, "1000", "0", "0.80"), facility(GAS, "1000", "0", "0.80"));

        assertThat(result).isEqualTo(new AllocationResult(1120, finalAllocation, finalAllocation, rule));
    }

    @ParameterizedTest
    @CsvSource({"STEEL, 1234567", "CEMENT, 0", "ALUMINIUM, 26000"})
    void steel_cement_and_aluminium_receive_their_verified_emissions_in_2024(Sector sector, long verified) {
        AllocationResult result = AllocationFormula.compute(sector, verified, List.of(), P2024);

        assertThat(result).isEqualTo(new AllocationResult(verified, verified, verified, "VERIFIED_EMISSIONS"));
    }

    @Test
    void a_sector_without_a_method_in_the_vintage_is_a_bad_request() {
        assertThatExceptionOfType(DomainException.class)
                .isThrownBy(() ->
                        AllocationFormula.compute(Sector.STEEL, 100, List.of(), SeededParameters.forVintage("2023")))
                .satisfies(e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.BAD_REQUEST);
                    assertThat(e.details()).containsEntry("sector", "STEEL").containsEntry("vintage", "2023");
                });
    }

    @Test
    void a_power_unit_needs_facilities_and_non_negative_emissions() {
        assertThatExceptionOfType(DomainException.class)
                .isThrownBy(() -> power(100))
                .extracting(DomainException::code)
                .isEqualTo(ErrorCode.BAD_REQUEST);
        assertThatExceptionOfType(DomainException.class)
                .isThrownBy(() -> power(-1, facility(GAS, "1", "0", "1")))
                .extracting(DomainException::code)
                .isEqualTo(ErrorCode.INVALID_QUANTITY);
    }

    @Test
    void adjustments_only_ever_raise_and_reach_exactly_the_floor_or_the_emissions() {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        FacilityCategory[] categories = FacilityCategory.values();
        for (int i = 0; i < 2_000; i++) {
            List<Facility> facilities = new ArrayList<>();
            for (int f = 0, n = 1 + random.nextInt(3); f < n; f++) {
                facilities.add(new Facility(
                        categories[random.nextInt(categories.length)],
                        BigDecimal.valueOf(random.nextInt(5_000_000), 2),
                        BigDecimal.valueOf(random.nextInt(5_000_000), 2),
                        BigDecimal.valueOf(random.nextInt(101), 2)));
            }
            long verified = random.nextInt(100_000);
            AllocationResult r = AllocationFormula.compute(Sector.POWER, verified, facilities, P2024);
            boolean anyCoal = facilities.stream().anyMatch(f -> f.category().isCoal());
            long floor = BigDecimal.valueOf(verified)
                    .multiply(new BigDecimal("0.80"))
                    .setScale(0, RoundingMode.CEILING)
                    .longValueExact();
            String seedText = "seed " + seed + ", case " + i + ": " + facilities + ", verified " + verified;

            assertThat(r.finalAllocation())
                    .as(seedText)
                    .isEqualTo(r.adjustedTo())
                    .isGreaterThanOrEqualTo(r.computed())
                    .isEqualTo(anyCoal ? Math.max(r.computed(), floor) : Math.max(r.computed(), verified));
        }
    }
}
