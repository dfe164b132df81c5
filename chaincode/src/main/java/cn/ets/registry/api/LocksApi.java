package cn.ets.registry.api;

import cn.ets.registry.domain.DomainException;
import cn.ets.registry.domain.lock.LockRecord;
import cn.ets.registry.domain.product.Product;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Pledges and freezes (002; 001 §45): locked units stay in the account but cannot move until
 * released, enforced or transferred on a court's order. A pledge is registered by both parties
 * (proposed by the pledgor, accepted by the pledgee) and enforced only after a registered default
 * or on a court order.
 */
public final class LocksApi {
    /** A secured amount above a trillion yuan is a typo. */
    private static final BigDecimal MAX_SECURED = new BigDecimal("1000000000000");

    private LocksApi() {}

    /**
     * A PLEDGE is proposed by the holder and names its pledgee (an INSTITUTION account), the loan
     * contract's reference, the secured amount (yuan) and the maturity; a FREEZE is the registry's, a
     * judicial one names its court order.
     */
    public record Lock(
            String requestId,
            String account,
            Product product,
            @Quantity long quantity,
            LockRecord.Kind kind,
            String reason,
            @Omittable String pledgee,
            @Omittable String contractRef,
            @Omittable BigDecimal securedAmount,
            @Omittable LocalDate maturity,
            @Omittable String courtOrder) {
        public Lock {
            if (kind == LockRecord.Kind.PLEDGE) {
                require("pledgee", pledgee);
                require("contractRef", contractRef);
                require("securedAmount", securedAmount);
                require("maturity", maturity);
                if (contractRef.isBlank()) {
                    throw DomainException.badRequest("contractRef must not be blank");
                }
                if (securedAmount.signum() <= 0
                        || securedAmount.stripTrailingZeros().scale() > 2
                        || securedAmount.compareTo(MAX_SECURED) > 0) {
                    throw DomainException.badRequest("securedAmount must be yuan greater than 0, at most two decimals"
                            + " and at most " + MAX_SECURED.toPlainString() + ", got " + securedAmount.toPlainString());
                }
                securedAmount = securedAmount.setScale(2);
                if (courtOrder != null) {
                    throw DomainException.badRequest("a pledge names no court order");
                }
            } else {
                if (pledgee != null || contractRef != null || securedAmount != null || maturity != null) {
                    throw DomainException.badRequest(
                            "a freeze names no pledgee, contractRef, securedAmount or maturity");
                }
                if (courtOrder != null && courtOrder.isBlank()) {
                    throw DomainException.badRequest("courtOrder must not be blank");
                }
            }
        }

        private static void require(String field, Object value) {
            if (value == null) {
                throw DomainException.badRequest("missing field '" + field + "': a pledge names it");
            }
        }
    }

    /**
     * Releases {@code quantity} tonnes (all when left out). With a {@code requestId} the command is
     * replayable; without one it runs once, then answers CONFLICT.
     */
    public record Release(
            @PathParam String lockId,
            @Omittable String requestId,
            @Omittable @Quantity Long quantity) {}

    /** By the pledgee after a registered default; by the registry with the {@code courtOrder} it acts on. */
    public record Enforce(
            @PathParam String lockId,
            @Omittable String requestId,
            @Omittable String courtOrder) {}

    /** The pledgee accepts a proposed pledge; it holds from then on. */
    public record Accept(
            @PathParam String lockId, @Omittable String requestId) {}

    /** Either party withdraws a pledge the pledgee has not accepted; the units are available again. */
    public record Decline(
            @PathParam String lockId, @Omittable String requestId) {}

    /** A default on the secured loan: the pledgee after the maturity, the pledgor at any time. */
    public record RegisterDefault(
            @PathParam String lockId, @Omittable String requestId, String reason) {}

    /** Transfer (扣划) of {@code quantity} tonnes (all when left out) out of a judicial freeze to {@code to}, on a court's order. */
    public record CourtTransfer(
            @PathParam String lockId,
            String requestId,
            String to,
            @Omittable @Quantity Long quantity,
            String courtOrder) {}

    public record Get(@PathParam String lockId) {}

    /** {@code quantity}: what the lock still locks. */
    public record LockView(
            String lockId,
            String kind,
            String account,
            String product,
            long quantity,
            @Omittable String pledgee,
            String reason,
            String status,
            @Omittable String contractRef,
            @Omittable BigDecimal securedAmount,
            @Omittable String maturity,
            @Omittable String courtOrder,
            @Omittable String defaultReason) {
        public static LockView of(LockRecord r) {
            return new LockView(
                    r.lockId(),
                    r.kind(),
                    r.account(),
                    r.product(),
                    r.quantity(),
                    r.pledgee(),
                    r.reason(),
                    r.status(),
                    r.contractRef(),
                    r.securedAmount(),
                    r.maturity() == null ? null : r.maturity().toString(),
                    r.courtOrder(),
                    r.defaultReason());
        }
    }

    public record Locked(
            String requestId,
            @Flatten LockView lock,
            @Flatten Attribution attribution) {}

    /** A lock after a step ({@code moved}: tonnes released, enforced or transferred by it; {@code to}: where they went). */
    public record LockClosed(
            @Flatten LockView lock,
            @Flatten Attribution attribution,
            @Omittable Long moved,
            @Omittable String to) {}
}
