package cn.ets.registry.api;

import cn.ets.registry.domain.DomainException;
import cn.ets.registry.domain.product.Product;
import cn.ets.registry.domain.settlement.TradePrice;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * The exchange's daily closing prices (收盘价), posted to the ledger so that every settled CEA trade
 * can be checked against the band of the previous close (003 Table 1) and the penalty price counts
 * only trades inside their band.
 */
public final class PricesApi {
    private PricesApi() {}

    /** The close of a CEA product on a trading day (Beijing date, not after today); posted once. */
    public record PostClose(Product product, String date, BigDecimal price) {
        public PostClose {
            if (!product.isCea()) {
                throw DomainException.badRequest("closing prices are posted for CEA products, not " + product);
            }
            day(date);
            price = TradePrice.require(price);
        }

        public LocalDate day() {
            return day(date);
        }

        private static LocalDate day(String date) {
            try {
                return LocalDate.parse(date);
            } catch (DateTimeParseException e) {
                throw DomainException.badRequest("date must be a trading day YYYY-MM-DD, got '" + date + "'");
            }
        }
    }

    public record ClosePosted(
            String product,
            String date,
            BigDecimal price,
            @Flatten Attribution attribution) {}

    public record GetCloses(@PathParam Product product) {}

    public record CloseView(String date, BigDecimal price) {}

    public record Closes(String product, List<CloseView> closes) {}
}
