package cn.ets.registry.domain.compliance;

import cn.ets.registry.domain.DomainException;
import cn.ets.registry.domain.ErrorCode;
import cn.ets.registry.domain.Tonnes;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Objects;

/** A settled trade's quantity (t) and price (yuan per t). */
public record PricedQuantity(long quantity, BigDecimal price) {
    public PricedQuantity {
        Tonnes.requirePositive(quantity, "quantity");
        Objects.requireNonNull(price, "price");
        if (price.signum() < 0) {
            throw new DomainException(
                    ErrorCode.BAD_REQUEST, "price must not be negative", Map.of("price", price.toPlainString()));
        }
    }
}
