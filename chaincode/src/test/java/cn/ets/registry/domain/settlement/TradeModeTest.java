package cn.ets.registry.domain.settlement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import cn.ets.registry.domain.DomainException;
import cn.ets.registry.domain.ErrorCode;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TradeModeTest {

    @ParameterizedTest(name = "{0} of {1} t: {2}")
    @CsvSource({
        "LISTED,  1,      true",
        "LISTED,  0,      false",
        "BIDDING, 1,      true",
        "BIDDING, 0,      false",
        "BLOCK,   100000, true",
        "BLOCK,   99999,  false",
        "BLOCK,   1,      false",
        "BLOCK,   5000000, true"
    })
    void only_block_trades_have_a_100000_t_minimum(TradeMode mode, long quantity, boolean ok) {
        if (ok) {
            assertThatCode(() -> mode.requireOrderSize(quantity)).doesNotThrowAnyException();
        } else {
            assertThatExceptionOfType(DomainException.class)
                    .isThrownBy(() -> mode.requireOrderSize(quantity))
                    .satisfies(e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_QUANTITY));
        }
    }

    @Test
    void the_refusal_carries_mode_minimum_and_quantity() {
        assertThatExceptionOfType(DomainException.class)
                .isThrownBy(() -> TradeMode.BLOCK.requireOrderSize(99_999))
                .satisfies(e -> {
                    assertThat(e.details())
                            .isEqualTo(Map.of("mode", "BLOCK", "minimum", 100_000L, "quantity", 99_999L));
                    assertThat(e.getMessage()).isEqualTo("BLOCK trades are at least 100000 t, got 99999 t");
                });
    }

    @Test
    void the_three_modes_of_the_national_market() {
        assertThat(TradeMode.values()).containsExactly(TradeMode.LISTED, TradeMode.BLOCK, TradeMode.BIDDING);
    }
}
