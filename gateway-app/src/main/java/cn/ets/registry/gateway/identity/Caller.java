package cn.ets.registry.gateway.identity;

import cn.ets.registry.gateway.ledger.LedgerIdentity;

/**
 * The caller of one request: its credential and the ledger identity it signs as; for a caller
 * without a token (public disclosure only), the anonymous credential and the gateway's public reader.
 */
public record Caller(Credential credential, LedgerIdentity identity) {
    public static final String ANONYMOUS = "anonymous";

    /** A caller without a token, reading public disclosure through {@code reader}. */
    public static Caller anonymous(LedgerIdentity reader) {
        return new Caller(new Credential(ANONYMOUS, null, reader.mspId(), "ANONYMOUS", null, null, null), reader);
    }

    public boolean isAnonymous() {
        return credential.token() == null && ANONYMOUS.equals(credential.name());
    }
}
