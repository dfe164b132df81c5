package cn.ets.registry.domain.compliance;

import cn.ets.registry.domain.DomainException;
import cn.ets.registry.domain.ErrorCode;
import cn.ets.registry.domain.policy.PolicyParameters;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import java.util.Objects;

/**
 * Borrowing from a future vintage (cycle 2 only, 003 §2.2.7; off by default): a unit whose gap
 * (obligation − holdings) is at least {@code borrowingMinGapShare} of its obligation may borrow up
 * to {@code borrowingMaxShare} of the gap, rounded down.
 */
public final class Borrowing {
    private Borrowing() {}

    public static long maxBorrowable(long obligation, long holdings, PolicyParameters params) {
        Objects.requireNonNull(params, "params");
        if (obligation < 0 || holdings < 0) {
            throw new DomainException(
                    ErrorCode.INVALID_QUANTITY,
                    "obligation and holdings must not be negative",
                    Map.of("obligation", obligation, "holdings", holdings));
        }
        if (!params.borrowingEnabled() || holdings >= obligation) {
            return 0;
        }
        BigDecimal gap = BigDecimal.valueOf(obligation - holdings);
        BigDecimal minGap = BigDecimal.valueOf(obligation).multiply(params.borrowingMinGapShare());
        if (gap.compareTo(minGap) < 0) {
            return 0;
        }
        return gap.multiply(params.borrowingMaxShare())
                .setScale(0, RoundingMode.FLOOR)
                .longValueExact();
    }
}
