package cn.ets.registry.gateway.audit;

/**
 * An audit's report, the books it rebuilt (holdings, last writers, supply history when asked for),
 * and the trust anchors it used (the organisations' CAs), to check documents issued from that ledger.
 */
public record AuditRun(AuditReport report, SupplyReplay replay, Identities identities) {}
