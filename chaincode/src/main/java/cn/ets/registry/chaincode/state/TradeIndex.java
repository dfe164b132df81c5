package cn.ets.registry.chaincode.state;

import cn.ets.registry.domain.product.Product;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * Settled trades by product kind and month ({@code tradeix~CEA~2025-12~tradeId}): written once per
 * trade, read when a compliance year closes to price the fines, and by the scoped trade lists.
 */
public final class TradeIndex {
    private final LedgerState state;

    public TradeIndex(LedgerState state) {
        this.state = state;
    }

    /**
     * A settled trade as the index keeps it.
     *
     * @param withinBand    whether the price lay in its mode's band around the previous close; null when no
     *                      close was posted to compare with (the trade counts)
     * @param previousClose the close it was compared with, null when none
     */
    public record IndexedTrade(
            String tradeId,
            String product,
            String seller,
            String buyer,
            long quantity,
            BigDecimal price,
            String mode,
            String tradedAt,
            Boolean withinBand,
            BigDecimal previousClose) {

        /** Whether the trade counts towards the penalty price: inside its band, or nothing to compare with. */
        public boolean countsForPenaltyPrice() {
            return withinBand == null || withinBand;
        }
    }

    public void record(YearMonth month, IndexedTrade trade) {
        state.put(
                state.key(Keys.TRADE_INDEX, kind(Product.parse(trade.product())), month.toString(), trade.tradeId()),
                trade);
    }

    /** The CEA trades settled in {@code month}. */
    public List<IndexedTrade> ceaTrades(YearMonth month) {
        return trades("CEA", month);
    }

    /** Every trade (CEA, then CCER) settled in {@code month}. */
    public List<IndexedTrade> allTrades(YearMonth month) {
        List<IndexedTrade> out = new ArrayList<>(trades("CEA", month));
        out.addAll(trades("CCER", month));
        return out;
    }

    private List<IndexedTrade> trades(String kind, YearMonth month) {
        return state.scan(IndexedTrade.class, Keys.TRADE_INDEX, kind, month.toString()).stream()
                .map(LedgerState.Entry::value)
                .toList();
    }

    private static String kind(Product p) {
        return p.isCea() ? "CEA" : "CCER";
    }
}
