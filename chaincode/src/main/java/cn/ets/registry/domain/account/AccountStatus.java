package cn.ets.registry.domain.account;

/**
 * ACTIVE: everything allowed. RESTRICTED: no outgoing transfers, receiving allowed (001 §45 (二)
 * "限制…交易产品的划转"; a debtor can still buy to cure its debt). SUSPENDED: no operations.
 * CLOSURE_PENDING: closing was asked while the account still holds units, a lock, an obligation or a
 * debt — it may give units away (sell, surrender, repay) but receives nothing until it is CLOSED or
 * reopened. CLOSED: terminated, with nothing left in it.
 */
public enum AccountStatus {
    ACTIVE,
    RESTRICTED,
    SUSPENDED,
    CLOSURE_PENDING,
    CLOSED
}
