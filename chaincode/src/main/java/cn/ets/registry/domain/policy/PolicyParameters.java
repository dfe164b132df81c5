package cn.ets.registry.domain.policy;

import cn.ets.registry.domain.DomainException;
import cn.ets.registry.domain.ErrorCode;
import cn.ets.registry.domain.settlement.TradeMode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Pattern;

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
 * @param sectorMethods         how each covered sector is allocated; a sector missing here has no surrender duty in the vintage
 * @param intensityBenchmarks   for sectors allocated by {@code INTENSITY}: tCO2 per unit of each output (003 §2.2.3, 2025–26)
 * @param keyEmitterThreshold   annual tCO2e from which a unit of a covered sector is a key emitting unit (000 §7; 001 §5)
 * @param warningDays           compliance warnings may be issued from this many days before a deadline
 * @param priceBands            share of the previous close a trade of each mode may deviate (003 Table 1); the penalty price counts
 *                              only trades inside their band
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
        Map<Sector, AllocationMethod> sectorMethods,
        Map<Sector, Map<String, BigDecimal>> intensityBenchmarks,
        long keyEmitterThreshold,
        int warningDays,
        Map<TradeMode, BigDecimal> priceBands) {
    private static final Pattern OUTPUT_NAME = Pattern.compile("[A-Z][A-Z0-9_]{0,39}");

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
        intensityBenchmarks = intensities(Objects.requireNonNull(intensityBenchmarks, "intensityBenchmarks"));
        priceBands = copy(TradeMode.class, Objects.requireNonNull(priceBands, "priceBands"));
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
                sectorMethods,
                intensityBenchmarks,
                keyEmitterThreshold,
                warningDays,
                priceBands);
    }

    public Benchmark benchmark(FacilityCategory category) {
        Benchmark b = benchmarks.get(Objects.requireNonNull(category, "category"));
        if (b == null) {
            throw bad(
                    "vintage " + vintage + " publishes no benchmark for " + category,
                    Map.of("vintage", vintage, "category", category.name()));
        }
        return b;
    }

    /** tCO2 per unit of {@code output} for an intensity-allocated sector; refused when the vintage names no such output. */
    public BigDecimal intensity(Sector sector, String output) {
        Map<String, BigDecimal> table = intensityBenchmarks.getOrDefault(sector, Map.of());
        BigDecimal b = table.get(output);
        if (b == null) {
            throw bad(
                    "vintage " + vintage + " publishes no intensity benchmark for " + sector + " output '" + output
                            + "'; published: " + table.keySet(),
                    Map.of("vintage", vintage, "sector", sector.name(), "output", String.valueOf(output)));
        }
        return b;
    }

    /** The band of a trading mode, a share of the previous close. */
    public BigDecimal priceBand(TradeMode mode) {
        return priceBands.get(Objects.requireNonNull(mode, "mode"));
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
            Map<Sector, AllocationMethod> sectorMethods,
            Map<Sector, Map<String, BigDecimal>> intensityBenchmarks,
            long keyEmitterThreshold,
            int warningDays,
            Map<TradeMode, BigDecimal> priceBands) {
        if (vintage.isBlank()) {
            throw bad("vintage must not be blank", Map.of());
        }
        if (version < 1) {
            throw bad("version must be 1 or more", Map.of("version", version));
        }
        // Benchmarks are needed where a sector is allocated by them: then for every facility category.
        if (sectorMethods.containsValue(AllocationMethod.BENCHMARK)) {
            for (FacilityCategory category : FacilityCategory.values()) {
                if (!benchmarks.containsKey(category)) {
                    throw bad(
                            "a benchmark is required for every facility category when a sector is allocated by BENCHMARK",
                            Map.of("missing", category.name()));
                }
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
            if (method == AllocationMethod.INTENSITY
                    && intensityBenchmarks.getOrDefault(sector, Map.of()).isEmpty()) {
                throw bad(
                        sector + " is allocated by INTENSITY but intensityBenchmarks names no output for it",
                        Map.of("sector", sector.name()));
            }
        });
        intensityBenchmarks.forEach((sector, table) -> table.forEach((output, value) -> {
            if (!OUTPUT_NAME.matcher(output).matches()) {
                throw bad(
                        "an intensity output is named in upper case letters, digits and '_', e.g. CLINKER",
                        Map.of("sector", sector.name(), "output", output));
            }
            nonNegative("intensityBenchmarks." + sector + "." + output, value);
        }));
        if (keyEmitterThreshold < 0) {
            throw bad("keyEmitterThreshold must not be negative", Map.of("keyEmitterThreshold", keyEmitterThreshold));
        }
        if (warningDays < 0 || warningDays > 366) {
            throw bad("warningDays must be between 0 and 366", Map.of("warningDays", warningDays));
        }
        for (TradeMode mode : TradeMode.values()) {
            BigDecimal band = priceBands.get(mode);
            if (band == null) {
                throw bad("a price band is required for every trading mode", Map.of("missing", mode.name()));
            }
            share("priceBands." + mode, band);
        }
    }

    private static Map<Sector, Map<String, BigDecimal>> intensities(Map<Sector, Map<String, BigDecimal>> source) {
        EnumMap<Sector, Map<String, BigDecimal>> copy = new EnumMap<>(Sector.class);
        source.forEach((sector, table) -> {
            Objects.requireNonNull(sector, "sector");
            Objects.requireNonNull(table, String.valueOf(sector));
            TreeMap<String, BigDecimal> sorted = new TreeMap<>();
            table.forEach((output, value) ->
                    sorted.put(Objects.requireNonNull(output, "output"), Objects.requireNonNull(value, output)));
            copy.put(sector, Collections.unmodifiableMap(sorted));
        });
        return Collections.unmodifiableMap(copy);
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
        private Map<Sector, Map<String, BigDecimal>> intensityBenchmarks;
        private long keyEmitterThreshold;
        private int warningDays;
        private Map<TradeMode, BigDecimal> priceBands;

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
            intensityBenchmarks = p.intensityBenchmarks;
            keyEmitterThreshold = p.keyEmitterThreshold;
            warningDays = p.warningDays;
            priceBands = p.priceBands;
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

        public Builder intensityBenchmarks(Map<Sector, Map<String, BigDecimal>> v) {
            intensityBenchmarks = v;
            return this;
        }

        public Builder keyEmitterThreshold(long v) {
            keyEmitterThreshold = v;
            return this;
        }

        public Builder warningDays(int v) {
            warningDays = v;
            return this;
        }

        public Builder priceBands(Map<TradeMode, BigDecimal> v) {
            priceBands = v;
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
                    sectorMethods,
                    intensityBenchmarks,
                    keyEmitterThreshold,
                    warningDays,
                    priceBands);
        }
    }
}
