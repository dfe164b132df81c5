package cn.ets.registry.domain.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PenaltyMonthTest {

    @ParameterizedTest(name = "deadline {0} -> {1}")
    @CsvSource({
        "2025-12-31, 2025-12", // last day: the month it ends
        "2024-12-31, 2024-12",
        "2025-02-28, 2025-02",
        "2024-02-29, 2024-02",
        "2024-02-28, 2024-01", // not the last day in a leap year
        "2025-06-15, 2025-05", // mid-month: the month before
        "2026-01-01, 2025-12",
    })
    void average_price_month_is_the_last_whole_month_ending_by_the_deadline(LocalDate deadline, YearMonth month) {
        assertThat(PenaltyMonth.forDeadline(deadline).month()).isEqualTo(month);
    }

    @ParameterizedTest(name = "{0} in December: {1}")
    @CsvSource({
        "2025-11-30T15:59:59Z, false", // 23:59:59 on 30 November in Beijing
        "2025-11-30T16:00:00Z, true", // 00:00 on 1 December in Beijing
        "2025-12-31T15:59:59Z, true",
        "2025-12-31T16:00:00Z, false", // 1 January in Beijing
    })
    void trades_are_placed_in_the_month_by_their_beijing_date(Instant tradedAt, boolean inside) {
        assertThat(PenaltyMonth.forDeadline(LocalDate.of(2025, 12, 31)).contains(tradedAt))
                .isEqualTo(inside);
    }
}
