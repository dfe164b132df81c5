package cn.ets.registry.domain.deposit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DepositWindowTest {

    @ParameterizedTest(name = "{0} due {1}")
    @CsvSource({
        "2025-01, 2025-03-12", // 31 Jan + 40: February has 28 days
        "2025-02, 2025-04-09",
        "2024-02, 2024-04-09", // 29 Feb + 40
        "2025-04, 2025-06-09",
        "2024-11, 2025-01-09",
        "2024-12, 2025-02-09", // into the next year
    })
    void due_date_is_40_days_after_the_last_day_of_the_month(YearMonth month, LocalDate due) {
        assertThat(DepositWindow.dueDate(month)).isEqualTo(due);
    }

    @ParameterizedTest(name = "{0} recorded {1}: late {2}")
    @CsvSource({
        "2025-01, 2025-03-11T23:00:00Z, false", // 07:00 on day 40 in Beijing
        "2025-01, 2025-03-12T15:59:59Z, false", // 23:59:59 on day 40 in Beijing
        "2025-01, 2025-03-12T16:00:00Z, true", // 00:00 on day 41 in Beijing
        "2025-02, 2025-04-09T15:59:59Z, false",
        "2025-02, 2025-04-09T16:00:00Z, true",
        "2024-12, 2025-01-15T08:00:00Z, false", // December deposited in January
        "2024-12, 2025-02-09T15:59:59Z, false",
        "2024-12, 2025-02-09T16:00:00Z, true",
        "2024-12, 2024-12-31T16:00:00Z, false",
    })
    void a_deposit_is_late_from_day_41_on_the_beijing_calendar(YearMonth month, Instant recordedAt, boolean late) {
        assertThat(DepositWindow.isLate(month, recordedAt)).isEqualTo(late);
    }
}
