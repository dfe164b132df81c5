package cn.ets.registry.domain.allocation;

import cn.ets.registry.domain.DomainException;
import cn.ets.registry.domain.ErrorCode;
import cn.ets.registry.domain.Tonnes;
import java.util.Map;

/** The difference between final and pre-allocation (003 §2.2.3). */
public record TrueUp(long finalAllocation, long preAllocated) {
    public TrueUp {
        if (finalAllocation < 0 || preAllocated < 0) {
            throw new DomainException(
                    ErrorCode.INVALID_QUANTITY,
                    "allocations must not be negative",
                    Map.of("finalAllocation", finalAllocation, "preAllocated", preAllocated));
        }
    }

    /** Positive: the province issues the rest; negative: it claws the excess back. */
    public long trueUp() {
        return Tonnes.subtract(finalAllocation, preAllocated);
    }
}
