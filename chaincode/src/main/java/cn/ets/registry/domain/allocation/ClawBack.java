package cn.ets.registry.domain.allocation;

import cn.ets.registry.domain.DomainException;
import cn.ets.registry.domain.ErrorCode;
import cn.ets.registry.domain.Tonnes;
import java.util.Map;

/**
 * How an over-allocation is recovered: what the unit still holds is taken now, the rest stays
 * owed as a debt, since a holding never goes negative.
 */
public record ClawBack(long takenNow, long debt) {
    /** The status reason of a unit RESTRICTED by an allocation debt; the restriction lifts once all is repaid. */
    public static final String DEBT_RESTRICTION = "ALLOCATION_DEBT";

    public ClawBack {
        if (takenNow < 0 || debt < 0) {
            throw new DomainException(
                    ErrorCode.INVALID_QUANTITY,
                    "claw-back parts must not be negative",
                    Map.of("takenNow", takenNow, "debt", debt));
        }
    }

    public static ClawBack plan(long excess, long availableHoldings) {
        if (excess < 0 || availableHoldings < 0) {
            throw new DomainException(
                    ErrorCode.INVALID_QUANTITY,
                    "excess and holdings must not be negative",
                    Map.of("excess", excess, "availableHoldings", availableHoldings));
        }
        long takenNow = Math.min(excess, availableHoldings);
        return new ClawBack(takenNow, Tonnes.subtract(excess, takenNow));
    }
}
