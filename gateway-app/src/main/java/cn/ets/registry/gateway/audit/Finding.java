package cn.ets.registry.gateway.audit;

/**
 * A discrepancy, located: the block (or log sequence), the transaction's index in it and id where
 * one is at fault, the check that failed, and what was seen.
 */
public record Finding(long block, Integer tx, String txId, String check, String detail) {
    @Override
    public String toString() {
        return "block " + block + (tx == null ? "" : ", tx " + tx) + (txId == null ? "" : " (" + txId + ")") + ": ["
                + check + "] " + detail;
    }
}
