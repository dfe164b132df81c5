package cn.ets.registry.domain.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ets.registry.domain.policy.PolicyParameters;
import cn.ets.registry.domain.policy.SeededParameters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BorrowingTest {
    private static final PolicyParameters OFF = SeededParameters.forVintage("2024");
    private static final PolicyParameters ON =
            OFF.toBuilder().borrowingEnabled(true).build();

    @Test
    void nothing_can_be_borrowed_while_borrowing_is_off() {
        assertThat(Borrowing.maxBorrowable(100_000, 0, OFF)).isZero();
    }

    @ParameterizedTest(name = "obligation {0}, held {1} -> {2}")
    @CsvSource({
        "100000,  90000,  5000", // gap exactly 10 %: half of it
        "100000,  90001,     0", // gap 9,999 < 10 %
        "100000,  89999,  5000", // 5,000.5 rounded down
        "100000,      0, 50000",
        "100000, 100000,     0",
        "100000, 120000,     0",
        "     0,      0,     0",
    })
    void half_the_gap_when_the_gap_is_at_least_10_percent(long obligation, long holdings, long expected) {
        assertThat(Borrowing.maxBorrowable(obligation, holdings, ON)).isEqualTo(expected);
    }
}
