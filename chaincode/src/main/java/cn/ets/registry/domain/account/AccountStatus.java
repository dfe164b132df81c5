package cn.ets.registry.domain.account;

/**
 * ACTIVE: everything allowed. RESTRICTED: no outgoing transfers (001 §45 "restrict transfer").
 * SUSPENDED: no operations. CLOSED: terminated.
 */
public enum AccountStatus {
    ACTIVE,
    RESTRICTED,
    SUSPENDED,
    CLOSED
}
