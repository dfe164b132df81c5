package cn.ets.registry.domain.allocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import cn.ets.registry.domain.DomainException;
import cn.ets.registry.domain.ErrorCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ClawBackTest {

    @ParameterizedTest(name = "excess {0}, held {1} -> take {2}, owe {3}")
    @CsvSource({
        "10000, 25000, 10000,     0",
        "10000, 10000, 10000,     0",
        "10000,  4000,  4000,  6000",
        "10000,     0,     0, 10000",
        "    0,   100,     0,     0",
    })
    void what_is_not_held_becomes_a_debt_never_a_negative_balance(long excess, long held, long taken, long debt) {
        assertThat(ClawBack.plan(excess, held)).isEqualTo(new ClawBack(taken, debt));
    }

    @Test
    void negative_inputs_are_rejected() {
        assertThatExceptionOfType(DomainException.class)
                .isThrownBy(() -> ClawBack.plan(-1, 0))
                .extracting(DomainException::code)
                .isEqualTo(ErrorCode.INVALID_QUANTITY);
    }
}
