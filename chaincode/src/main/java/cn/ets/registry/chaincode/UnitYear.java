package cn.ets.registry.chaincode;

import java.math.BigDecimal;

/**
 * State of one unit's compliance year ({@code oblig~year~unit}). Written by the province
 * (emissions), the unit (surrender) and MEE (closing the year); one key per unit-year, so units
 * never contend with each other.
 */
public record UnitYear(String unitId, String province, int year, long obligation, long surrendered, long offsetUsed,
                       boolean closed, BigDecimal averagePrice, BigDecimal penaltyMin, BigDecimal penaltyMax,
                       long deduction, Long carryOverLimit) {

    public static UnitYear open(String unitId, String province, int year, long obligation) {
        return new UnitYear(unitId, province, year, obligation, 0, 0, false, null, null, null, 0, null);
    }

    public UnitYear withObligation(long o) {
        return new UnitYear(unitId, province, year, o, surrendered, offsetUsed, closed, averagePrice, penaltyMin, penaltyMax, deduction, carryOverLimit);
    }

    public UnitYear withSurrender(long total, long offset, long newDeduction) {
        return new UnitYear(unitId, province, year, obligation, total, offset, closed, averagePrice, penaltyMin, penaltyMax, newDeduction, carryOverLimit);
    }

    public UnitYear closedWith(BigDecimal avg, BigDecimal min, BigDecimal max, long deduct, Long carryOver) {
        return new UnitYear(unitId, province, year, obligation, surrendered, offsetUsed, true, avg, min, max, deduct, carryOver);
    }

    public long shortfall() {
        return Math.max(0, obligation - surrendered);
    }
}
