package cn.ets.registry.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TonnesTest {

    private static void invalid(ThrowingCallable c) {
        assertThatExceptionOfType(DomainException.class)
                .isThrownBy(c)
                .satisfies(e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_QUANTITY));
    }

    @ParameterizedTest
    @ValueSource(longs = {0, -1, Long.MIN_VALUE, Tonnes.MAX + 1, Long.MAX_VALUE})
    void zero_negative_and_implausibly_large_quantities_are_invalid(long q) {
        invalid(() -> Tonnes.requirePositive(q, "quantity"));
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 26_000, Tonnes.MAX})
    void positive_quantities_up_to_the_maximum_pass(long q) {
        assertThat(Tonnes.requirePositive(q, "quantity")).isEqualTo(q);
    }

    @Test
    void arithmetic_is_exact_or_refused() {
        assertThat(Tonnes.add(2, 3)).isEqualTo(5);
        assertThat(Tonnes.subtract(2, 3)).isEqualTo(-1);
        assertThat(Tonnes.multiply(4, 3)).isEqualTo(12);
        invalid(() -> Tonnes.add(Long.MAX_VALUE, 1));
        invalid(() -> Tonnes.subtract(Long.MIN_VALUE, 1));
        invalid(() -> Tonnes.multiply(Long.MAX_VALUE, 2));
    }

    @Test
    void the_message_names_the_field() {
        assertThatExceptionOfType(DomainException.class)
                .isThrownBy(() -> Tonnes.requirePositive(0, "items[0].quantity"))
                .withMessageStartingWith("items[0].quantity must be");
    }
}
