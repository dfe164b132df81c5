package cn.ets.registry.domain.compliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import cn.ets.registry.domain.DomainException;
import cn.ets.registry.domain.ErrorCode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AveragePriceTest {

    /** "100@90.00 300@100.00" -> two trades. */
    private static List<PricedQuantity> trades(String text) {
        List<PricedQuantity> trades = new ArrayList<>();
        for (String trade : text.trim().split("\\s+")) {
            String[] parts = trade.split("@");
            trades.add(new PricedQuantity(Long.parseLong(parts[0]), new BigDecimal(parts[1])));
        }
        return trades;
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "100@90.00 300@100.00,  97.50",
        "1@10 2@11,             10.67", // 32 / 3 = 10.666..
        "3@10.005,              10.01", // half up
        "1@10.004,              10.00",
        "100000@95.37,          95.37",
    })
    void average_price_is_weighted_by_volume_to_the_fen(String trades, String expected) {
        assertThat(AveragePrice.volumeWeighted(trades(trades))).contains(new BigDecimal(expected));
    }

    @Test
    void no_trades_means_no_average() {
        assertThat(AveragePrice.volumeWeighted(List.of())).isEmpty();
    }

    @Test
    void a_trade_needs_a_positive_quantity_and_a_non_negative_price() {
        assertThatExceptionOfType(DomainException.class)
                .isThrownBy(() -> new PricedQuantity(0, BigDecimal.ONE))
                .extracting(DomainException::code)
                .isEqualTo(ErrorCode.INVALID_QUANTITY);
        assertThatExceptionOfType(DomainException.class)
                .isThrownBy(() -> new PricedQuantity(1, new BigDecimal("-0.01")))
                .extracting(DomainException::code)
                .isEqualTo(ErrorCode.BAD_REQUEST);
    }
}
