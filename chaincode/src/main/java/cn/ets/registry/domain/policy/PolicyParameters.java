package cn.ets.registry.domain.policy;

import cn.ets.registry.domain.DomainException;
import cn.ets.registry.domain.ErrorCode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The policy numbers in force for one vintage, as set by MEE and versioned on the ledger.
 * The canonical constructor validates, so an instance is always usable: nulls are programming
 * errors ({@link NullPointerException}), nonsense values are {@link ErrorCode#BAD_REQUEST}.
 *
 * @param balanceBenchmarks the published balance values (平衡值), for disclosure only; allocation
 *                          never reads them; empty when not published
 * @param loadFactorThreshold   load factor (0..1) below which a coal unit is corrected
 * @param loadFactorCoefficient correction per percentage point below the threshold
 * @param emissionsDeadline     last day to record verified emissions of the vintage
 * @param surrenderDeadline     last day to surrender for the vintage
 */
public record PolicyParameters(
        String vintage,
        int version,
        Map<FacilityCategory, Benchmark> benchmarks,
        Map<FacilityCategory, Benchmark> balanceBenchmarks,
        BigDecimal preAllocationRate,
        BigDecimal loadFactorThreshold,
        BigDecimal loadFactorCoefficient,
        BigDecimal coalFloor,
        boolean gasTopUp,
        BigDecimal offsetCap,
        LocalDate legacyCcerEligibleUntil,
        LocalDate legacyCcerFiledBefore,
        long carryOverBase,
        BigDecimal carryOverMultiplier,
        List<String> carryOverVintages,
        BigDecimal penaltyMinMultiple,
        BigDecimal penaltyMaxMultiple,
        LocalDate emissionsDeadline,
        LocalDate surrenderDeadline,
        boolean borrowingEnabled,
        BigDecimal borrowingMaxShare,
        BigDecimal borrowingMinGapShare,
        Map<Sector, AllocationMethod> sectorMethods) {

    public PolicyParameters {
        Objects.requireNonNull(vintage, "vintage");
        // EnumMap copies keep iteration order fixed, which every endorsing peer must agree on.
        benchmarks = copy(FacilityCategory.class, Objects.requireNonNull(benchmarks, "benchmarks"));
        balanceBenchmarks =
                copy(FacilityCategory.class, Objects.requireNonNull(balanceBenchmarks, "balanceBenchmarks"));
        Objects.requireNonNull(preAllocationRate, "preAllocationRate");
        Objects.requireNonNull(loadFactorThreshold, "loadFactorThreshold");
        Objects.requireNonNull(loadFactorCoefficient, "loadFactorCoefficient");
        Objects.requireNonNull(coalFloor, "coalFloor");
        Objects.requireNonNull(offsetCap, "offsetCap");
        Objects.requireNonNull(legacyCcerEligibleUntil, "legacyCcerEligibleUntil");
        Objects.requireNonNull(legacyCcerFiledBefore, "legacyCcerFiledBefore");
        Objects.requireNonNull(carryOverMultiplier, "carryOverMultiplier");
        carryOverVintages = List.copyOf(Objects.requireNonNull(carryOverVintages, "carryOverVintages"));
        Objects.requireNonNull(penaltyMinMultiple, "penaltyMinMultiple");
        Objects.requireNonNull(penaltyMaxMultiple, "penaltyMaxMultiple");
        Objects.requireNonNull(emissionsDeadline, "emissionsDeadline");
        Objects.requireNonNull(surrenderDeadline, "surrenderDeadline");
        Objects.requireNonNull(borrowingMaxShare, "borrowingMaxShare");
        Objects.requireNonNull(borrowingMinGapShare, "borrowingMinGapShare");
        sectorMethods = copy(Sector.class, Objects.requireNonNull(sectorMethods, "sectorMethods"));
        validate(
                vintage,
                version,
                benchmarks,
                balanceBenchmarks,
                preAllocationRate,
                loadFactorThreshold,
                loadFactorCoefficient,
                coalFloor,
                offsetCap,
                legacyCcerEligibleUntil,
                legacyCcerFiledBefore,
                carryOverBase,
                carryOverMultiplier,
                carryOverVintages,
                penaltyMinMultiple,
                penaltyMaxMultiple,
                emissionsDeadline,
                surrenderDeadline,
                borrowingMaxShare,
                borrowingMinGapShare,
                sectorMethods);
    }

    public Benchmark benchmark(FacilityCategory category) {
        return benchmarks.get(Objects.requireNonNull(category, "category"));
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    private static void validate(
            String vintage,
            int version,
            Map<FacilityCategory, Benchmark> benchmarks,
            Map<FacilityCategory, Benchmark> balanceBenchmarks,
            BigDecimal preAllocationRate,
            BigDecimal loadFactorThreshold,
            BigDecimal loadFactorCoefficient,
            BigDecimal coalFloor,
            BigDecimal offsetCap,
            LocalDate legacyCcerEligibleUntil,
            LocalDate legacyCcerFiledBefore,
            long carryOverBase,
            BigDecimal carryOverMultiplier,
            List<String> carryOverVintages,
            BigDecimal penaltyMinMultiple,
            BigDecimal penaltyMaxMultiple,
            LocalDate emissionsDeadline,
            LocalDate surrenderDeadline,
            BigDecimal borrowingMaxShare,
            BigDecimal borrowingMinGapShare,
            Map<Sector, AllocationMethod> sectorMethods) {
        if (vintage.isBlank()) {
            throw bad("vintage must not be blank", Map.of());
        }
        if (version < 1) {
            throw bad("version must be 1 or more", Map.of("version", version));
        }
        for (FacilityCategory category : FacilityCategory.values()) {
            if (!benchmarks.containsKey(category)) {
                throw bad("a benchmark is required for every facility category", Map.of("missing", category.name()));
            }
        }
        checkBenchmarks("benchmarks", benchmarks);
        checkBenchmarks("balanceBenchmarks", balanceBenchmarks);
        share("preAllocationRate", preAllocationRate);
        share("loadFactorThreshold", loadFactorThreshold);
        nonNegative("loadFactorCoefficient", loadFactorCoefficient);
        share("coalFloor", coalFloor);
        share("offsetCap", offsetCap);
        if (legacyCcerFiledBefore.isAfter(legacyCcerEligibleUntil)) {
            throw bad(
                    "legacyCcerFiledBefore must not be after legacyCcerEligibleUntil",
                    Map.of(
                            "legacyCcerFiledBefore",
                            legacyCcerFiledBefore.toString(),
                            "legacyCcerEligibleUntil",
                            legacyCcerEligibleUntil.toString()));
        }
        if (carryOverBase < 0) {
            throw bad("carryOverBase must not be negative", Map.of("carryOverBase", carryOverBase));
        }
        nonNegative("carryOverMultiplier", carryOverMultiplier);
        if (carryOverVintages.stream().anyMatch(String::isBlank)) {
            throw bad("carryOverVintages must not contain a blank vintage", Map.of());
        }
        nonNegative("penaltyMinMultiple", penaltyMinMultiple);
        if (penaltyMaxMultiple.compareTo(penaltyMinMultiple) < 0) {
            throw bad(
                    "penaltyMaxMultiple must not be below penaltyMinMultiple",
                    Map.of(
                            "penaltyMinMultiple",
                            penaltyMinMultiple.toPlainString(),
                            "penaltyMaxMultiple",
                            penaltyMaxMultiple.toPlainString()));
        }
        if (surrenderDeadline.isBefore(emissionsDeadline)) {
            throw bad(
                    "surrenderDeadline must not be before emissionsDeadline",
                    Map.of(
                            "emissionsDeadline",
                            emissionsDeadline.toString(),
                            "surrenderDeadline",
                            surrenderDeadline.toString()));
        }
        share("borrowingMaxShare", borrowingMaxShare);
        share("borrowingMinGapShare", borrowingMinGapShare);
        sectorMethods.forEach((sector, method) -> {
            // Benchmarks exist only for power facility categories, so no other sector can use them.
            if (method == AllocationMethod.BENCHMARK && sector != Sector.POWER) {
                throw bad("only POWER can be allocated by BENCHMARK", Map.of("sector", sector.name()));
            }
        });
    }

    private static void checkBenchmarks(String field, Map<FacilityCategory, Benchmark> benchmarks) {
        benchmarks.forEach((category, benchmark) -> {
            nonNegative(field + "." + category + ".electricity", benchmark.electricity());
            nonNegative(field + "." + category + ".heat", benchmark.heat());
        });
    }

    private static void share(String field, BigDecimal value) {
        if (value.signum() < 0 || value.compareTo(BigDecimal.ONE) > 0) {
            throw bad(field + " must be between 0 and 1", Map.of(field, value.toPlainString()));
        }
    }

    private static void nonNegative(String field, BigDecimal value) {
        if (value.signum() < 0) {
            throw bad(field + " must not be negative", Map.of(field, value.toPlainString()));
        }
    }

    private static DomainException bad(String message, Map<String, ?> details) {
        return new DomainException(ErrorCode.BAD_REQUEST, message, details);
    }

    private static <K extends Enum<K>, V> Map<K, V> copy(Class<K> type, Map<K, V> source) {
        EnumMap<K, V> copy = new EnumMap<>(type);
        source.forEach((key, value) ->
                copy.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, String.valueOf(key))));
        return Collections.unmodifiableMap(copy);
    }

    /** Changes a few numbers of an existing set; {@link #build()} validates like the constructor. */
    public static final class Builder {
        private String vintage;
        private int version;
        private Map<FacilityCategory, Benchmark> benchmarks;
        private Map<FacilityCategory, Benchmark> balanceBenchmarks;
        private BigDecimal preAllocationRate;
        private BigDecimal loadFactorThreshold;
        private BigDecimal loadFactorCoefficient;
        private BigDecimal coalFloor;
        private boolean gasTopUp;
        private BigDecimal offsetCap;
        private LocalDate legacyCcerEligibleUntil;
        private LocalDate legacyCcerFiledBefore;
        private long carryOverBase;
        private BigDecimal carryOverMultiplier;
        private List<String> carryOverVintages;
        private BigDecimal penaltyMinMultiple;
        private BigDecimal penaltyMaxMultiple;
        private LocalDate emissionsDeadline;
        private LocalDate surrenderDeadline;
        private boolean borrowingEnabled;
        private BigDecimal borrowingMaxShare;
        private BigDecimal borrowingMinGapShare;
        private Map<Sector, AllocationMethod> sectorMethods;

        private Builder(PolicyParameters p) {
            vintage = p.vintage;
            version = p.version;
            benchmarks = p.benchmarks;
            balanceBenchmarks = p.balanceBenchmarks;
            preAllocationRate = p.preAllocationRate;
            loadFactorThreshold = p.loadFactorThreshold;
            loadFactorCoefficient = p.loadFactorCoefficient;
            coalFloor = p.coalFloor;
            gasTopUp = p.gasTopUp;
            offsetCap = p.offsetCap;
            legacyCcerEligibleUntil = p.legacyCcerEligibleUntil;
            legacyCcerFiledBefore = p.legacyCcerFiledBefore;
            carryOverBase = p.carryOverBase;
            carryOverMultiplier = p.carryOverMultiplier;
            carryOverVintages = p.carryOverVintages;
            penaltyMinMultiple = p.penaltyMinMultiple;
            penaltyMaxMultiple = p.penaltyMaxMultiple;
            emissionsDeadline = p.emissionsDeadline;
            surrenderDeadline = p.surrenderDeadline;
            borrowingEnabled = p.borrowingEnabled;
            borrowingMaxShare = p.borrowingMaxShare;
            borrowingMinGapShare = p.borrowingMinGapShare;
            sectorMethods = p.sectorMethods;
        }

        public Builder vintage(String v) {
            vintage = v;
            return this;
        }

        public Builder version(int v) {
            version = v;
            return this;
        }

        public Builder benchmarks(Map<FacilityCategory, Benchmark> v) {
            benchmarks = v;
            return this;
        }

        public Builder balanceBenchmarks(Map<FacilityCategory, Benchmark> v) {
            balanceBenchmarks = v;
            return this;
        }

        public Builder preAllocationRate(BigDecimal v) {
            preAllocationRate = v;
            return this;
        }

        public Builder loadFactorThreshold(BigDecimal v) {
            loadFactorThreshold = v;
            return this;
        }

        public Builder loadFactorCoefficient(BigDecimal v) {
            loadFactorCoefficient = v;
            return this;
        }

        public Builder coalFloor(BigDecimal v) {
            coalFloor = v;
            return this;
        }

        public Builder gasTopUp(boolean v) {
            gasTopUp = v;
            return this;
        }

        public Builder offsetCap(BigDecimal v) {
            offsetCap = v;
            return this;
        }

        public Builder legacyCcerEligibleUntil(LocalDate v) {
            legacyCcerEligibleUntil = v;
            return this;
        }

        public Builder legacyCcerFiledBefore(LocalDate v) {
            legacyCcerFiledBefore = v;
            return this;
        }

        public Builder carryOverBase(long v) {
            carryOverBase = v;
            return this;
        }

        public Builder carryOverMultiplier(BigDecimal v) {
            carryOverMultiplier = v;
            return this;
        }

        public Builder carryOverVintages(List<String> v) {
            carryOverVintages = v;
            return this;
        }

        public Builder penaltyMinMultiple(BigDecimal v) {
            penaltyMinMultiple = v;
            return this;
        }

        public Builder penaltyMaxMultiple(BigDecimal v) {
            penaltyMaxMultiple = v;
            return this;
        }

        public Builder emissionsDeadline(LocalDate v) {
            emissionsDeadline = v;
            return this;
        }

        public Builder surrenderDeadline(LocalDate v) {
            surrenderDeadline = v;
            return this;
        }

        public Builder borrowingEnabled(boolean v) {
            borrowingEnabled = v;
            return this;
        }

        public Builder borrowingMaxShare(BigDecimal v) {
            borrowingMaxShare = v;
            return this;
        }

        public Builder borrowingMinGapShare(BigDecimal v) {
            borrowingMinGapShare = v;
            return this;
        }

        public Builder sectorMethods(Map<Sector, AllocationMethod> v) {
            sectorMethods = v;
            return this;
        }

        public PolicyParameters build() {
            return new PolicyParameters(
                    vintage,
                    version,
                    benchmarks,
                    balanceBenchmarks,
                    preAllocationRate,
                    loadFactorThreshold,
                    loadFactorCoefficient,
                    coalFloor,
                    gasTopUp,
                    offsetCap,
                    legacyCcerEligibleUntil,
                    legacyCcerFiledBefore,
                    carryOverBase,
                    carryOverMultiplier,
                    carryOverVintages,
                    penaltyMinMultiple,
                    penaltyMaxMultiple,
                    emissionsDeadline,
                    surrenderDeadline,
                    borrowingEnabled,
                    borrowingMaxShare,
                    borrowingMinGapShare,
                    sectorMethods);
        }
    }
}
