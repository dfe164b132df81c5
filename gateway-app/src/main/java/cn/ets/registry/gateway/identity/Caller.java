package cn.ets.registry.gateway.identity;

import cn.ets.registry.gateway.ledger.LedgerIdentity;

/** The authenticated caller of one request: its credential and the ledger identity it signs as. */
public record Caller(Credential credential, LedgerIdentity identity) {}
