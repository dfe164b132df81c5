package cn.ets.registry.domain.allocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import cn.ets.registry.domain.DomainException;
import cn.ets.registry.domain.ErrorCode;
import cn.ets.registry.domain.policy.AllocationMethod;
import cn.ets.registry.domain.policy.PolicyParameters;
import cn.ets.registry.domain.policy.Sector;
import cn.ets.registry.domain.policy.SeededParameters;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * 003 §2.2.3: in 2025–2026 steel, cement and aluminium are allocated "基于碳排放强度控制的思路 …
 * 企业所获得的配额数量与产能产出挂钩" — output × an intensity benchmark MEE publishes per output. The
 * numbers here are a vintage MEE might publish (the seeds give none): clinker 0.8600, crude steel
 * 1.8500, aluminium 10.5000 tCO2 per tonne of output.
 */
class IntensityAllocationTest {
    private static final PolicyParameters P2026 = SeededParameters.forVintage("2024").toBuilder()
            .vintage("2026")
            .sectorMethods(Map.of(
                    Sector.POWER, AllocationMethod.BENCHMARK,
                    Sector.STEEL, AllocationMethod.INTENSITY,
                    Sector.CEMENT, AllocationMethod.INTENSITY,
                    Sector.ALUMINIUM, AllocationMethod.INTENSITY))
            .intensityBenchmarks(Map.of(
                    Sector.CEMENT, Map.of("CLINKER", new BigDecimal("0.8600")),
                    Sector.STEEL, Map.of("CRUDE_STEEL", new BigDecimal("1.8500"), "COKE", new BigDecimal("0.4000")),
                    Sector.ALUMINIUM, Map.of("ALUMINIUM", new BigDecimal("10.5000"))))
            .build();

    @ParameterizedTest(name = "{0}: {2} t of {1} -> {3} t")
    @CsvSource({
        "CEMENT,    CLINKER,     1000000,   860000",
        "CEMENT,    CLINKER,     0.5,       0", // 0.43 t rounds half up to 0
        "CEMENT,    CLINKER,     1,         1", // 0.86 t rounds to 1
        "STEEL,     CRUDE_STEEL, 2000000.4, 3700001", // 3,700,000.74 t
        "ALUMINIUM, ALUMINIUM,   100000,    1050000",
    })
    void output_times_the_published_intensity_rounded_half_up(
            Sector sector, String output, BigDecimal quantity, long expected) {
        assertThat(IntensityAllocation.compute(sector, List.of(new Output(output, quantity)), P2026))
                .isEqualTo(expected);
    }

    @Test
    void several_outputs_are_rounded_each_then_summed() {
        // 1.85 × 10.3 = 19.055 → 19; 0.40 × 10.3 = 4.12 → 4
        long t = IntensityAllocation.compute(
                Sector.STEEL,
                List.of(new Output("CRUDE_STEEL", new BigDecimal("10.3")), new Output("COKE", new BigDecimal("10.3"))),
                P2026);
        assertThat(t).isEqualTo(23);
    }

    @Test
    void the_formula_dispatches_intensity_sectors_and_names_the_rule() {
        AllocationResult r = AllocationFormula.compute(
                Sector.CEMENT, 900_000, List.of(), List.of(new Output("CLINKER", new BigDecimal("1000000"))), P2026);
        assertThat(r.finalAllocation()).isEqualTo(860_000);
        assertThat(r.rule()).isEqualTo(AllocationResult.INTENSITY);
    }

    @Test
    void no_output_an_unpublished_output_or_one_twice_is_a_bad_request() {
        for (List<Output> outputs : List.of(
                List.<Output>of(),
                List.of(new Output("CEMENT", BigDecimal.TEN)),
                List.of(new Output("CLINKER", BigDecimal.ONE), new Output("CLINKER", BigDecimal.ONE)))) {
            assertThatExceptionOfType(DomainException.class)
                    .isThrownBy(() -> IntensityAllocation.compute(Sector.CEMENT, outputs, P2026))
                    .extracting(DomainException::code)
                    .isEqualTo(ErrorCode.BAD_REQUEST);
        }
        assertThatExceptionOfType(DomainException.class)
                .isThrownBy(() -> new Output("CLINKER", new BigDecimal("-1")))
                .extracting(DomainException::code)
                .isEqualTo(ErrorCode.BAD_REQUEST);
    }
}
