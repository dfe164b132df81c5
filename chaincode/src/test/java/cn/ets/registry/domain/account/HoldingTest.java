package cn.ets.registry.domain.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import cn.ets.registry.domain.DomainException;
import cn.ets.registry.domain.ErrorCode;
import cn.ets.registry.domain.Tonnes;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HoldingTest {

    @Test
    void available_is_the_unlocked_part() {
        assertThat(new Holding(100, 30).available()).isEqualTo(70);
        assertThat(Holding.EMPTY.available()).isZero();
    }

    @ParameterizedTest(name = "quantity {0}, locked {1}")
    @CsvSource({"-1, 0", "0, -1", "5, 6"})
    void a_negative_or_over_locked_holding_cannot_exist(long quantity, long locked) {
        assertThatIllegalStateException()
                .isThrownBy(() -> new Holding(quantity, locked))
                .withMessageContaining("corrupt holding");
    }

    @Test
    void credit_adds_to_the_quantity_and_keeps_the_lock() {
        assertThat(new Holding(10, 4).credit(5)).isEqualTo(new Holding(15, 4));
    }

    @Test
    void credit_that_would_overflow_is_refused_not_wrapped() {
        assertThatExceptionOfType(DomainException.class)
                .isThrownBy(() -> new Holding(Long.MAX_VALUE - 1, 0).credit(2))
                .satisfies(e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_QUANTITY));
    }

    @Test
    void debit_of_exactly_the_available_part_leaves_the_locked_units() {
        assertThat(new Holding(10, 4).debit(6, "U1", "CEA-2024")).isEqualTo(new Holding(4, 4));
    }

    @Test
    void debit_beyond_the_quantity_is_insufficient_holdings_with_the_figures() {
        assertThatExceptionOfType(DomainException.class)
                .isThrownBy(() -> new Holding(10, 4).debit(11, "U1", "CEA-2024"))
                .satisfies(e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.INSUFFICIENT_HOLDINGS);
                    assertThat(e.getMessage()).isEqualTo("U1 holds 6 t of CEA-2024 available, needs 11 t");
                    assertThat(e.details())
                            .isEqualTo(Map.of(
                                    "account",
                                    "U1",
                                    "product",
                                    "CEA-2024",
                                    "available",
                                    6L,
                                    "locked",
                                    4L,
                                    "requested",
                                    11L));
                });
    }

    @Test
    void debit_of_units_that_exist_but_are_locked_is_units_locked() {
        assertThatExceptionOfType(DomainException.class)
                .isThrownBy(() -> new Holding(10, 4).debit(7, "U1", "CEA-2024"))
                .satisfies(e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.UNITS_LOCKED);
                    assertThat(e.getMessage()).contains("4 t are locked", "6 t available", "needs 7 t");
                });
    }

    @Test
    void debit_from_an_empty_holding_is_insufficient() {
        assertThatExceptionOfType(DomainException.class)
                .isThrownBy(() -> Holding.EMPTY.debit(1, "U1", "CEA-2024"))
                .satisfies(e -> assertThat(e.code()).isEqualTo(ErrorCode.INSUFFICIENT_HOLDINGS));
    }

    @Test
    void lock_takes_only_available_units() {
        Holding h = new Holding(10, 4);
        assertThat(h.lock(6, "U1", "CEA-2024")).isEqualTo(new Holding(10, 10));
        assertThatExceptionOfType(DomainException.class)
                .isThrownBy(() -> h.lock(7, "U1", "CEA-2024"))
                .satisfies(e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.INSUFFICIENT_HOLDINGS);
                    assertThat(e.details()).containsEntry("available", 6L).containsEntry("requested", 7L);
                });
    }

    @Test
    void unlock_and_take_locked_never_exceed_the_locked_part() {
        Holding h = new Holding(10, 4);
        assertThat(h.unlock(4)).isEqualTo(new Holding(10, 0));
        assertThat(h.takeLocked(3)).isEqualTo(new Holding(7, 1));
        assertThatIllegalStateException().isThrownBy(() -> h.unlock(5));
        assertThatIllegalStateException().isThrownBy(() -> h.takeLocked(5));
    }

    @Test
    void only_zero_quantity_and_zero_lock_is_empty() {
        assertThat(Holding.EMPTY.isEmpty()).isTrue();
        assertThat(new Holding(1, 0).isEmpty()).isFalse();
        assertThat(new Holding(1, 1).debit(0, "U1", "CEA-2024").isEmpty()).isFalse();
    }

    @Test
    void the_largest_plausible_quantity_credits_without_overflow() {
        assertThat(Holding.EMPTY.credit(Tonnes.MAX).credit(Tonnes.MAX).quantity())
                .isEqualTo(2 * Tonnes.MAX);
    }
}
