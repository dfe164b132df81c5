package cn.ets.registry.domain.ccer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import cn.ets.registry.domain.DomainException;
import cn.ets.registry.domain.ErrorCode;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MonitoringPeriodsTest {
    private static final List<MonitoringPeriod> ISSUED = List.of(
            new MonitoringPeriod(LocalDate.of(2021, 1, 1), LocalDate.of(2021, 12, 31)),
            new MonitoringPeriod(LocalDate.of(2022, 1, 1), LocalDate.of(2022, 12, 31)));

    @ParameterizedTest(name = "{0}..{1}")
    @CsvSource({
        "2021-12-31, 2022-06-30", // shares the last day of 2021
        "2022-12-31, 2023-12-31", // shares one day
        "2020-01-01, 2025-12-31", // covers both
        "2022-03-01, 2022-03-01",
    })
    void a_period_sharing_even_one_day_with_an_issued_one_is_already_issued(LocalDate start, LocalDate end) {
        MonitoringPeriod requested = new MonitoringPeriod(start, end);

        assertThatExceptionOfType(DomainException.class)
                .isThrownBy(() -> MonitoringPeriods.checkNoOverlap(ISSUED, requested))
                .satisfies(e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.ALREADY_ISSUED);
                    assertThat(e.details()).containsEntry("requestedStart", start.toString());
                });
    }

    @ParameterizedTest(name = "{0}..{1}")
    @CsvSource({"2023-01-01, 2023-12-31", "2020-01-01, 2020-12-31", "2023-01-01, 2023-01-01"})
    void an_adjacent_period_is_accepted(LocalDate start, LocalDate end) {
        assertThatCode(() -> MonitoringPeriods.checkNoOverlap(ISSUED, new MonitoringPeriod(start, end)))
                .doesNotThrowAnyException();
    }

    @Test
    void a_period_cannot_end_before_it_starts() {
        assertThatExceptionOfType(DomainException.class)
                .isThrownBy(() -> new MonitoringPeriod(LocalDate.of(2022, 1, 2), LocalDate.of(2022, 1, 1)))
                .extracting(DomainException::code)
                .isEqualTo(ErrorCode.BAD_REQUEST);
    }
}
