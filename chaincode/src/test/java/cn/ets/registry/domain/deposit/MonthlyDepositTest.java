package cn.ets.registry.domain.deposit;

import static cn.ets.registry.domain.deposit.DigestTest.SHA256_OF_ABC;
import static cn.ets.registry.domain.deposit.DigestTest.SM3_OF_ABC;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import cn.ets.registry.domain.DomainException;
import cn.ets.registry.domain.ErrorCode;
import java.time.Instant;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;

class MonthlyDepositTest {

    @Test
    void a_deposit_keeps_the_digests_and_flags_lateness() {
        MonthlyDeposit onTime = MonthlyDeposit.record(
                "U-1", "2025-01", SHA256_OF_ABC, SM3_OF_ABC, Instant.parse("2025-03-12T15:59:59Z"));
        MonthlyDeposit late = MonthlyDeposit.record(
                "U-1", "2025-01", SHA256_OF_ABC, SM3_OF_ABC, Instant.parse("2025-03-12T16:00:00Z"));

        assertThat(onTime.month()).isEqualTo(YearMonth.of(2025, 1));
        assertThat(onTime.late()).isFalse();
        assertThat(late.late()).isTrue();
    }

    @Test
    void a_report_matches_only_its_own_sha256() {
        MonthlyDeposit deposit = MonthlyDeposit.record("U-1", "2025-01", SHA256_OF_ABC, SM3_OF_ABC, Instant.EPOCH);

        assertThat(deposit.matches(SHA256_OF_ABC)).isTrue();
        assertThat(deposit.matches("0".repeat(64))).isFalse();
    }

    @Test
    void bad_digests_or_months_are_rejected() {
        assertThatExceptionOfType(DomainException.class)
                .isThrownBy(() ->
                        MonthlyDeposit.record("U-1", "2025-01", SHA256_OF_ABC.toUpperCase(), SM3_OF_ABC, Instant.EPOCH))
                .extracting(DomainException::code)
                .isEqualTo(ErrorCode.BAD_REQUEST);
        assertThatExceptionOfType(DomainException.class)
                .isThrownBy(() -> MonthlyDeposit.record("U-1", "January", SHA256_OF_ABC, SM3_OF_ABC, Instant.EPOCH))
                .extracting(DomainException::code)
                .isEqualTo(ErrorCode.BAD_REQUEST);
        assertThatExceptionOfType(DomainException.class)
                .isThrownBy(() -> MonthlyDeposit.record(" ", "2025-01", SHA256_OF_ABC, SM3_OF_ABC, Instant.EPOCH))
                .extracting(DomainException::code)
                .isEqualTo(ErrorCode.BAD_REQUEST);
    }
}
