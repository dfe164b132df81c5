package cn.ets.registry.chaincode;

/** A pledge (质押) or a regulatory/judicial freeze on units of one account ({@code lock~id}). */
public record LockRecord(String lockId, String kind, String account, String product, long quantity, String pledgee,
                         String reason, String status, String createdTx, String closedTx) {

    public LockRecord closed(String newStatus, String txId) {
        return new LockRecord(lockId, kind, account, product, quantity, pledgee, reason, newStatus, createdTx, txId);
    }
}
