package cn.ets.registry.domain.compliance;

import cn.ets.registry.domain.DomainException;
import cn.ets.registry.domain.ErrorCode;
import cn.ets.registry.domain.Tonnes;
import cn.ets.registry.domain.policy.PolicyParameters;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import java.util.Objects;

/** CCER may cover at most {@code offsetCap} (5 %) of the obligation (001 §31; 003 §2.2.5). */
public final class OffsetCap {
    private OffsetCap() {}

    /** Rounded down: a fraction of a tonne over the cap is still over it. */
    public static long maxOffset(long obligation, PolicyParameters params) {
        Objects.requireNonNull(params, "params");
        requireNonNegative("obligation", obligation);
        return BigDecimal.valueOf(obligation)
                .multiply(params.offsetCap())
                .setScale(0, RoundingMode.FLOOR)
                .longValueExact();
    }

    public static void check(long obligation, long alreadyUsedOffset, long requestedCcer, PolicyParameters params) {
        requireNonNegative("alreadyUsedOffset", alreadyUsedOffset);
        requireNonNegative("requestedCcer", requestedCcer);
        long cap = maxOffset(obligation, params);
        if (Tonnes.add(alreadyUsedOffset, requestedCcer) > cap) {
            throw new DomainException(
                    ErrorCode.OFFSET_LIMIT_EXCEEDED,
                    "CCER offsets would exceed " + cap + " t, the cap for an obligation of " + obligation + " t",
                    Map.of(
                            "obligation",
                            obligation,
                            "cap",
                            cap,
                            "alreadyUsed",
                            alreadyUsedOffset,
                            "requested",
                            requestedCcer));
        }
    }

    private static void requireNonNegative(String field, long value) {
        if (value < 0) {
            throw new DomainException(
                    ErrorCode.INVALID_QUANTITY, field + " must not be negative", Map.of(field, value));
        }
    }
}
