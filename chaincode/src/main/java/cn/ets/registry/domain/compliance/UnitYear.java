package cn.ets.registry.domain.compliance;

import java.math.BigDecimal;

/**
 * State of one unit's compliance year ({@code oblig~year~unit}). Written by the province
 * (emissions), the unit (surrender) and MEE (closing the year); one key per unit-year, so units
 * never contend with each other.
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
        Long carryOverLimit) {

    public static UnitYear open(String unitId, String province, int year, long obligation) {
        return new UnitYear(unitId, province, year, obligation, 0, 0, false, null, null, null, 0, null);
    }

    /** The figures the compliance rules work on. */
    public Obligation figures() {
        return new Obligation(obligation, surrendered, offsetUsed, closed, deduction);
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
                carryOverLimit);
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
                carryOver);
    }
}
