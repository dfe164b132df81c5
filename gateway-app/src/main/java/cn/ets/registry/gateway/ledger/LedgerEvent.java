package cn.ets.registry.gateway.ledger;

/** A committed chaincode event: the block (or embedded log sequence) that holds it, its transaction, name and JSON payload. */
public record LedgerEvent(long block, String txId, String name, String payload) {}
