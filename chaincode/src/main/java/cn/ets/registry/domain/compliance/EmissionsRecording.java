package cn.ets.registry.domain.compliance;

import cn.ets.registry.domain.DomainException;
import cn.ets.registry.domain.ErrorCode;
import cn.ets.registry.domain.policy.PolicyParameters;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;

/**
 * When a province may record a unit's emissions of a year, and what that makes of the unit-year.
 * <ul>
 *   <li>Verified emissions (001 §27, §30): until the vintage's {@code emissionsDeadline} (the
 *       ledger's clock, {@link Deadlines}) and while the year is open; a correction replaces the
 *       figure, an estimate included.</li>
 *   <li>An estimate (001 §43: a unit that does not report, or refuses verification, has its emissions
 *       "测算" by the province, and that figure is the basis of its surrender): at any time, also after
 *       the emissions deadline; it never replaces a verified figure. After the year closed, only for a
 *       unit that had nothing entered ({@link ComplianceStatus#EMISSIONS_NOT_ENTERED}) — or was never
 *       listed (001 §42) — and then the whole estimate is short: deducted from next year's allocation
 *       and fined at the price the year was closed with.</li>
 *   <li>Never for a year whose obligation passed to a successor.</li>
 * </ul>
 */
public final class EmissionsRecording {
    private EmissionsRecording() {}

    /**
     * @param current           the unit-year as recorded so far, null when none
     * @param closeAveragePrice the price the year was closed with (null when it was not, or had no trades)
     */
    public static UnitYear record(
            String unitId,
            String province,
            int year,
            UnitYear current,
            long figure,
            boolean estimated,
            boolean yearClosed,
            boolean emissionsDeadlinePassed,
            BigDecimal closeAveragePrice,
            PolicyParameters params) {
        Objects.requireNonNull(params, "params");
        if (current != null && current.succeededBy() != null) {
            throw new DomainException(
                    ErrorCode.CONFLICT,
                    unitId + "'s obligation of " + year + " passed to " + current.succeededBy(),
                    Map.of("unitId", unitId, "year", year, "successor", current.succeededBy()));
        }
        if (yearClosed || (current != null && current.closed())) {
            if (!estimated) {
                throw new DomainException(
                        ErrorCode.DEADLINE_PASSED,
                        "compliance year " + year + " is closed; emissions can no longer change (a unit that had none"
                                + " entered gets an estimate, 001 §43)",
                        Map.of("year", year, "unitId", unitId));
            }
            UnitYear base = current == null ? UnitYear.notEntered(unitId, province, year, null) : current;
            PenaltyRange penalty = closeAveragePrice == null || figure == 0
                    ? null
                    : PenaltyRange.compute(figure, closeAveragePrice, params);
            return base.estimatedAfterClose(figure, penalty, closeAveragePrice);
        }
        long cap = OffsetCap.maxOffset(figure, params);
        if (!estimated) {
            if (emissionsDeadlinePassed) {
                LocalDate due = params.emissionsDeadline();
                throw new DomainException(
                        ErrorCode.DEADLINE_PASSED,
                        "verified emissions of " + year + " were due by " + due
                                + "; after that the province records an estimate (001 §43)",
                        Map.of("year", year, "unitId", unitId, "emissionsDeadline", due.toString()));
            }
            UnitYear base = current == null ? UnitYear.open(unitId, province, year, figure) : current;
            return base.recorded(figure, cap, EmissionsBasis.VERIFIED);
        }
        if (current != null && current.basis() == EmissionsBasis.VERIFIED) {
            throw new DomainException(
                    ErrorCode.CONFLICT,
                    "verified emissions of " + year + " are recorded for " + unitId + "; an estimate replaces none",
                    Map.of("year", year, "unitId", unitId, "verifiedEmissions", current.obligation()));
        }
        UnitYear base =
                current == null ? UnitYear.open(unitId, province, year, figure, EmissionsBasis.ESTIMATED) : current;
        return base.recorded(figure, cap, EmissionsBasis.ESTIMATED);
    }
}
