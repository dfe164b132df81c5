package cn.ets.registry.domain.allocation;

import java.util.ArrayList;
import java.util.List;

/**
 * A unit's free allocation for one year ({@code alloc~year~unit}): pre-allocation, final
 * allocation with true-up, deductions for last year's shortfall, adjustments, and any debt left
 * when a claw-back found the units already sold.
 */
public record AllocationRecord(
        String unitId,
        String province,
        int year,
        String product,
        long preAllocated,
        Long computed,
        Long finalAllocation,
        String rule,
        long deducted,
        Long trueUp,
        long clawedBack,
        long debt,
        List<Adjustment> adjustments) {

    public record Adjustment(String requestId, long quantity, String reason, String note, String txId, String time) {}

    public static AllocationRecord empty(String unitId, String province, int year, String product) {
        return new AllocationRecord(unitId, province, year, product, 0, null, null, null, 0, null, 0, 0, List.of());
    }

    public AllocationRecord withPre(long q) {
        return new AllocationRecord(
                unitId,
                province,
                year,
                product,
                q,
                computed,
                finalAllocation,
                rule,
                deducted,
                trueUp,
                clawedBack,
                debt,
                adjustments);
    }

    public AllocationRecord withFinal(long computedQ, long finalQ, String ruleApplied, long deductedQ, long trueUpQ) {
        return new AllocationRecord(
                unitId,
                province,
                year,
                product,
                preAllocated,
                computedQ,
                finalQ,
                ruleApplied,
                deductedQ,
                trueUpQ,
                clawedBack,
                debt,
                adjustments);
    }

    public AllocationRecord withClawBack(long taken, long newDebt) {
        return new AllocationRecord(
                unitId,
                province,
                year,
                product,
                preAllocated,
                computed,
                finalAllocation,
                rule,
                deducted,
                trueUp,
                clawedBack + taken,
                debt + newDebt,
                adjustments);
    }

    public AllocationRecord plus(Adjustment a) {
        List<Adjustment> all = new ArrayList<>(adjustments == null ? List.of() : adjustments);
        all.add(a);
        return new AllocationRecord(
                unitId,
                province,
                year,
                product,
                preAllocated,
                computed,
                finalAllocation,
                rule,
                deducted,
                trueUp,
                clawedBack,
                debt,
                all);
    }
}
