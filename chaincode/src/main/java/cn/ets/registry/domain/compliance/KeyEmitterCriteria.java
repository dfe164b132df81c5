package cn.ets.registry.domain.compliance;

import cn.ets.registry.domain.DomainException;
import cn.ets.registry.domain.ErrorCode;
import cn.ets.registry.domain.policy.PolicyParameters;
import cn.ets.registry.domain.policy.Sector;
import java.util.Map;
import java.util.Objects;

/**
 * Who belongs on a year's roster of key emitting units (重点排放单位名录): a unit of a sector covered in
 * the vintage (one with an allocation method, 003 §2.2.1) whose annual emissions — as last verified,
 * or expected for a unit that started the year before (003 Table 1) — reach the threshold of
 * 26,000 tCO2e (about 10,000 tce; 000 §7, 001 §5; a parameter of the vintage).
 */
public final class KeyEmitterCriteria {
    private KeyEmitterCriteria() {}

    public static void require(String unitId, String sector, long qualifyingEmissions, PolicyParameters params) {
        requireCovered(unitId, sector, params);
        if (qualifyingEmissions < params.keyEmitterThreshold()) {
            throw new DomainException(
                    ErrorCode.NOT_A_KEY_EMITTER,
                    unitId + " emits " + qualifyingEmissions
                            + " tCO2e a year, below the key emitting unit threshold of " + params.keyEmitterThreshold()
                            + " t",
                    Map.of(
                            "unitId",
                            unitId,
                            "qualifyingEmissions",
                            qualifyingEmissions,
                            "threshold",
                            params.keyEmitterThreshold()));
        }
    }

    /** The unit's sector is covered in the vintage (it has an allocation method there). */
    public static void requireCovered(String unitId, String sector, PolicyParameters params) {
        Objects.requireNonNull(params, "params");
        Sector s = sectorOf(sector);
        if (s == null || !params.sectorMethods().containsKey(s)) {
            throw new DomainException(
                    ErrorCode.NOT_A_KEY_EMITTER,
                    unitId + "'s sector " + sector + " is not covered in vintage " + params.vintage() + "; covered: "
                            + params.sectorMethods().keySet(),
                    Map.of("unitId", unitId, "sector", String.valueOf(sector), "vintage", params.vintage()));
        }
    }

    private static Sector sectorOf(String sector) {
        for (Sector s : Sector.values()) {
            if (s.name().equals(sector)) {
                return s;
            }
        }
        return null;
    }
}
