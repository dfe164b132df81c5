package cn.ets.registry.domain.dvp;

import cn.ets.registry.domain.DomainException;
import cn.ets.registry.domain.ErrorCode;
import java.math.BigDecimal;
import java.util.Map;

/**
 * The reversal of an erroneous settled trade: requested by the exchange, approved by the registry.
 * It never edits the trade: approval is a new transaction, linked to it ({@code reversalId}
 * {@code R-<tradeId>}), that moves the units back from the buyer to the seller and instructs the
 * bank to return the amount; it is refused when the buyer no longer has the units available (they
 * moved on). One reversal per trade.
 */
public record Reversal(
        String reversalId,
        String tradeId,
        String kind,
        String mode,
        String product,
        String seller,
        String buyer,
        long quantity,
        BigDecimal amount,
        String reason,
        String status,
        String requestedTx,
        String decidedTx,
        String refusal) {
    public static final String REQUESTED = "REQUESTED";
    public static final String APPROVED = "APPROVED";
    public static final String REFUSED = "REFUSED";

    public static String idOf(String tradeId) {
        return "R-" + tradeId;
    }

    public static Reversal request(
            String tradeId,
            String kind,
            String mode,
            String product,
            String seller,
            String buyer,
            long quantity,
            BigDecimal amount,
            String reason,
            String txId) {
        if (reason == null || reason.isBlank()) {
            throw DomainException.badRequest("a reversal names its reason");
        }
        return new Reversal(
                idOf(tradeId),
                tradeId,
                kind,
                mode,
                product,
                seller,
                buyer,
                quantity,
                amount,
                reason,
                REQUESTED,
                txId,
                null,
                null);
    }

    /**
     * The registry approves: the buyer must still have the units available ({@code buyerAvailable}),
     * else the reversal cannot happen and the registry refuses it (the request stays REQUESTED).
     */
    public Reversal approved(long buyerAvailable, String txId) {
        requireRequested("approve");
        if (buyerAvailable < quantity) {
            throw new DomainException(
                    ErrorCode.CONFLICT,
                    "the units of trade " + tradeId + " have moved on: " + buyer + " has " + buyerAvailable + " t of "
                            + product + " available, the reversal needs " + quantity + " t",
                    Map.of("tradeId", tradeId, "buyer", buyer, "available", buyerAvailable, "requested", quantity));
        }
        return decided(APPROVED, txId, null);
    }

    /** The registry turns the request down, with its reason: the trade stands. */
    public Reversal refused(String why, String txId) {
        requireRequested("refuse");
        if (why == null || why.isBlank()) {
            throw DomainException.badRequest("a refusal names its reason");
        }
        return decided(REFUSED, txId, why);
    }

    private Reversal decided(String newStatus, String txId, String why) {
        return new Reversal(
                reversalId,
                tradeId,
                kind,
                mode,
                product,
                seller,
                buyer,
                quantity,
                amount,
                reason,
                newStatus,
                requestedTx,
                txId,
                why);
    }

    private void requireRequested(String action) {
        if (!REQUESTED.equals(status)) {
            throw new DomainException(
                    ErrorCode.CONFLICT,
                    "the reversal of trade " + tradeId + " is " + status + "; cannot " + action + " it",
                    Map.of("tradeId", tradeId, "status", status));
        }
    }
}
