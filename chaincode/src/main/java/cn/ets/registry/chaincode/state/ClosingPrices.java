package cn.ets.registry.chaincode.state;

import cn.ets.registry.domain.product.Product;
import cn.ets.registry.domain.settlement.PriceBand;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The exchange's closing price per product and trading day ({@code close~CEA-2025~2025-12-09}),
 * posted once a day. A settlement looks up the previous trading day's close with point reads
 * over the {@link PriceBand#LOOKBACK_DAYS} days before its date (composite keys admit no range
 * query on Fabric), so posting a close never conflicts with trades of other days.
 */
public final class ClosingPrices {
    private final LedgerState state;

    public ClosingPrices(LedgerState state) {
        this.state = state;
    }

    /** A product's close of a day, with who posted it in which transaction. */
    public record Close(String product, LocalDate date, BigDecimal price, String txId, String postedAt) {}

    public Optional<Close> find(Product product, LocalDate date) {
        return state.get(state.key(Keys.CLOSING_PRICE, product.code(), date.toString()), Close.class);
    }

    public void save(Close c) {
        state.put(state.key(Keys.CLOSING_PRICE, c.product(), c.date().toString()), c);
    }

    /** The close of the latest day with one among the lookback days before {@code tradeDate}, if any. */
    public Optional<Close> previous(Product product, LocalDate tradeDate) {
        for (int back = 1; back <= PriceBand.LOOKBACK_DAYS; back++) {
            Optional<Close> c = find(product, tradeDate.minusDays(back));
            if (c.isPresent()) {
                return c;
            }
        }
        return Optional.empty();
    }

    /** Every close of a product, oldest first. */
    public List<Close> all(Product product) {
        return state.scan(Close.class, Keys.CLOSING_PRICE, product.code()).stream()
                .map(LedgerState.Entry::value)
                .toList();
    }
}
