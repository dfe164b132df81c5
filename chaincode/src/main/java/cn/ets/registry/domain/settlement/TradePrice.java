package cn.ets.registry.domain.settlement;

import cn.ets.registry.domain.DomainException;
import java.math.BigDecimal;

/** A settled price in yuan per tonne: positive, at most two decimals (fen), never rounded silently. */
public final class TradePrice {
    private static final BigDecimal MAX = new BigDecimal("1000000");

    private TradePrice() {}

    public static BigDecimal require(BigDecimal price) {
        if (price.signum() <= 0 || price.compareTo(MAX) > 0) {
            throw DomainException.badRequest("price must be greater than 0 and at most " + MAX.toPlainString()
                    + " yuan, got " + price.toPlainString());
        }
        if (price.stripTrailingZeros().scale() > 2) {
            throw DomainException.badRequest("price has more than two decimals: " + price.toPlainString());
        }
        return price.setScale(2);
    }
}
