package cn.ets.registry.chaincode.state;

import cn.ets.registry.domain.compliance.PricedQuantity;
import cn.ets.registry.domain.product.Product;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;

/**
 * Settled trades' quantity and price by product kind and month ({@code tradeix~CEA~2025-12~tradeId}):
 * written once per trade, read when a compliance year closes to price the fines.
 */
public final class TradeIndex {
    private final LedgerState state;

    public TradeIndex(LedgerState state) {
        this.state = state;
    }

    public void record(Product product, YearMonth month, String tradeId, long quantity, BigDecimal price) {
        state.put(state.key(Keys.TRADE_INDEX, kind(product), month.toString(), tradeId), new Priced(quantity, price));
    }

    /** The CEA trades settled in {@code month}. */
    public List<PricedQuantity> ceaTrades(YearMonth month) {
        return state.scan(Priced.class, Keys.TRADE_INDEX, "CEA", month.toString()).stream()
                .map(e -> new PricedQuantity(e.value().quantity(), e.value().price()))
                .toList();
    }

    private static String kind(Product p) {
        return p.isCea() ? "CEA" : "CCER";
    }

    record Priced(long quantity, BigDecimal price) {}
}
