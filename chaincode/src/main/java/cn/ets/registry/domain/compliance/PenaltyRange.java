package cn.ets.registry.domain.compliance;

import cn.ets.registry.domain.DomainException;
import cn.ets.registry.domain.ErrorCode;
import cn.ets.registry.domain.policy.PolicyParameters;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import java.util.Objects;

/**
 * Fine range for an unsurrendered quantity (Regulation 2024; 003 §2.2.7): between
 * {@code penaltyMinMultiple} and {@code penaltyMaxMultiple} × average price × shortfall, in yuan
 * (scale 2, half up), plus the same shortfall deducted from next year's allocation.
 */
public record PenaltyRange(BigDecimal min, BigDecimal max, long deduction) {
    public PenaltyRange {
        Objects.requireNonNull(min, "min");
        Objects.requireNonNull(max, "max");
    }

    public static PenaltyRange compute(long shortfall, BigDecimal averagePrice, PolicyParameters params) {
        Objects.requireNonNull(averagePrice, "averagePrice");
        Objects.requireNonNull(params, "params");
        if (shortfall < 0) {
            throw new DomainException(
                    ErrorCode.INVALID_QUANTITY, "shortfall must not be negative", Map.of("shortfall", shortfall));
        }
        if (averagePrice.signum() < 0) {
            throw new DomainException(
                    ErrorCode.BAD_REQUEST,
                    "average price must not be negative",
                    Map.of("averagePrice", averagePrice.toPlainString()));
        }
        BigDecimal base = averagePrice.multiply(BigDecimal.valueOf(shortfall));
        return new PenaltyRange(
                base.multiply(params.penaltyMinMultiple()).setScale(2, RoundingMode.HALF_UP),
                base.multiply(params.penaltyMaxMultiple()).setScale(2, RoundingMode.HALF_UP),
                shortfall);
    }
}
