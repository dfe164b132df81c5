package cn.ets.registry.domain.settlement;

import cn.ets.registry.domain.DomainException;
import cn.ets.registry.domain.ErrorCode;
import java.util.Map;

/**
 * Trading modes of the national market (003 Table 1). Price bands are the exchange's to enforce;
 * the registry checks only what a settlement itself must satisfy: a block trade is at least
 * 100,000 t.
 */
public enum TradeMode {
    LISTED(1),
    BLOCK(100_000),
    BIDDING(1);

    private final long minimumQuantity;

    TradeMode(long minimumQuantity) {
        this.minimumQuantity = minimumQuantity;
    }

    public void requireOrderSize(long quantity) {
        if (quantity < minimumQuantity) {
            throw new DomainException(
                    ErrorCode.INVALID_QUANTITY,
                    name() + " trades are at least " + minimumQuantity + " t, got " + quantity + " t",
                    Map.of("mode", name(), "minimum", minimumQuantity, "quantity", quantity));
        }
    }
}
