package cn.ets.registry.domain.dvp;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ets.registry.domain.DomainException;
import cn.ets.registry.domain.ErrorCode;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** A pre-trade reservation is filled by trades and reduced by cancellations, never beyond what it reserves. */
class ReservationTest {
    static ErrorCode refusal(Runnable r) {
        try {
            r.run();
            return null;
        } catch (DomainException e) {
            return e.code();
        }
    }

    @Test
    void fills_and_cancellations_take_from_what_is_reserved_until_nothing_is_left() {
        Reservation r = Reservation.place("R1", "S", "CEA-2026", "ORD-1", 1_000, "tx");
        Reservation filled = r.filled("S", "CEA-2026", 600);
        assertThat(filled.quantity()).isEqualTo(400);
        assertThat(filled.filled()).isEqualTo(600);
        assertThat(filled.status()).isEqualTo(Reservation.ACTIVE);
        Reservation released = filled.reduced(400);
        assertThat(released.quantity()).isZero();
        assertThat(released.status()).isEqualTo(Reservation.RELEASED);
        assertThat(refusal(() -> released.reduced(1))).isEqualTo(ErrorCode.CONFLICT);
        assertThat(refusal(() -> released.filled("S", "CEA-2026", 1))).isEqualTo(ErrorCode.CONFLICT);
    }

    @Test
    void a_trade_takes_only_the_reservations_own_seller_product_and_quantity() {
        Reservation r = Reservation.place("R1", "S", "CEA-2026", "ORD-1", 1_000, "tx");
        assertThat(refusal(() -> r.filled("OTHER", "CEA-2026", 1))).isEqualTo(ErrorCode.BAD_REQUEST);
        assertThat(refusal(() -> r.filled("S", "CEA-2027", 1))).isEqualTo(ErrorCode.BAD_REQUEST);
        assertThat(refusal(() -> r.filled("S", "CEA-2026", 1_001))).isEqualTo(ErrorCode.INSUFFICIENT_HOLDINGS);
        assertThat(refusal(() -> r.reduced(1_001))).isEqualTo(ErrorCode.INVALID_QUANTITY);
        assertThat(refusal(() -> r.reduced(0))).isEqualTo(ErrorCode.INVALID_QUANTITY);
    }

    @Test
    void a_reversal_needs_the_units_still_with_the_buyer_and_is_decided_once() {
        Reversal r = Reversal.request(
                "T1", "DVP", "LISTED", "CEA-2026", "S", "B", 500, new BigDecimal("47750.00"), "wrong price", "tx");
        assertThat(r.reversalId()).isEqualTo("R-T1");
        assertThat(refusal(() -> r.approved(499, "tx2"))).isEqualTo(ErrorCode.CONFLICT);
        Reversal ok = r.approved(500, "tx2");
        assertThat(ok.status()).isEqualTo(Reversal.APPROVED);
        assertThat(refusal(() -> ok.approved(500, "tx3"))).isEqualTo(ErrorCode.CONFLICT);
        assertThat(refusal(() -> ok.refused("no", "tx3"))).isEqualTo(ErrorCode.CONFLICT);
        assertThat(refusal(() ->
                        Reversal.request("T1", "DVP", "LISTED", "CEA-2026", "S", "B", 1, BigDecimal.ONE, " ", "tx")))
                .isEqualTo(ErrorCode.BAD_REQUEST);
    }
}
