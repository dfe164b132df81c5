package cn.ets.registry.domain.policy;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import cn.ets.registry.domain.DomainException;
import cn.ets.registry.domain.ErrorCode;
import cn.ets.registry.domain.settlement.TradeMode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SeededParametersTest {

    @ParameterizedTest(name = "{0} {1}: {2} t/MWh, {3} t/GJ")
    @CsvSource({
        "2023, COAL_ABOVE_300MW,     0.7950, 0.1038",
        "2023, COAL_300MW_AND_BELOW, 0.8090, 0.1038",
        "2023, COAL_UNCONVENTIONAL,  0.8285, 0.1038",
        "2023, GAS,                  0.3305, 0.0536",
        "2024, COAL_ABOVE_300MW,     0.7910, 0.1033",
        "2024, COAL_300MW_AND_BELOW, 0.8049, 0.1033",
        "2024, COAL_UNCONVENTIONAL,  0.8244, 0.1033",
        "2024, GAS,                  0.3288, 0.0533",
    })
    void benchmarks_are_the_table_2_values_of_the_vintage(
            String vintage, FacilityCategory category, BigDecimal electricity, BigDecimal heat) {
        Benchmark benchmark = SeededParameters.forVintage(vintage).benchmark(category);

        assertThat(benchmark.electricity()).isEqualByComparingTo(electricity);
        assertThat(benchmark.heat()).isEqualByComparingTo(heat);
    }

    @ParameterizedTest(name = "{0}: {1} t/MWh, {2} t/GJ")
    @CsvSource({
        "COAL_ABOVE_300MW,     0.7982, 0.1041",
        "COAL_300MW_AND_BELOW, 0.8155, 0.1041",
        "COAL_UNCONVENTIONAL,  0.8352, 0.1041",
        "GAS,                  0.3239, 0.0525",
    })
    void balance_values_of_2023_are_kept_for_disclosure(
            FacilityCategory category, BigDecimal electricity, BigDecimal heat) {
        Benchmark balance =
                SeededParameters.forVintage("2023").balanceBenchmarks().get(category);

        assertThat(balance.electricity()).isEqualByComparingTo(electricity);
        assertThat(balance.heat()).isEqualByComparingTo(heat);
    }

    @Test
    void no_balance_values_are_published_for_2024() {
        assertThat(SeededParameters.forVintage("2024").balanceBenchmarks()).isEmpty();
    }

    @Test
    void only_the_vintages_the_sources_publish_in_full_are_seeded() {
        assertThat(SeededParameters.VINTAGES).containsExactly("2023", "2024");
    }

    @Test
    void vintage_2024_has_the_scalar_defaults_of_the_rules() {
        PolicyParameters p = SeededParameters.forVintage("2024");

        assertThat(p.version()).isEqualTo(1);
        assertThat(p.preAllocationRate()).isEqualByComparingTo("0.70");
        assertThat(p.loadFactorThreshold()).isEqualByComparingTo("0.65");
        assertThat(p.loadFactorCoefficient()).isEqualByComparingTo("0.0012");
        assertThat(p.coalFloor()).isEqualByComparingTo("0.80");
        assertThat(p.gasTopUp()).isTrue();
        assertThat(p.offsetCap()).isEqualByComparingTo("0.05");
        assertThat(p.legacyCcerEligibleUntil()).isEqualTo(LocalDate.of(2024, 12, 31));
        assertThat(p.legacyCcerFiledBefore()).isEqualTo(LocalDate.of(2017, 3, 14));
        assertThat(p.carryOverBase()).isEqualTo(10_000L);
        assertThat(p.carryOverMultiplier()).isEqualByComparingTo("1.5");
        assertThat(p.carryOverVintages()).containsExactly("2019-2020", "2021", "2022", "2023", "2024");
        assertThat(p.penaltyMinMultiple()).isEqualByComparingTo("5");
        assertThat(p.penaltyMaxMultiple()).isEqualByComparingTo("10");
        assertThat(p.borrowingEnabled()).isFalse();
        assertThat(p.borrowingMaxShare()).isEqualByComparingTo("0.5");
        assertThat(p.borrowingMinGapShare()).isEqualByComparingTo("0.10");
    }

    /** 003 §2.2.4 (verification by 30 June; 31 August for the new sectors in 2025), §2.2.7 (surrender by the end of the next year). */
    @ParameterizedTest
    @CsvSource({
        "2023,      2024-06-30, 2024-12-31",
        "2024,      2025-08-31, 2025-12-31",
    })
    void deadlines_fall_in_the_year_after_the_vintage(String vintage, LocalDate emissions, LocalDate surrender) {
        PolicyParameters p = SeededParameters.forVintage(vintage);

        assertThat(p.emissionsDeadline()).isEqualTo(emissions);
        assertThat(p.surrenderDeadline()).isEqualTo(surrender);
    }

    @Test
    void power_uses_benchmarks_and_the_new_sectors_their_emissions_from_2024() {
        assertThat(SeededParameters.forVintage("2023").sectorMethods())
                .containsExactly(entry(Sector.POWER, AllocationMethod.BENCHMARK));
        assertThat(SeededParameters.forVintage("2024").sectorMethods())
                .containsExactly(
                        entry(Sector.POWER, AllocationMethod.BENCHMARK),
                        entry(Sector.STEEL, AllocationMethod.VERIFIED_EMISSIONS),
                        entry(Sector.CEMENT, AllocationMethod.VERIFIED_EMISSIONS),
                        entry(Sector.ALUMINIUM, AllocationMethod.VERIFIED_EMISSIONS));
    }

    /** Vintages are data: no set is made up for a vintage the sources do not publish (2019–2022 have no benchmarks there). */
    @ParameterizedTest
    @ValueSource(strings = {"2019-2020", "2021", "2022", "2025", "2026", "2018", "2024 ", "", "abc"})
    void every_other_vintage_is_for_mee_to_publish(String vintage) {
        assertThatExceptionOfType(DomainException.class)
                .isThrownBy(() -> SeededParameters.forVintage(vintage))
                .extracting(DomainException::code)
                .isEqualTo(ErrorCode.PARAMETERS_NOT_PUBLISHED);
    }

    @Test
    void the_seeded_sets_carry_the_key_emitter_threshold_and_the_price_bands_of_the_sources() {
        PolicyParameters p = SeededParameters.forVintage("2024");
        assertThat(p.keyEmitterThreshold()).as("000 §7, 001 §5").isEqualTo(26_000);
        assertThat(p.priceBand(TradeMode.LISTED)).as("003 Table 1").isEqualByComparingTo("0.10");
        assertThat(p.priceBand(TradeMode.BLOCK)).isEqualByComparingTo("0.30");
        assertThat(p.priceBand(TradeMode.BIDDING)).isEqualByComparingTo("0.10");
        assertThat(p.intensityBenchmarks())
                .as("2025–26 numbers are not in the sources")
                .isEmpty();
        assertThat(SeededParameters.forVintage("2023").sectorMethods()).containsOnlyKeys(Sector.POWER);
    }

    @Test
    void coal_categories_are_coal_and_gas_is_not() {
        assertThat(List.of(FacilityCategory.values()).stream().filter(FacilityCategory::isCoal))
                .containsExactly(
                        FacilityCategory.COAL_ABOVE_300MW,
                        FacilityCategory.COAL_300MW_AND_BELOW,
                        FacilityCategory.COAL_UNCONVENTIONAL);
    }
}
