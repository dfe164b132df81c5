package cn.ets.registry.domain.allocation;

/**
 * Last year's uncorrected shortfall is deducted from this year's allocation (003 §2.2.7). The rules
 * name no negative allocation: a deduction larger than the final allocation takes all of it, and
 * what is left over is not carried further (README, known limits).
 */
public final class Deduction {
    private Deduction() {}

    /** The part of {@code deduction} applied to an allocation of {@code finalAllocation} tonnes. */
    public static long applied(long deduction, long finalAllocation) {
        if (deduction < 0 || finalAllocation < 0) {
            throw new IllegalArgumentException("deduction and allocation are never negative");
        }
        return Math.min(deduction, finalAllocation);
    }
}
