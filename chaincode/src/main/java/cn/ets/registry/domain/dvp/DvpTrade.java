package cn.ets.registry.domain.dvp;

import cn.ets.registry.domain.DomainException;
import cn.ets.registry.domain.ErrorCode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * A matched exchange trade settled delivery versus payment (券款对付; 001 §21, 000 §18, 003 §2.3.2:
 * the registry moves the allowances and the settlement bank moves the money, trade by trade, in
 * full). The exchange posts it ({@link #POSTED}: the seller's units are locked for it); the bank
 * confirms that the buyer's funds moved to the seller ({@link #FUNDS_CONFIRMED}), and in that same
 * transaction the units are delivered ({@link #SETTLED}); or the bank refuses, or the settlement
 * day's cut-off passes first ({@link #FAILED}: the units are released, the reason kept). SETTLED
 * and FAILED are final; FUNDS_CONFIRMED never outlives the transaction that confirms, so no state
 * has money moved and units not, or the reverse.
 *
 * @param fundsRef the bank's reference of the funds transfer, set on confirmation
 * @param reservationId the pre-trade reservation the seller's units came from, or null
 */
public record DvpTrade(
        String tradeId,
        String product,
        String seller,
        String buyer,
        long quantity,
        BigDecimal price,
        BigDecimal amount,
        String mode,
        String tradedAt,
        String settlementDay,
        Instant cutOff,
        String reservationId,
        String status,
        String postedTx,
        String closedTx,
        String fundsRef,
        String failure,
        String reason) {
    public static final String POSTED = "POSTED";
    public static final String FUNDS_CONFIRMED = "FUNDS_CONFIRMED";
    public static final String SETTLED = "SETTLED";
    public static final String FAILED = "FAILED";
    /** Why a trade failed: the bank refused the funds leg, or the cut-off passed without a confirmation. */
    public static final String BANK_REFUSED = "BANK_REFUSED";

    public static final String CUT_OFF = "CUT_OFF";

    public DvpTrade {
        Objects.requireNonNull(tradeId, "tradeId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(cutOff, "cutOff");
    }

    /** The exchange posts a matched trade; {@code now} must be before the cut-off. */
    public static DvpTrade post(
            String tradeId,
            String product,
            String seller,
            String buyer,
            long quantity,
            BigDecimal price,
            String mode,
            String tradedAt,
            String settlementDay,
            Instant cutOff,
            String reservationId,
            Instant now,
            String txId) {
        if (!now.isBefore(cutOff)) {
            throw new DomainException(
                    ErrorCode.DEADLINE_PASSED,
                    "the cut-off of settlement day " + settlementDay + " (" + cutOff + ") has passed; trade " + tradeId
                            + " cannot be posted for it",
                    Map.of("tradeId", tradeId, "cutOff", cutOff.toString(), "now", now.toString()));
        }
        return new DvpTrade(
                tradeId,
                product,
                seller,
                buyer,
                quantity,
                price,
                price.multiply(BigDecimal.valueOf(quantity)),
                mode,
                tradedAt,
                settlementDay,
                cutOff,
                reservationId,
                POSTED,
                txId,
                null,
                null,
                null,
                null);
    }

    public boolean isFinal() {
        return SETTLED.equals(status) || FAILED.equals(status);
    }

    /** The bank confirms the funds leg (before the cut-off): FUNDS_CONFIRMED, to be delivered in the same transaction. */
    public DvpTrade fundsConfirmed(String bankRef, Instant now) {
        requireStatus("confirm funds for", POSTED);
        if (!now.isBefore(cutOff)) {
            throw new DomainException(
                    ErrorCode.DEADLINE_PASSED,
                    "the cut-off of trade " + tradeId + " (" + cutOff + ") has passed: it fails at cut-off, the funds"
                            + " leg is not taken",
                    Map.of("tradeId", tradeId, "cutOff", cutOff.toString(), "now", now.toString()));
        }
        return with(FUNDS_CONFIRMED, null, bankRef, null, null);
    }

    /** The units are delivered: only after the funds leg was confirmed, in the same transaction. */
    public DvpTrade delivered(String txId) {
        requireStatus("deliver", FUNDS_CONFIRMED);
        return with(SETTLED, txId, fundsRef, null, null);
    }

    /** The bank refuses the funds leg (insufficient funds, a blocked account…): FAILED, the units are released. */
    public DvpTrade refused(String why, String txId) {
        requireStatus("refuse", POSTED);
        return with(FAILED, txId, null, BANK_REFUSED, why);
    }

    /** The cut-off passed ({@code now} at or after it) without a confirmation: FAILED, the units are released. */
    public DvpTrade cutOffPassed(Instant now, String txId) {
        requireStatus("fail at cut-off", POSTED);
        if (now.isBefore(cutOff)) {
            throw new DomainException(
                    ErrorCode.DEADLINE_NOT_REACHED,
                    "the cut-off of trade " + tradeId + " is " + cutOff + "; it has not passed",
                    Map.of("tradeId", tradeId, "cutOff", cutOff.toString(), "now", now.toString()));
        }
        return with(FAILED, txId, null, CUT_OFF, "no confirmation of the funds leg before the cut-off " + cutOff);
    }

    private void requireStatus(String action, String expected) {
        if (!expected.equals(status)) {
            throw new DomainException(
                    ErrorCode.CONFLICT,
                    "trade " + tradeId + " is " + status + "; only a " + expected + " trade can " + action + " it",
                    Map.of("tradeId", tradeId, "status", status));
        }
    }

    private DvpTrade with(String newStatus, String closed, String ref, String failureKind, String why) {
        return new DvpTrade(
                tradeId,
                product,
                seller,
                buyer,
                quantity,
                price,
                amount,
                mode,
                tradedAt,
                settlementDay,
                cutOff,
                reservationId,
                newStatus,
                postedTx,
                closed,
                ref,
                failureKind,
                why);
    }
}
