package cn.ets.registry.domain.lock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import cn.ets.registry.domain.DomainException;
import cn.ets.registry.domain.ErrorCode;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A pledge as a two-party registration (碳质押, 002): proposed, accepted, released in part, defaulted
 * (by the pledgee after maturity, by the pledgor at any time), enforced after a default or on a
 * court order; a judicial freeze allows court-ordered transfers (扣划).
 */
class LockRecordTest {
    private static final LocalDate MATURITY = LocalDate.of(2026, 6, 30);

    private static LockRecord proposed() {
        return LockRecord.proposePledge(
                "L1", "HB-U1", "CEA-2024", 600, "BANK", "loan", "LOAN-1", new BigDecimal("50000.00"), MATURITY, "tx1");
    }

    private static ErrorCode refusal(Runnable r) {
        try {
            r.run();
            return null;
        } catch (DomainException e) {
            return e.code();
        }
    }

    @Test
    void a_pledge_holds_once_the_pledgee_accepts_and_is_enforced_after_a_default() {
        LockRecord p = proposed();
        assertThat(p.status()).isEqualTo(LockRecord.PROPOSED);
        assertThat(refusal(() -> p.enforced(null, "tx"))).isEqualTo(ErrorCode.CONFLICT);
        LockRecord active = p.accepted();
        assertThat(active.status()).isEqualTo(LockRecord.ACTIVE);
        assertThat(refusal(() -> active.enforced(null, "tx"))).isEqualTo(ErrorCode.CONFLICT);
        LockRecord defaulted = active.defaulted("unpaid", false, MATURITY.plusDays(1), "tx2");
        assertThat(defaulted.status()).isEqualTo(LockRecord.DEFAULTED);
        LockRecord enforced = defaulted.enforced(null, "tx3");
        assertThat(enforced.status()).isEqualTo(LockRecord.ENFORCED);
        assertThat(enforced.quantity()).isZero();
    }

    @ParameterizedTest(name = "today {0}, by pledgor {1} -> {2}")
    @CsvSource({
        "2026-06-30, false, DEADLINE_NOT_REACHED",
        "2026-07-01, false, ",
        "2025-01-01, true,  ",
    })
    void the_pledgee_registers_a_default_after_maturity_the_pledgor_at_any_time(
            LocalDate today, boolean byPledgor, ErrorCode expected) {
        assertThat(refusal(() -> proposed().accepted().defaulted("unpaid", byPledgor, today, "tx")))
                .isEqualTo(expected);
    }

    @Test
    void partial_releases_leave_the_rest_locked_until_none_is_left() {
        LockRecord a = proposed().accepted().released(200, "tx2");
        assertThat(a.status()).isEqualTo(LockRecord.ACTIVE);
        assertThat(a.quantity()).isEqualTo(400);
        assertThat(refusal(() -> a.released(401, "tx"))).isEqualTo(ErrorCode.INVALID_QUANTITY);
        LockRecord done = a.released(400, "tx3");
        assertThat(done.status()).isEqualTo(LockRecord.RELEASED);
        assertThat(refusal(() -> proposed().released(1, "tx"))).isEqualTo(ErrorCode.CONFLICT);
    }

    @Test
    void a_court_order_enforces_a_holding_pledge_and_only_a_judicial_freeze_allows_a_transfer() {
        assertThat(proposed().accepted().enforced("(2025) E 01 Zhi 1", "tx").courtOrder())
                .isEqualTo("(2025) E 01 Zhi 1");
        LockRecord judicial = LockRecord.freeze("F1", "HB-U1", "CEA-2024", 500, "preservation", "(2025) order", "tx");
        LockRecord part = judicial.courtTransferred(200, "tx2");
        assertThat(part.quantity()).isEqualTo(300);
        assertThat(part.status()).isEqualTo(LockRecord.ACTIVE);
        assertThat(part.courtTransferred(300, "tx3").status()).isEqualTo(LockRecord.TRANSFERRED);
        LockRecord plain = LockRecord.freeze("F2", "HB-U1", "CEA-2024", 500, "regulatory", null, "tx");
        assertThat(refusal(() -> plain.courtTransferred(1, "tx"))).isEqualTo(ErrorCode.CONFLICT);
        assertThat(refusal(() -> proposed().accepted().courtTransferred(1, "tx")))
                .isEqualTo(ErrorCode.CONFLICT);
        assertThat(refusal(() -> plain.accepted())).isEqualTo(ErrorCode.CONFLICT);
    }

    @Test
    void a_pledge_is_declined_only_before_it_is_accepted() {
        assertThat(proposed().declined("tx").status()).isEqualTo(LockRecord.DECLINED);
        assertThatExceptionOfType(DomainException.class)
                .isThrownBy(() -> proposed().accepted().declined("tx"))
                .extracting(DomainException::code)
                .isEqualTo(ErrorCode.CONFLICT);
    }
}
