package cn.ets.registry.domain.settlement;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * 003 Table 1 / §2.2.6: 挂牌协议 within ±10 % of the previous trading day's close, 大宗协议 within
 * ±30 %, 单向竞价 floor −10 % and cap +10 %. Bounds rounded half up to the fen, inclusive. The case: a block
 * trade at 250 with the close near 100 is outside its band.
 */
class PriceBandTest {

    @ParameterizedTest(name = "close {0}, band {1}: {2} inside = {3}")
    @CsvSource({
        "100.00, 0.10, 110.00, true",
        "100.00, 0.10, 110.01, false",
        "100.00, 0.10, 90.00,  true",
        "100.00, 0.10, 89.99,  false",
        "100.00, 0.30, 130.00, true",
        "100.00, 0.30, 250.00, false",
        "100.00, 0.30, 70.00,  true",
        "97.49,  0.10, 107.24, true", // 107.239 → the limit shown, 107.24
        "97.49,  0.10, 107.25, false",
        "97.49,  0.10, 87.74,  true", // 87.741 → 87.74
        "97.49,  0.10, 87.73,  false",
    })
    void a_price_is_inside_the_band_of_the_previous_close(
            BigDecimal close, BigDecimal band, BigDecimal price, boolean inside) {
        PriceBand b = PriceBand.around(close, band);
        assertThat(b.contains(price)).isEqualTo(inside);
        assertThat(b.low().scale()).isEqualTo(2);
    }
}
