package cn.ets.registry.domain.allocation;

import cn.ets.registry.domain.DomainException;
import cn.ets.registry.domain.ErrorCode;
import cn.ets.registry.domain.Tonnes;
import cn.ets.registry.domain.policy.AllocationMethod;
import cn.ets.registry.domain.policy.Benchmark;
import cn.ets.registry.domain.policy.FacilityCategory;
import cn.ets.registry.domain.policy.PolicyParameters;
import cn.ets.registry.domain.policy.Sector;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Final free allocation of one unit for one vintage (003 §2.2.3, §2.2.7).
 * <ul>
 *   <li>{@code BENCHMARK} (power): per facility
 *       {@code electricity × generation benchmark × load correction (coal only) + heat × heat benchmark},
 *       <b>each facility rounded half up to whole tonnes, then summed</b>.</li>
 *   <li>Gas top-up: a unit whose facilities are all gas and whose computed allocation is below its
 *       verified emissions is raised to them (when the {@code gasTopUp} parameter is on).</li>
 *   <li>Coal floor: a unit with any coal facility whose computed allocation is below
 *       {@code coalFloor × verified} is raised to <b>{@code ceil(coalFloor × verified)}</b> — rounded up,
 *       because any smaller whole number would still be below the floor. A mixed gas and coal unit
 *       gets the coal floor only: the top-up is written for gas units.</li>
 *   <li>{@code VERIFIED_EMISSIONS} (steel, cement, aluminium in 2024): allocation = verified emissions.</li>
 *   <li>{@code INTENSITY} (steel, cement, aluminium in 2025–2026): {@link IntensityAllocation}.</li>
 * </ul>
 */
public final class AllocationFormula {
    private AllocationFormula() {}

    /** A unit allocated by facilities or its verified emissions (no outputs). */
    public static AllocationResult compute(
            Sector sector, long verifiedEmissions, List<Facility> facilities, PolicyParameters params) {
        return compute(sector, verifiedEmissions, facilities, List.of(), params);
    }

    public static AllocationResult compute(
            Sector sector,
            long verifiedEmissions,
            List<Facility> facilities,
            List<Output> outputs,
            PolicyParameters params) {
        Objects.requireNonNull(sector, "sector");
        Objects.requireNonNull(facilities, "facilities");
        Objects.requireNonNull(outputs, "outputs");
        Objects.requireNonNull(params, "params");
        if (verifiedEmissions < 0) {
            throw new DomainException(
                    ErrorCode.INVALID_QUANTITY,
                    "verified emissions must not be negative",
                    Map.of("verifiedEmissions", verifiedEmissions));
        }
        AllocationMethod method = params.sectorMethods().get(sector);
        if (method == null) {
            throw new DomainException(
                    ErrorCode.BAD_REQUEST,
                    "sector " + sector + " has no allocation method in vintage " + params.vintage(),
                    Map.of("sector", sector.name(), "vintage", params.vintage()));
        }
        return switch (method) {
            case VERIFIED_EMISSIONS ->
                new AllocationResult(
                        verifiedEmissions, verifiedEmissions, verifiedEmissions, AllocationResult.VERIFIED_EMISSIONS);
            case BENCHMARK -> benchmark(verifiedEmissions, facilities, params);
            case INTENSITY -> {
                long tonnes = IntensityAllocation.compute(sector, outputs, params);
                yield new AllocationResult(tonnes, tonnes, tonnes, AllocationResult.INTENSITY);
            }
        };
    }

    private static AllocationResult benchmark(long verified, List<Facility> facilities, PolicyParameters params) {
        if (facilities.isEmpty()) {
            throw DomainException.badRequest("benchmark allocation needs at least one facility");
        }
        long computed = 0;
        for (Facility facility : facilities) {
            computed = Tonnes.add(computed, facilityTonnes(facility, params));
        }
        boolean anyCoal = facilities.stream().anyMatch(f -> f.category().isCoal());
        if (anyCoal) {
            long floor = BigDecimal.valueOf(verified)
                    .multiply(params.coalFloor())
                    .setScale(0, RoundingMode.CEILING)
                    .longValueExact();
            if (computed < floor) {
                return new AllocationResult(computed, floor, floor, AllocationResult.COAL_FLOOR);
            }
        } else if (params.gasTopUp() && computed < verified) {
            return new AllocationResult(computed, verified, verified, AllocationResult.GAS_TOP_UP);
        }
        return new AllocationResult(computed, computed, computed, null);
    }

    private static long facilityTonnes(Facility facility, PolicyParameters params) {
        FacilityCategory category = facility.category();
        Benchmark benchmark = params.benchmark(category);
        BigDecimal exact = facility.electricityMWh()
                .multiply(benchmark.electricity())
                .multiply(LoadFactorCorrection.factor(facility, params))
                .add(facility.heatGJ().multiply(benchmark.heat()));
        BigDecimal rounded = exact.setScale(0, RoundingMode.HALF_UP);
        if (rounded.compareTo(BigDecimal.valueOf(Tonnes.MAX)) > 0) {
            throw new DomainException(
                    ErrorCode.INVALID_QUANTITY,
                    "facility allocation exceeds " + Tonnes.MAX + " t",
                    Map.of("category", category.name()));
        }
        return rounded.longValueExact();
    }
}
