package cn.ets.registry.domain.allocation;

import cn.ets.registry.domain.DomainException;
import cn.ets.registry.domain.ErrorCode;
import cn.ets.registry.domain.policy.PolicyParameters;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import java.util.Objects;

/** Pre-allocation: {@code preAllocationRate} (70 %) of last year's verified emissions, rounded half up (003 §2.2.3). */
public final class PreAllocation {
    private PreAllocation() {}

    public static long compute(long previousYearVerified, PolicyParameters params) {
        Objects.requireNonNull(params, "params");
        if (previousYearVerified < 0) {
            throw new DomainException(
                    ErrorCode.INVALID_QUANTITY,
                    "verified emissions must not be negative",
                    Map.of("previousYearVerified", previousYearVerified));
        }
        return BigDecimal.valueOf(previousYearVerified)
                .multiply(params.preAllocationRate())
                .setScale(0, RoundingMode.HALF_UP)
                .longValueExact();
    }
}
