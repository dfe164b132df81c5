package cn.ets.registry.domain.compliance;

import cn.ets.registry.domain.DomainException;
import cn.ets.registry.domain.ErrorCode;
import java.util.Map;

/** A unit's public compliance status for a year (001 §35). */
public enum ComplianceStatus {
    /** Not yet fully surrendered and the year is not closed. */
    OPEN,
    /** Surrendered at least the obligation, on time or late. */
    COMPLIANT,
    /** The year is closed and less than the obligation was surrendered. */
    SHORTFALL,
    /**
     * The unit was on the year's roster (名录) but no emissions were recorded when the year closed:
     * it owes an unknown quantity until its province records an estimate (001 §43).
     */
    EMISSIONS_NOT_ENTERED,
    /** The unit's obligation of the year passed to its successor (承继, merger or acquisition). */
    SUCCEEDED;

    public static ComplianceStatus of(long obligation, long surrendered, boolean closed) {
        if (obligation < 0 || surrendered < 0) {
            throw new DomainException(
                    ErrorCode.INVALID_QUANTITY,
                    "obligation and surrendered must not be negative",
                    Map.of("obligation", obligation, "surrendered", surrendered));
        }
        if (surrendered >= obligation) {
            return COMPLIANT;
        }
        return closed ? SHORTFALL : OPEN;
    }
}
