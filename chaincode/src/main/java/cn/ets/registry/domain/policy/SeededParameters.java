package cn.ets.registry.domain.policy;

import cn.ets.registry.domain.DomainException;
import cn.ets.registry.domain.ErrorCode;
import cn.ets.registry.domain.settlement.TradeMode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The parameter sets the sources publish in full, written to the ledger as version 1 when the
 * registry is set up — and no others: every other vintage exists only once MEE publishes it
 * ({@code PUT /api/v1/parameters/{vintage}}, a complete set or a copy of a published one with what
 * differs). The seeds publish power benchmarks for 2023 and 2024 only (003 Table 2), so these two
 * vintages are seeded:
 * <ul>
 *   <li>benchmarks and 2023 balance values: 003 Table 2; pre-allocation 70 %: 003 §2.2.3; load-factor
 *       correction 65 % / 0.0012 per point: the 2021–2022 plan (domain-rules §3); coal floor 80 % and gas
 *       top-up: 003 §2.2.7; offset cap 5 %: 001 §31, 003 §2.2.5; legacy CCER until 2024-12-31 (filed
 *       before 2017-03-14): 003 §5.2; carry-over 10,000 t + 1.5 × net sales of 2019-2020 … 2024:
 *       003 §2.2.7; fine 5–10 × the average price: 003 §2.2.7; borrowing off (cycle 2 only): 003 §2.2.7;</li>
 *   <li>deadlines: power verification by 30 June (003 §2.2.4), for 2024 the new sectors' 31 August
 *       (the registry's emissions deadline is the later one); surrender by the end of the following
 *       year from cycle 3 (003 §2.2.7);</li>
 *   <li>sectors: POWER from 2019; STEEL, CEMENT, ALUMINIUM from 2024, allocated their verified
 *       emissions in 2024 (003 §2.2.1, §2.2.3);</li>
 *   <li>key emitting unit threshold 26,000 tCO2e: 000 §7, 001 §5; price bands ±10 % listed, ±30 %
 *       block, ±10 % bidding around the previous close: 003 Table 1;</li>
 *   <li>warnings 30 days before a deadline: the registry's own choice (the sources name no period).</li>
 * </ul>
 */
public final class SeededParameters {
    /** The vintages the sources publish completely. */
    public static final List<String> VINTAGES = List.of("2023", "2024");

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

    private static final Map<TradeMode, BigDecimal> PRICE_BANDS = Map.of(
            TradeMode.LISTED, new BigDecimal("0.10"),
            TradeMode.BLOCK, new BigDecimal("0.30"),
            TradeMode.BIDDING, new BigDecimal("0.10"));

    private SeededParameters() {}

    /** Version 1 of a seeded vintage; any other vintage is MEE's to publish. */
    public static PolicyParameters forVintage(String vintage) {
        if (vintage == null) {
            throw DomainException.badRequest("vintage is required");
        }
        return switch (vintage) {
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
            case "2024" ->
                of(
                        vintage,
                        BENCHMARKS_2024,
                        Map.of(),
                        FOUR_SECTORS,
                        LocalDate.of(2025, 8, 31),
                        LocalDate.of(2025, 12, 31));
            default ->
                throw new DomainException(
                        ErrorCode.PARAMETERS_NOT_PUBLISHED,
                        "the sources publish no parameter set for vintage " + vintage + "; MEE publishes it",
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
                sectorMethods,
                Map.of(),
                26_000L,
                30,
                PRICE_BANDS);
    }
}
