package cn.ets.registry.domain.policy;

import cn.ets.registry.domain.DomainException;
import cn.ets.registry.domain.ErrorCode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The parameters a vintage starts with (version 1) before MEE publishes its own, from 003 Table 2
 * and the rules of 003 §2.2.
 * <p>
 * The seeds publish benchmarks for 2023 and 2024 only: vintages {@code 2019-2020}, {@code 2021}
 * and {@code 2022} reuse the 2023 values, and {@code 2025} reuses the 2024 values (its
 * intensity-based allocation for steel, cement and aluminium is not published yet). MEE replaces
 * any of them with a new version.
 */
public final class DefaultParameters {
    private static final Map<FacilityCategory, Benchmark> BENCHMARKS_2023 = Map.of(
            FacilityCategory.COAL_ABOVE_300MW, Benchmark.of("0.7950", "0.1038"),
            FacilityCategory.COAL_300MW_AND_BELOW, Benchmark.of("0.8090", "0.1038"),
            FacilityCategory.COAL_UNCONVENTIONAL, Benchmark.of("0.8285", "0.1038"),
            FacilityCategory.GAS, Benchmark.of("0.3305", "0.0536"));

    private static final Map<FacilityCategory, Benchmark> BALANCE_2023 = Map.of(
            FacilityCategory.COAL_ABOVE_300MW, Benchmark.of("0.7982", "0.1041"),
            FacilityCategory.COAL_300MW_AND_BELOW, Benchmark.of("0.8155", "0.1041"),
            FacilityCategory.COAL_UNCONVENTIONAL, Benchmark.of("0.8352", "0.1041"),
            FacilityCategory.GAS, Benchmark.of("0.3239", "0.0525"));

    private static final Map<FacilityCategory, Benchmark> BENCHMARKS_2024 = Map.of(
            FacilityCategory.COAL_ABOVE_300MW, Benchmark.of("0.7910", "0.1033"),
            FacilityCategory.COAL_300MW_AND_BELOW, Benchmark.of("0.8049", "0.1033"),
            FacilityCategory.COAL_UNCONVENTIONAL, Benchmark.of("0.8244", "0.1033"),
            FacilityCategory.GAS, Benchmark.of("0.3288", "0.0533"));

    private static final Map<Sector, AllocationMethod> POWER_ONLY = Map.of(Sector.POWER, AllocationMethod.BENCHMARK);

    private static final Map<Sector, AllocationMethod> FOUR_SECTORS = Map.of(
            Sector.POWER, AllocationMethod.BENCHMARK,
            Sector.STEEL, AllocationMethod.VERIFIED_EMISSIONS,
            Sector.CEMENT, AllocationMethod.VERIFIED_EMISSIONS,
            Sector.ALUMINIUM, AllocationMethod.VERIFIED_EMISSIONS);

    private DefaultParameters() {}

    public static PolicyParameters forVintage(String vintage) {
        if (vintage == null) {
            throw DomainException.badRequest("vintage is required");
        }
        return switch (vintage) {
            // Cycles 1 and 2 were two-year cycles, each surrendered at the end of the year after it.
            case "2019-2020" ->
                of(
                        vintage,
                        BENCHMARKS_2023,
                        BALANCE_2023,
                        POWER_ONLY,
                        LocalDate.of(2021, 6, 30),
                        LocalDate.of(2021, 12, 31));
            case "2021", "2022" ->
                of(
                        vintage,
                        BENCHMARKS_2023,
                        BALANCE_2023,
                        POWER_ONLY,
                        LocalDate.of(Integer.parseInt(vintage) + 1, 6, 30),
                        LocalDate.of(2023, 12, 31));
            case "2023" ->
                of(
                        vintage,
                        BENCHMARKS_2023,
                        BALANCE_2023,
                        POWER_ONLY,
                        LocalDate.of(2024, 6, 30),
                        LocalDate.of(2024, 12, 31));
            // Emissions deadline: the later of power (30 June) and the new sectors (31 August),
            // so recording steel, cement and aluminium emissions is not cut off at power's date.
            case "2024", "2025" ->
                of(
                        vintage,
                        BENCHMARKS_2024,
                        Map.of(),
                        FOUR_SECTORS,
                        LocalDate.of(Integer.parseInt(vintage) + 1, 8, 31),
                        LocalDate.of(Integer.parseInt(vintage) + 1, 12, 31));
            default ->
                throw new DomainException(
                        ErrorCode.BAD_REQUEST,
                        "no default parameters for vintage " + vintage,
                        Map.of("vintage", vintage));
        };
    }

    private static PolicyParameters of(
            String vintage,
            Map<FacilityCategory, Benchmark> benchmarks,
            Map<FacilityCategory, Benchmark> balanceBenchmarks,
            Map<Sector, AllocationMethod> sectorMethods,
            LocalDate emissionsDeadline,
            LocalDate surrenderDeadline) {
        return new PolicyParameters(
                vintage,
                1,
                benchmarks,
                balanceBenchmarks,
                new BigDecimal("0.70"),
                new BigDecimal("0.65"),
                new BigDecimal("0.0012"),
                new BigDecimal("0.80"),
                true,
                new BigDecimal("0.05"),
                LocalDate.of(2024, 12, 31),
                LocalDate.of(2017, 3, 14),
                10_000L,
                new BigDecimal("1.5"),
                List.of("2019-2020", "2021", "2022", "2023", "2024"),
                new BigDecimal("5"),
                new BigDecimal("10"),
                emissionsDeadline,
                surrenderDeadline,
                // Borrowing existed only in cycle 2 (003 §2.2.7); off until MEE switches it on.
                false,
                new BigDecimal("0.5"),
                new BigDecimal("0.10"),
                sectorMethods);
    }
}
