package cn.ets.registry.domain.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.ets.registry.domain.DomainException;
import cn.ets.registry.domain.ErrorCode;
import cn.ets.registry.domain.settlement.TradeMode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PolicyParametersTest {
    private static final PolicyParameters P2024 = SeededParameters.forVintage("2024");

    private static void assertBadRequest(UnaryOperator<PolicyParameters.Builder> change) {
        assertThatExceptionOfType(DomainException.class)
                .isThrownBy(() -> change.apply(P2024.toBuilder()).build())
                .extracting(DomainException::code)
                .isEqualTo(ErrorCode.BAD_REQUEST);
    }

    @ParameterizedTest
    @ValueSource(strings = {"-0.01", "1.01"})
    void rates_outside_zero_to_one_are_rejected(String rate) {
        BigDecimal value = new BigDecimal(rate);
        assertBadRequest(b -> b.preAllocationRate(value));
        assertBadRequest(b -> b.coalFloor(value));
        assertBadRequest(b -> b.offsetCap(value));
        assertBadRequest(b -> b.loadFactorThreshold(value));
        assertBadRequest(b -> b.borrowingMaxShare(value));
        assertBadRequest(b -> b.borrowingMinGapShare(value));
    }

    @Test
    void negative_coefficients_and_multiples_are_rejected() {
        assertBadRequest(b -> b.loadFactorCoefficient(new BigDecimal("-0.0012")));
        assertBadRequest(b -> b.carryOverMultiplier(new BigDecimal("-1.5")));
        assertBadRequest(b -> b.carryOverBase(-1));
        assertBadRequest(b -> b.penaltyMinMultiple(new BigDecimal("-5")));
    }

    @Test
    void a_penalty_maximum_below_the_minimum_is_rejected() {
        assertBadRequest(b -> b.penaltyMinMultiple(new BigDecimal("10")).penaltyMaxMultiple(new BigDecimal("5")));
    }

    @Test
    void a_missing_benchmark_category_is_rejected() {
        Map<FacilityCategory, Benchmark> withoutGas = new EnumMap<>(P2024.benchmarks());
        withoutGas.remove(FacilityCategory.GAS);

        assertThatThrownBy(() -> P2024.toBuilder().benchmarks(withoutGas).build())
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.BAD_REQUEST);
                    assertThat(e.details()).containsEntry("missing", "GAS");
                });
    }

    @Test
    void a_negative_benchmark_is_rejected() {
        Map<FacilityCategory, Benchmark> negative = new EnumMap<>(P2024.benchmarks());
        negative.put(FacilityCategory.GAS, Benchmark.of("-0.3288", "0.0533"));

        assertBadRequest(b -> b.benchmarks(negative));
    }

    @Test
    void steel_cannot_be_allocated_by_power_benchmarks() {
        Map<Sector, AllocationMethod> methods = new EnumMap<>(P2024.sectorMethods());
        methods.put(Sector.STEEL, AllocationMethod.BENCHMARK);

        assertBadRequest(b -> b.sectorMethods(methods));
    }

    @Test
    void inconsistent_dates_and_blank_identity_are_rejected() {
        assertBadRequest(b -> b.surrenderDeadline(LocalDate.of(2025, 6, 30)));
        assertBadRequest(b -> b.legacyCcerFiledBefore(LocalDate.of(2025, 1, 1)));
        assertBadRequest(b -> b.vintage(" "));
        assertBadRequest(b -> b.version(0));
        assertBadRequest(b -> b.carryOverVintages(List.of("2023", "")));
    }

    @Test
    void a_changed_copy_keeps_every_other_value() {
        PolicyParameters v2 =
                P2024.toBuilder().version(2).borrowingEnabled(true).build();

        assertThat(v2.toBuilder().version(1).borrowingEnabled(false).build()).isEqualTo(P2024);
    }

    @Test
    void maps_are_copied_so_later_changes_to_the_input_do_not_leak_in() {
        Map<FacilityCategory, Benchmark> input = new HashMap<>(P2024.benchmarks());
        PolicyParameters params = P2024.toBuilder().benchmarks(input).build();
        input.put(FacilityCategory.GAS, Benchmark.of("9", "9"));

        assertThat(params.benchmark(FacilityCategory.GAS).electricity()).isEqualByComparingTo("0.3288");
        assertThatThrownBy(() -> params.benchmarks().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThat(params.benchmarks().keySet()).containsExactly(FacilityCategory.values());
    }

    /** 003 §2.2.3: 2025–26 steel, cement and aluminium by intensity — the method needs its published outputs. */
    @Test
    void an_intensity_allocated_sector_needs_its_outputs_and_sane_names_and_values() {
        Map<Sector, AllocationMethod> methods = new EnumMap<>(P2024.sectorMethods());
        methods.put(Sector.CEMENT, AllocationMethod.INTENSITY);
        assertBadRequest(b -> b.sectorMethods(methods));
        assertBadRequest(b -> b.sectorMethods(methods)
                .intensityBenchmarks(Map.of(Sector.CEMENT, Map.of("clinker", new BigDecimal("0.86")))));
        assertBadRequest(b -> b.sectorMethods(methods)
                .intensityBenchmarks(Map.of(Sector.CEMENT, Map.of("CLINKER", new BigDecimal("-0.86")))));
        PolicyParameters ok = P2024.toBuilder()
                .sectorMethods(methods)
                .intensityBenchmarks(Map.of(Sector.CEMENT, Map.of("CLINKER", new BigDecimal("0.86"))))
                .build();
        assertThat(ok.intensity(Sector.CEMENT, "CLINKER")).isEqualByComparingTo("0.86");
        assertThatExceptionOfType(DomainException.class)
                .isThrownBy(() -> ok.intensity(Sector.CEMENT, "CEMENT"))
                .satisfies(e -> assertThat(e.getMessage()).contains("CLINKER"));
    }

    @Test
    void benchmarks_are_needed_only_where_a_sector_is_allocated_by_them() {
        PolicyParameters noPower = P2024.toBuilder()
                .sectorMethods(Map.of(Sector.STEEL, AllocationMethod.VERIFIED_EMISSIONS))
                .benchmarks(Map.of())
                .build();
        assertThat(noPower.benchmarks()).isEmpty();
        assertThatExceptionOfType(DomainException.class)
                .isThrownBy(() -> noPower.benchmark(FacilityCategory.GAS))
                .extracting(DomainException::code)
                .isEqualTo(ErrorCode.BAD_REQUEST);
    }

    /** 000 §7, 001 §5 (threshold); 003 Table 1 (bands, every mode); warnings within a year. */
    @Test
    void threshold_warning_days_and_price_bands_are_checked() {
        assertBadRequest(b -> b.keyEmitterThreshold(-1));
        assertBadRequest(b -> b.warningDays(-1));
        assertBadRequest(b -> b.warningDays(367));
        assertBadRequest(b -> b.priceBands(Map.of(TradeMode.LISTED, new BigDecimal("0.10"))));
        assertBadRequest(b -> b.priceBands(Map.of(
                TradeMode.LISTED, new BigDecimal("0.10"),
                TradeMode.BLOCK, new BigDecimal("1.30"),
                TradeMode.BIDDING, new BigDecimal("0.10"))));
    }
}
