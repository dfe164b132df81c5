package cn.ets.registry.domain.settlement;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * The price band of a trade around the previous trading day's closing price (003 Table 1, §2.2.6:
 * listed ±10 %, block ±30 %, bidding floor −10 % and cap +10 %; the widths are parameters of the
 * vintage). The exchange enforces the bands; the registry checks each settled CEA trade against the
 * close the exchange posted to the ledger and flags a trade outside its band, which then does not
 * count towards the average price a fine is computed from (003 §2.2.7). Bounds are
 * {@code close × (1 ± band)} rounded half up to the fen, the price tick — as exchanges state their
 * price limits, so a trade at the limit the exchange showed is inside — and inclusive.
 * <p>
 * "The previous trading day" is the latest day, among the {@link #LOOKBACK_DAYS} days before the
 * trade's Beijing date, for which the exchange posted a close: days without a close are taken as
 * days without trading (weekends, holidays; the longest market closure, the Spring Festival, is
 * shorter). Where no close was posted in that window, nothing is known to compare with and the
 * trade counts (api.md).
 */
public record PriceBand(BigDecimal previousClose, BigDecimal band, BigDecimal low, BigDecimal high) {
    /** How far back a previous close is looked for, in calendar days. */
    public static final int LOOKBACK_DAYS = 10;

    public PriceBand {
        Objects.requireNonNull(previousClose, "previousClose");
        Objects.requireNonNull(band, "band");
        Objects.requireNonNull(low, "low");
        Objects.requireNonNull(high, "high");
    }

    public static PriceBand around(BigDecimal previousClose, BigDecimal band) {
        Objects.requireNonNull(previousClose, "previousClose");
        Objects.requireNonNull(band, "band");
        return new PriceBand(
                previousClose,
                band,
                previousClose.multiply(BigDecimal.ONE.subtract(band)).setScale(2, RoundingMode.HALF_UP),
                previousClose.multiply(BigDecimal.ONE.add(band)).setScale(2, RoundingMode.HALF_UP));
    }

    public boolean contains(BigDecimal price) {
        Objects.requireNonNull(price, "price");
        return price.compareTo(low) >= 0 && price.compareTo(high) <= 0;
    }
}
