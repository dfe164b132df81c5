package cn.ets.registry.domain.lock;

import cn.ets.registry.domain.DomainException;
import cn.ets.registry.domain.ErrorCode;
import java.util.Map;

/**
 * A pledge (质押) or a regulatory/judicial freeze on units of one account. Locked units stay in
 * the holder's account and count as locked; a lock ends once, released or (a pledge) enforced.
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
        String closedTx) {
    public static final String ACTIVE = "ACTIVE";

    public enum Kind {
        PLEDGE,
        FREEZE
    }

    public static LockRecord open(
            String lockId,
            Kind kind,
            String account,
            String product,
            long quantity,
            String pledgee,
            String reason,
            String txId) {
        return new LockRecord(lockId, kind.name(), account, product, quantity, pledgee, reason, ACTIVE, txId, null);
    }

    public boolean isPledge() {
        return Kind.PLEDGE.name().equals(kind);
    }

    /** The units are available again. */
    public LockRecord released(String txId) {
        return closed("RELEASED", txId);
    }

    /** The pledgee took the units. */
    public LockRecord enforced(String txId) {
        if (!isPledge()) {
            throw new DomainException(
                    ErrorCode.CONFLICT,
                    "lock " + lockId + " is a " + kind + ", only a pledge is enforced",
                    Map.of("lockId", lockId));
        }
        return closed("ENFORCED", txId);
    }

    private LockRecord closed(String newStatus, String txId) {
        if (!ACTIVE.equals(status)) {
            throw new DomainException(
                    ErrorCode.CONFLICT, "lock " + lockId + " is already " + status, Map.of("lockId", lockId));
        }
        return new LockRecord(lockId, kind, account, product, quantity, pledgee, reason, newStatus, createdTx, txId);
    }
}
