package cn.ets.registry.api;

import cn.ets.registry.domain.DomainException;
import cn.ets.registry.domain.product.Product;
import cn.ets.registry.domain.settlement.TradeMode;
import cn.ets.registry.domain.settlement.TradePrice;
import com.google.gson.JsonObject;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;

/** Trade-by-trade, in-full settlement of matched exchange trades (001 §21). */
public final class SettlementApi {
    private SettlementApi() {}

    /**
     * A matched trade whose funds the exchange has settled (single-step settlement). {@code tradedAt}:
     * ISO-8601 with offset, e.g. 2025-12-15T10:30:00+08:00; price in yuan, at most two decimals;
     * {@code reservationId}: the seller's reservation the units come from.
     */
    public record Settle(
            String tradeId,
            Product product,
            String seller,
            String buyer,
            @Quantity long quantity,
            BigDecimal price,
            TradeMode mode,
            String tradedAt,
            @Omittable String reservationId) {
        public Settle {
            price = TradePrice.require(price);
            tradedAtTime(tradedAt);
        }

        public OffsetDateTime tradedAtTime() {
            return tradedAtTime(tradedAt);
        }

        private static OffsetDateTime tradedAtTime(String s) {
            return DvpApi.dateTime("tradedAt", s);
        }
    }

    /**
     * {@code priceCheck}: for a CEA trade with a close posted for the previous trading day, the band it
     * was checked against; a trade outside it is flagged ({@code withinBand} false) and left out of the
     * penalty price.
     */
    public record Settled(
            String tradeId,
            String status,
            String product,
            String seller,
            String buyer,
            long quantity,
            BigDecimal price,
            BigDecimal amount,
            String mode,
            String tradedAt,
            String settledAt,
            @Flatten Attribution attribution,
            @Omittable PriceCheck priceCheck,
            @Omittable String sellerProvince,
            @Omittable String buyerProvince,
            @Omittable String reservationId) {}

    /** The previous trading day's close (its date), the mode's band and its bounds, and whether the price lay inside. */
    public record PriceCheck(
            BigDecimal previousClose,
            String closeDate,
            BigDecimal band,
            BigDecimal low,
            BigDecimal high,
            boolean withinBand) {}

    /** The trades of a month ({@code month} YYYY-MM, required) in the caller's scope, optionally of one account. */
    public record ListTrades(
            @QueryParam String month, @QueryParam String account) {
        public ListTrades {
            if (month == null) {
                throw DomainException.badRequest("month (YYYY-MM) is required");
            }
            yearMonth(month);
        }

        public YearMonth yearMonth() {
            return yearMonth(month);
        }

        private static YearMonth yearMonth(String m) {
            try {
                if (m.length() != 7) {
                    throw new DateTimeParseException("not YYYY-MM", m, 0);
                }
                return YearMonth.parse(m);
            } catch (DateTimeParseException e) {
                throw DomainException.badRequest("month must be YYYY-MM, got '" + m + "'");
            }
        }
    }

    /** {@code withinBand}: absent when no previous close was posted (the trade counts). */
    public record TradeRow(
            String tradeId,
            String product,
            String seller,
            String buyer,
            long quantity,
            BigDecimal price,
            String mode,
            String tradedAt,
            @Omittable Boolean withinBand) {}

    public record TradeList(String month, List<TradeRow> trades) {}

    /** Up to {@link #MAX_TRADES_PER_TX} trades, each settled or refused on its own within one transaction. */
    public record SettleMany(@WholeBody JsonObject body) {
        public static final int MAX_TRADES_PER_TX = 200;
    }

    /** One trade of a batch: its settlement (with {@code replayed}), or {@code status} REJECTED with the refusal. */
    public record BatchResult(
            @Omittable String tradeId,
            String status,
            @Omittable @Flatten Settled settlement,
            @Omittable Boolean replayed,
            @Omittable Refusal error) {}

    public record BatchResults(List<BatchResult> results) {}

    /** What the gateway's batch endpoint takes: up to 1,000 trades, grouped by shared accounts into transactions. */
    public record Batch(List<Settle> trades) {}

    public record Get(@PathParam String tradeId) {}
}
