package cn.ets.registry.domain.settlement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import cn.ets.registry.domain.DomainException;
import cn.ets.registry.domain.ErrorCode;
import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TradePriceTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "0.01,       0.01",
        "88.5,       88.50",
        "88.50,      88.50",
        "88.500,     88.50",
        "100,        100.00",
        "1E+2,       100.00",
        "1000000,    1000000.00",
        "1000000.00, 1000000.00"
    })
    void valid_prices_come_back_with_exactly_two_decimals(String in, String out) {
        BigDecimal p = TradePrice.require(new BigDecimal(in));
        assertThat(p.toPlainString()).isEqualTo(out);
        assertThat(p.scale()).isEqualTo(2);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "0.00", "-0.01", "-88", "1000000.01", "1E+7", "0.001", "88.505", "88.123456789"})
    void zero_negative_too_large_or_sub_fen_prices_are_refused_never_rounded(String in) {
        assertThatExceptionOfType(DomainException.class)
                .isThrownBy(() -> TradePrice.require(new BigDecimal(in)))
                .satisfies(e -> assertThat(e.code()).isEqualTo(ErrorCode.BAD_REQUEST));
    }
}
