package cn.ets.registry.domain.compliance;

import cn.ets.registry.domain.Tonnes;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Average trade price used for the penalty (003 §2.2.7), weighted by volume. */
public final class AveragePrice {
    private AveragePrice() {}

    /** Yuan per tonne, scale 2, half up; empty when there were no trades. */
    public static Optional<BigDecimal> volumeWeighted(List<PricedQuantity> trades) {
        Objects.requireNonNull(trades, "trades");
        if (trades.isEmpty()) {
            return Optional.empty();
        }
        long volume = 0;
        BigDecimal value = BigDecimal.ZERO;
        for (PricedQuantity trade : trades) {
            volume = Tonnes.add(volume, trade.quantity());
            value = value.add(trade.price().multiply(BigDecimal.valueOf(trade.quantity())));
        }
        return Optional.of(value.divide(BigDecimal.valueOf(volume), 2, RoundingMode.HALF_UP));
    }
}
