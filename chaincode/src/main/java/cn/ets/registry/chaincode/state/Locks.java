package cn.ets.registry.chaincode.state;

import cn.ets.registry.domain.DomainException;
import cn.ets.registry.domain.ErrorCode;
import cn.ets.registry.domain.lock.LockRecord;
import java.util.List;
import java.util.Map;

/** Pledges and freezes ({@code lock~id}). */
public final class Locks {
    private final LedgerState state;

    public Locks(LedgerState state) {
        this.state = state;
    }

    public LockRecord require(String lockId) {
        return state.get(state.key(Keys.LOCK, lockId), LockRecord.class)
                .orElseThrow(() ->
                        new DomainException(ErrorCode.NOT_FOUND, "no lock '" + lockId + "'", Map.of("lockId", lockId)));
    }

    public void save(LockRecord r) {
        state.put(state.key(Keys.LOCK, r.lockId()), r);
    }

    public List<LockRecord> all() {
        return state.scan(LockRecord.class, Keys.LOCK).stream()
                .map(LedgerState.Entry::value)
                .toList();
    }

    /** A lock's id, derived from the transaction that creates it (at most one lock per transaction). */
    public static String idFor(String txId) {
        return "LOCK-" + txId.substring(0, Math.min(16, txId.length()));
    }
}
