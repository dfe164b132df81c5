package cn.ets.registry.domain.compliance;

import cn.ets.registry.domain.Tonnes;
import cn.ets.registry.domain.policy.PolicyParameters;
import java.time.Instant;
import java.util.Objects;

/**
 * A unit's compliance risk for a year (002: "建立重点排放单位履约风险评估预警和管理制度"): what it still
 * owes against what it holds that could meet it, and how many days are left, on the ledger's clock.
 *
 * @param owed      tonnes still to surrender (0 while no emissions are recorded)
 * @param coverable what its holdings could meet now: CEA of eligible vintages, plus CCER up to the
 *                  offset room left under the cap (eligibility of each CCER batch is checked at surrender)
 * @param gap       {@code owed − coverable}, never negative: what it must still buy
 */
public record ComplianceRisk(
        long owed, long coverable, long gap, long daysToEmissionsDeadline, long daysToSurrenderDeadline, Level level) {

    public enum Level {
        /** Nothing owed: surrendered in full, or the obligation passed to a successor. */
        NONE,
        /** Owes, and holds enough to surrender it all before the deadline. */
        COVERED,
        /** Owes more than it holds, and the surrender deadline is ahead. */
        AT_RISK,
        /** Still owes after the surrender deadline (late, or fined once the year closes). */
        OVERDUE,
        /** Listed, no emissions recorded yet, the emissions deadline ahead. */
        EMISSIONS_DUE,
        /** Listed, no emissions recorded, and the emissions deadline passed (or the year closed without them). */
        EMISSIONS_MISSING
    }

    /**
     * @param unitYear         the unit-year, null when no emissions are recorded
     * @param eligibleCea      available CEA of vintages that may meet the year
     * @param availableCcer    available CCER of every batch
     */
    public static ComplianceRisk assess(
            UnitYear unitYear, long eligibleCea, long availableCcer, PolicyParameters params, Instant now) {
        Objects.requireNonNull(params, "params");
        long toEmissions = Deadlines.daysTo(params.emissionsDeadline(), now);
        long toSurrender = Deadlines.daysTo(params.surrenderDeadline(), now);
        if (unitYear == null || unitYear.status() == ComplianceStatus.EMISSIONS_NOT_ENTERED) {
            Level level = unitYear == null && toEmissions >= 0 ? Level.EMISSIONS_DUE : Level.EMISSIONS_MISSING;
            return new ComplianceRisk(0, 0, 0, toEmissions, toSurrender, level);
        }
        if (unitYear.status() == ComplianceStatus.SUCCEEDED) {
            return new ComplianceRisk(0, 0, 0, toEmissions, toSurrender, Level.NONE);
        }
        long owed = unitYear.figures().shortfall();
        long offsetRoom = Math.max(0, OffsetCap.maxOffset(unitYear.obligation(), params) - unitYear.offsetUsed());
        long coverable = Tonnes.add(eligibleCea, Math.min(availableCcer, offsetRoom));
        long gap = Math.max(0, owed - coverable);
        Level level;
        if (owed == 0) {
            level = Level.NONE;
        } else if (unitYear.closed() || toSurrender < 0) {
            level = Level.OVERDUE;
        } else {
            level = gap > 0 ? Level.AT_RISK : Level.COVERED;
        }
        return new ComplianceRisk(owed, coverable, gap, toEmissions, toSurrender, level);
    }

    /** Within {@code warningDays} before the deadline (the deadline day included). */
    public static boolean inWarningWindow(long daysToDeadline, PolicyParameters params) {
        return daysToDeadline >= 0 && daysToDeadline <= params.warningDays();
    }
}
