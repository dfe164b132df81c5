package cn.ets.registry.domain.compliance;

import cn.ets.registry.domain.DomainException;
import cn.ets.registry.domain.ErrorCode;
import cn.ets.registry.domain.Tonnes;
import java.math.BigDecimal;
import java.util.Map;

/**
 * State of one unit's compliance year ({@code oblig~year~unit}). Written by the province
 * (emissions), the unit (surrender) and MEE (closing the year); one key per unit-year, so units
 * never contend with each other.
 *
 * @param basis       what the obligation rests on: verified emissions, the province's estimate
 *                    (001 §43), or nothing entered by the close
 * @param succeededBy the unit that took this obligation over (承继); null while the unit holds it
 */
public record UnitYear(
        String unitId,
        String province,
        int year,
        long obligation,
        long surrendered,
        long offsetUsed,
        boolean closed,
        BigDecimal averagePrice,
        BigDecimal penaltyMin,
        BigDecimal penaltyMax,
        long deduction,
        Long carryOverLimit,
        EmissionsBasis basis,
        String succeededBy) {

    public UnitYear {
        if (basis == null) {
            basis = EmissionsBasis.VERIFIED;
        }
    }

    public static UnitYear open(String unitId, String province, int year, long obligation) {
        return open(unitId, province, year, obligation, EmissionsBasis.VERIFIED);
    }

    public static UnitYear open(String unitId, String province, int year, long obligation, EmissionsBasis basis) {
        return new UnitYear(unitId, province, year, obligation, 0, 0, false, null, null, null, 0, null, basis, null);
    }

    /** A unit on the year's roster with nothing recorded when the year closed. */
    public static UnitYear notEntered(String unitId, String province, int year, Long carryOverLimit) {
        return new UnitYear(
                unitId,
                province,
                year,
                0,
                0,
                0,
                true,
                null,
                null,
                null,
                0,
                carryOverLimit,
                EmissionsBasis.NOT_ENTERED,
                null);
    }

    /** The figures the compliance rules work on. */
    public Obligation figures() {
        return new Obligation(obligation, surrendered, offsetUsed, closed, deduction);
    }

    public boolean estimated() {
        return basis == EmissionsBasis.ESTIMATED;
    }

    public ComplianceStatus status() {
        if (succeededBy != null) {
            return ComplianceStatus.SUCCEEDED;
        }
        if (basis == EmissionsBasis.NOT_ENTERED) {
            return ComplianceStatus.EMISSIONS_NOT_ENTERED;
        }
        return figures().status();
    }

    public UnitYear with(Obligation o) {
        return new UnitYear(
                unitId,
                province,
                year,
                o.obligation(),
                o.surrendered(),
                o.offsetUsed(),
                o.closed(),
                averagePrice,
                penaltyMin,
                penaltyMax,
                o.deduction(),
                carryOverLimit,
                basis,
                succeededBy);
    }

    /** A new figure of {@code basis} before the year closes (a correction replaces the old one). */
    public UnitYear recorded(long figure, long offsetCapOfFigure, EmissionsBasis newBasis) {
        UnitYear next = with(figures().correctedTo(figure, offsetCapOfFigure));
        return new UnitYear(
                unitId,
                province,
                year,
                next.obligation,
                next.surrendered,
                next.offsetUsed,
                next.closed,
                averagePrice,
                penaltyMin,
                penaltyMax,
                next.deduction,
                carryOverLimit,
                newBasis,
                succeededBy);
    }

    /**
     * The province's estimate for a unit that had nothing entered when the year closed (001 §43):
     * the estimate becomes the obligation, all of it unsurrendered, so the shortfall becomes the
     * deduction and is fined at the price the year was closed with, like every other shortfall.
     */
    public UnitYear estimatedAfterClose(long estimate, PenaltyRange penalty, BigDecimal closeAveragePrice) {
        if (basis != EmissionsBasis.NOT_ENTERED || !closed) {
            throw new DomainException(
                    ErrorCode.DEADLINE_PASSED,
                    "compliance year " + year + " is closed; only a unit with no emissions entered can get an estimate",
                    Map.of("unitId", unitId, "year", year));
        }
        Tonnes.requirePositive(estimate, "estimated emissions");
        return new UnitYear(
                unitId,
                province,
                year,
                estimate,
                0,
                0,
                true,
                penalty == null ? null : closeAveragePrice,
                penalty == null ? null : penalty.min(),
                penalty == null ? null : penalty.max(),
                estimate,
                carryOverLimit,
                EmissionsBasis.ESTIMATED,
                null);
    }

    /** Closed: the shortfall becomes next year's deduction, with the fine range and carry-over limit of the close. */
    public UnitYear closedWith(BigDecimal avg, BigDecimal min, BigDecimal max, Long carryOver) {
        Obligation c = figures().close();
        return new UnitYear(
                unitId,
                province,
                year,
                c.obligation(),
                c.surrendered(),
                c.offsetUsed(),
                true,
                avg,
                min,
                max,
                c.deduction(),
                carryOver,
                basis,
                succeededBy);
    }

    /** This year's figures now belong to {@code successor}: kept here for the record, owed there. */
    public UnitYear succeededBy(String successor) {
        return new UnitYear(
                unitId,
                province,
                year,
                obligation,
                surrendered,
                offsetUsed,
                closed,
                averagePrice,
                penaltyMin,
                penaltyMax,
                deduction,
                carryOverLimit,
                basis,
                successor);
    }

    /**
     * The successor's year after taking over {@code predecessor}'s (承继): obligations, surrenders,
     * offsets, deductions and fines add up; an estimate on either side makes the sum an estimate.
     */
    public UnitYear absorb(UnitYear predecessor) {
        if (predecessor.year != year || predecessor.closed != closed) {
            throw new IllegalArgumentException("absorbing a different year or closing state");
        }
        EmissionsBasis b = basis == EmissionsBasis.ESTIMATED || predecessor.basis == EmissionsBasis.ESTIMATED
                ? EmissionsBasis.ESTIMATED
                : EmissionsBasis.VERIFIED;
        return new UnitYear(
                unitId,
                province,
                year,
                Tonnes.add(obligation, predecessor.obligation),
                Tonnes.add(surrendered, predecessor.surrendered),
                Tonnes.add(offsetUsed, predecessor.offsetUsed),
                closed,
                averagePrice != null ? averagePrice : predecessor.averagePrice,
                sum(penaltyMin, predecessor.penaltyMin),
                sum(penaltyMax, predecessor.penaltyMax),
                Tonnes.add(deduction, predecessor.deduction),
                carryOverLimit,
                b,
                null);
    }

    /** A year the successor had nothing recorded for: it takes the predecessor's as its own. */
    public UnitYear movedTo(String successor, String successorProvince) {
        return new UnitYear(
                successor,
                successorProvince,
                year,
                obligation,
                surrendered,
                offsetUsed,
                closed,
                averagePrice,
                penaltyMin,
                penaltyMax,
                deduction,
                carryOverLimit,
                basis,
                null);
    }

    private static BigDecimal sum(BigDecimal a, BigDecimal b) {
        if (a == null) {
            return b;
        }
        return b == null ? a : a.add(b);
    }
}
