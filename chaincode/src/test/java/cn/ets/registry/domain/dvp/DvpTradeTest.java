package cn.ets.registry.domain.dvp;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ets.registry.domain.DomainException;
import cn.ets.registry.domain.ErrorCode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Delivery versus payment (001 §21; 000 §18; 003 §2.3.2): POSTED → FUNDS_CONFIRMED → SETTLED in
 * the confirming transaction, or FAILED when the bank refuses or the cut-off passes; final states
 * take no further step.
 */
class DvpTradeTest {
    static final Instant CUT_OFF = Instant.parse("2026-12-02T09:00:00Z"); // 17:00 Beijing
    static final Instant BEFORE = CUT_OFF.minusSeconds(60);
    static final Instant AFTER = CUT_OFF.plusSeconds(1);

    static DvpTrade posted() {
        return DvpTrade.post(
                "T1",
                "CEA-2026",
                "S",
                "B",
                1_000,
                new BigDecimal("95.50"),
                "LISTED",
                "2026-12-02T10:00:00+08:00",
                "2026-12-02",
                CUT_OFF,
                null,
                BEFORE,
                "tx1");
    }

    static ErrorCode refusal(Runnable r) {
        try {
            r.run();
            return null;
        } catch (DomainException e) {
            return e.code();
        }
    }

    @Test
    void the_funds_leg_confirmed_delivers_the_units_and_the_amount_is_price_times_quantity() {
        DvpTrade t = posted();
        assertThat(t.status()).isEqualTo(DvpTrade.POSTED);
        assertThat(t.amount()).isEqualByComparingTo("95500.00");
        DvpTrade confirmed = t.fundsConfirmed("BANK-REF-1", BEFORE);
        assertThat(confirmed.status()).isEqualTo(DvpTrade.FUNDS_CONFIRMED);
        DvpTrade settled = confirmed.delivered("tx2");
        assertThat(settled.status()).isEqualTo(DvpTrade.SETTLED);
        assertThat(settled.fundsRef()).isEqualTo("BANK-REF-1");
        assertThat(settled.closedTx()).isEqualTo("tx2");
        assertThat(settled.isFinal()).isTrue();
    }

    @Test
    void units_are_never_delivered_without_a_confirmed_funds_leg() {
        assertThat(refusal(() -> posted().delivered("tx"))).isEqualTo(ErrorCode.CONFLICT);
    }

    @ParameterizedTest(name = "{0} then {1}: {2}")
    @CsvSource({
        "confirm, confirm, CONFLICT",
        "confirm, refuse,  CONFLICT",
        "confirm, cutoff,  CONFLICT",
        "refuse,  confirm, CONFLICT",
        "refuse,  refuse,  CONFLICT",
        "cutoff,  confirm, CONFLICT",
        "cutoff,  refuse,  CONFLICT",
        "cutoff,  cutoff,  CONFLICT"
    })
    void a_final_trade_takes_no_further_step(String first, String second, ErrorCode expected) {
        DvpTrade done = step(posted(), first);
        assertThat(done.isFinal()).isTrue();
        assertThat(refusal(() -> step(done, second))).isEqualTo(expected);
    }

    private static DvpTrade step(DvpTrade t, String what) {
        return switch (what) {
            case "confirm" -> t.fundsConfirmed("REF", BEFORE).delivered("txc");
            case "refuse" -> t.refused("insufficient funds", "txr");
            default -> t.cutOffPassed(AFTER, "txx");
        };
    }

    @Test
    void the_bank_refusal_and_the_cut_off_each_fail_the_trade_with_their_reason() {
        DvpTrade refused = posted().refused("buyer's funds insufficient", "tx");
        assertThat(refused.status()).isEqualTo(DvpTrade.FAILED);
        assertThat(refused.failure()).isEqualTo(DvpTrade.BANK_REFUSED);
        assertThat(refused.reason()).isEqualTo("buyer's funds insufficient");
        DvpTrade late = posted().cutOffPassed(CUT_OFF, "tx");
        assertThat(late.failure()).isEqualTo(DvpTrade.CUT_OFF);
    }

    @Test
    void the_cut_off_decides_confirmations_failures_and_postings() {
        assertThat(refusal(() -> posted().cutOffPassed(BEFORE, "tx"))).isEqualTo(ErrorCode.DEADLINE_NOT_REACHED);
        assertThat(refusal(() -> posted().fundsConfirmed("REF", CUT_OFF))).isEqualTo(ErrorCode.DEADLINE_PASSED);
        assertThat(refusal(() -> DvpTrade.post(
                        "T2",
                        "CEA-2026",
                        "S",
                        "B",
                        1,
                        BigDecimal.ONE,
                        "LISTED",
                        "2026-12-02T10:00:00+08:00",
                        "2026-12-02",
                        CUT_OFF,
                        null,
                        AFTER,
                        "tx")))
                .isEqualTo(ErrorCode.DEADLINE_PASSED);
    }

    @ParameterizedTest(name = "traded {0}, cut-off given {1} -> {2}")
    @CsvSource({
        "2026-12-02T10:00:00+08:00, , 2026-12-02T09:00:00Z",
        "2026-12-02T23:30:00+08:00, , BAD_REQUEST",
        "2026-12-02T10:00:00+08:00, 2026-12-02T12:00:00+08:00, 2026-12-02T04:00:00Z",
        "2026-12-02T10:00:00+08:00, 2026-12-02T09:00:00+08:00, BAD_REQUEST"
    })
    void the_settlement_day_is_the_beijing_trading_day_and_its_cut_off_17_00_unless_given(
            String tradedAt, String given, String expected) {
        OffsetDateTime t = OffsetDateTime.parse(tradedAt);
        OffsetDateTime g = given == null ? null : OffsetDateTime.parse(given);
        if (expected.equals("BAD_REQUEST")) {
            assertThat(refusal(() -> SettlementDay.cutOff(t, g))).isEqualTo(ErrorCode.BAD_REQUEST);
        } else {
            assertThat(SettlementDay.cutOff(t, g)).isEqualTo(Instant.parse(expected));
        }
    }
}
