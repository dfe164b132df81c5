package cn.ets.registry.domain.lock;

import cn.ets.registry.domain.DomainException;
import cn.ets.registry.domain.ErrorCode;
import cn.ets.registry.domain.Tonnes;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;

/**
 * A pledge (碳质押, 002) or a regulatory/judicial freeze on units of one account. Locked units stay
 * in the holder's account and count as locked until the lock ends.
 * <p>
 * A pledge is a registration by two parties: the pledgor proposes it (the units are locked at once,
 * so they cannot be sold meanwhile) with the loan contract's reference, the secured amount and the
 * maturity; it holds once the pledgee accepts (PROPOSED → ACTIVE), and either side may withdraw it
 * before (DECLINED). The pledgee may release part or all of it. It is enforced — the units pass to
 * the pledgee — only after a default is registered (DEFAULTED): by the pledgee once the maturity has
 * passed, or by the pledgor at any time (it acknowledges the default); or on a court order, by the
 * registry.
 * <p>
 * A freeze is the registry's (ACTIVE); a judicial freeze names its court order, and units may be
 * transferred out of it on the court's order (扣划), in part or in full (TRANSFERRED when nothing is
 * left). A lock's {@code quantity} is what it still locks.
 */
public record LockRecord(
        String lockId,
        String kind,
        String account,
        String product,
        long quantity,
        String pledgee,
        String reason,
        String status,
        String createdTx,
        String closedTx,
        String contractRef,
        BigDecimal securedAmount,
        LocalDate maturity,
        String courtOrder,
        String defaultReason,
        String defaultedTx) {
    public static final String PROPOSED = "PROPOSED";
    public static final String ACTIVE = "ACTIVE";
    public static final String DEFAULTED = "DEFAULTED";
    public static final String RELEASED = "RELEASED";
    public static final String ENFORCED = "ENFORCED";
    public static final String DECLINED = "DECLINED";
    public static final String TRANSFERRED = "TRANSFERRED";

    public enum Kind {
        PLEDGE,
        FREEZE
    }

    public static LockRecord proposePledge(
            String lockId,
            String account,
            String product,
            long quantity,
            String pledgee,
            String reason,
            String contractRef,
            BigDecimal securedAmount,
            LocalDate maturity,
            String txId) {
        Objects.requireNonNull(contractRef, "contractRef");
        Objects.requireNonNull(securedAmount, "securedAmount");
        Objects.requireNonNull(maturity, "maturity");
        return new LockRecord(
                lockId,
                Kind.PLEDGE.name(),
                account,
                product,
                quantity,
                pledgee,
                reason,
                PROPOSED,
                txId,
                null,
                contractRef,
                securedAmount,
                maturity,
                null,
                null,
                null);
    }

    /** A freeze; {@code courtOrder} non-null makes it a judicial freeze. */
    public static LockRecord freeze(
            String lockId,
            String account,
            String product,
            long quantity,
            String reason,
            String courtOrder,
            String txId) {
        return new LockRecord(
                lockId,
                Kind.FREEZE.name(),
                account,
                product,
                quantity,
                null,
                reason,
                ACTIVE,
                txId,
                null,
                null,
                null,
                null,
                courtOrder,
                null,
                null);
    }

    public boolean isPledge() {
        return Kind.PLEDGE.name().equals(kind);
    }

    public boolean isProposed() {
        return PROPOSED.equals(status);
    }

    /** The pledgee accepts the pledge: it now holds. */
    public LockRecord accepted() {
        requirePledge("accept");
        requireStatus("accept", PROPOSED);
        return with(quantity, ACTIVE, null, defaultReason, defaultedTx);
    }

    /** Withdrawn before the pledgee accepted: the units are available again. */
    public LockRecord declined(String txId) {
        requirePledge("decline");
        requireStatus("decline", PROPOSED);
        return with(0, DECLINED, txId, defaultReason, defaultedTx);
    }

    /**
     * A default on the secured loan: registered by the pledgee only after the maturity (Beijing
     * date {@code today} after it), by the pledgor at any time.
     */
    public LockRecord defaulted(String why, boolean byPledgor, LocalDate today, String txId) {
        requirePledge("register a default on");
        requireStatus("register a default on", ACTIVE);
        if (!byPledgor && !today.isAfter(maturity)) {
            throw new DomainException(
                    ErrorCode.DEADLINE_NOT_REACHED,
                    "pledge " + lockId + " matures on " + maturity
                            + "; before that a default is registered by the pledgor (or enforced on a court order)",
                    Map.of("lockId", lockId, "maturity", maturity.toString(), "today", today.toString()));
        }
        return with(quantity, DEFAULTED, null, why, txId);
    }

    /** Releases {@code q} tonnes (all when q equals what is locked): RELEASED once nothing is left. */
    public LockRecord released(long q, String txId) {
        if (!ACTIVE.equals(status) && !DEFAULTED.equals(status)) {
            throw conflict("release", status);
        }
        long left = remainingAfter(q);
        return left == 0
                ? with(0, RELEASED, txId, defaultReason, defaultedTx)
                : with(left, status, null, defaultReason, defaultedTx);
    }

    /**
     * The pledged units pass to the pledgee: after a registered default, or — {@code courtOrder}
     * given, by the registry — on a court's order while the pledge holds.
     */
    public LockRecord enforced(String courtOrderRef, String txId) {
        requirePledge("enforce");
        boolean onDefault = DEFAULTED.equals(status);
        boolean onCourtOrder = courtOrderRef != null && ACTIVE.equals(status);
        if (!onDefault && !onCourtOrder) {
            throw new DomainException(
                    ErrorCode.CONFLICT,
                    "pledge " + lockId + " is " + status + "; it is enforced only after a registered default, or on a"
                            + " court order",
                    Map.of("lockId", lockId, "status", status));
        }
        return new LockRecord(
                lockId,
                kind,
                account,
                product,
                0,
                pledgee,
                reason,
                ENFORCED,
                createdTx,
                txId,
                contractRef,
                securedAmount,
                maturity,
                courtOrderRef != null ? courtOrderRef : courtOrder,
                defaultReason,
                defaultedTx);
    }

    /** Court-ordered transfer (扣划) of {@code q} tonnes out of a judicial freeze. */
    public LockRecord courtTransferred(long q, String txId) {
        if (isPledge() || courtOrder == null) {
            throw new DomainException(
                    ErrorCode.CONFLICT,
                    "lock " + lockId + " is not a judicial freeze; units are transferred on a court's order only out of"
                            + " one",
                    Map.of("lockId", lockId, "kind", kind));
        }
        requireStatus("transfer out of", ACTIVE);
        long left = remainingAfter(q);
        return left == 0 ? with(0, TRANSFERRED, txId, null, null) : with(left, ACTIVE, null, null, null);
    }

    private long remainingAfter(long q) {
        Tonnes.requirePositive(q, "quantity");
        if (q > quantity) {
            throw new DomainException(
                    ErrorCode.INVALID_QUANTITY,
                    "lock " + lockId + " locks " + quantity + " t; " + q + " t asked",
                    Map.of("lockId", lockId, "locked", quantity, "requested", q));
        }
        return quantity - q;
    }

    private void requirePledge(String what) {
        if (!isPledge()) {
            throw new DomainException(
                    ErrorCode.CONFLICT,
                    "lock " + lockId + " is a " + kind + "; only a pledge can " + what + " it",
                    Map.of("lockId", lockId, "kind", kind));
        }
    }

    private void requireStatus(String what, String required) {
        if (!required.equals(status)) {
            throw conflict(what, status);
        }
    }

    private DomainException conflict(String what, String now) {
        return new DomainException(
                ErrorCode.CONFLICT,
                "cannot " + what + " lock " + lockId + ": it is " + now,
                Map.of("lockId", lockId, "status", now));
    }

    private LockRecord with(long q, String newStatus, String closingTx, String why, String defaultTx) {
        return new LockRecord(
                lockId,
                kind,
                account,
                product,
                q,
                pledgee,
                reason,
                newStatus,
                createdTx,
                closingTx,
                contractRef,
                securedAmount,
                maturity,
                courtOrder,
                why,
                defaultTx);
    }
}
