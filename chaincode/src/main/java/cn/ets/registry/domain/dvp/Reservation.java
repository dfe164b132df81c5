package cn.ets.registry.domain.dvp;

import cn.ets.registry.domain.DomainException;
import cn.ets.registry.domain.ErrorCode;
import cn.ets.registry.domain.Tonnes;
import java.util.Map;

/**
 * A pre-trade reservation: when a sell order is placed, the exchange reserves the seller's units
 * (they are locked in the seller's account), so the trade that fills the order cannot fail for lack
 * of units. A fill takes units out of it, a cancellation of the order reduces or releases it;
 * {@code quantity} is what it still reserves, RELEASED once nothing is left. {@code filled} counts
 * the tonnes trades took from it.
 */
public record Reservation(
        String reservationId,
        String account,
        String product,
        String orderRef,
        long quantity,
        long filled,
        String status,
        String createdTx) {
    public static final String ACTIVE = "ACTIVE";
    public static final String RELEASED = "RELEASED";

    public static Reservation place(
            String reservationId, String account, String product, String orderRef, long quantity, String txId) {
        Tonnes.requirePositive(quantity, "quantity");
        return new Reservation(reservationId, account, product, orderRef, quantity, 0, ACTIVE, txId);
    }

    /** A trade of {@code seller} in {@code product} takes {@code q} tonnes: only the reservation's own. */
    public Reservation filled(String seller, String tradeProduct, long q) {
        requireActive("fill");
        if (!account.equals(seller) || !product.equals(tradeProduct)) {
            throw DomainException.badRequest("reservation " + reservationId + " reserves " + product + " of " + account
                    + ", not " + tradeProduct + " of " + seller);
        }
        if (q > quantity) {
            throw new DomainException(
                    ErrorCode.INSUFFICIENT_HOLDINGS,
                    "reservation " + reservationId + " still reserves " + quantity + " t; the trade needs " + q + " t",
                    Map.of("reservationId", reservationId, "reserved", quantity, "requested", q));
        }
        return next(quantity - q, Tonnes.add(filled, q));
    }

    /** The order is cancelled in part ({@code q} tonnes) or in full ({@code q} equal to what is left). */
    public Reservation reduced(long q) {
        requireActive("reduce");
        Tonnes.requirePositive(q, "quantity");
        if (q > quantity) {
            throw new DomainException(
                    ErrorCode.INVALID_QUANTITY,
                    "reservation " + reservationId + " reserves " + quantity + " t; cannot reduce it by " + q + " t",
                    Map.of("reservationId", reservationId, "reserved", quantity, "requested", q));
        }
        return next(quantity - q, filled);
    }

    private Reservation next(long left, long filledNow) {
        return new Reservation(
                reservationId, account, product, orderRef, left, filledNow, left == 0 ? RELEASED : ACTIVE, createdTx);
    }

    private void requireActive(String action) {
        if (!ACTIVE.equals(status)) {
            throw new DomainException(
                    ErrorCode.CONFLICT,
                    "reservation " + reservationId + " is " + status + "; cannot " + action + " it",
                    Map.of("reservationId", reservationId, "status", status));
        }
    }
}
