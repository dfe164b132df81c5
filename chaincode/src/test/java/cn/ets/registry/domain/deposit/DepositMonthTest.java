package cn.ets.registry.domain.deposit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import cn.ets.registry.domain.DomainException;
import cn.ets.registry.domain.ErrorCode;
import java.time.YearMonth;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class DepositMonthTest {

    @ParameterizedTest
    @CsvSource({"2025-01, 2025, 1", "2024-12, 2024, 12"})
    void year_and_month_are_read(String text, int year, int month) {
        assertThat(DepositMonth.parse(text)).isEqualTo(YearMonth.of(year, month));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(
            strings = {
                "2025-13",
                "2025-00",
                "2025-1",
                "25-01",
                "2025/01",
                "2025-01-01",
                " 2025-01",
                "abcd-ef",
                "+2025-01"
            })
    void junk_is_a_bad_request(String text) {
        assertThatExceptionOfType(DomainException.class)
                .isThrownBy(() -> DepositMonth.parse(text))
                .extracting(DomainException::code)
                .isEqualTo(ErrorCode.BAD_REQUEST);
    }
}
