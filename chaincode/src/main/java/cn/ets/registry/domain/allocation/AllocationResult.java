package cn.ets.registry.domain.allocation;

import cn.ets.registry.domain.DomainException;
import cn.ets.registry.domain.ErrorCode;
import java.util.Map;

/**
 * Outcome of the allocation formula for one unit and year.
 *
 * @param computed        what the method gives before any adjustment
 * @param adjustedTo      after gas top-up or coal floor; equals {@code computed} when no rule applied
 * @param finalAllocation the allocation the unit receives
 * @param rule            the rule that set the result: {@code null}, {@link #GAS_TOP_UP},
 *                        {@link #COAL_FLOOR}, {@link #VERIFIED_EMISSIONS} or {@link #INTENSITY}
 */
public record AllocationResult(long computed, long adjustedTo, long finalAllocation, String rule) {
    public static final String GAS_TOP_UP = "GAS_TOP_UP";
    public static final String COAL_FLOOR = "COAL_FLOOR";
    public static final String VERIFIED_EMISSIONS = "VERIFIED_EMISSIONS";
    public static final String INTENSITY = "INTENSITY";

    public AllocationResult {
        if (computed < 0 || adjustedTo < 0 || finalAllocation < 0) {
            throw new DomainException(
                    ErrorCode.INVALID_QUANTITY,
                    "allocation must not be negative",
                    Map.of("computed", computed, "adjustedTo", adjustedTo, "finalAllocation", finalAllocation));
        }
    }
}
