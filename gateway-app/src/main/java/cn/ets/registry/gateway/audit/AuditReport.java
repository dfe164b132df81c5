package cn.ets.registry.gateway.audit;

import java.util.List;

/**
 * What an audit found: how much it read, the supply it rebuilt, every discrepancy located, and how
 * long it took (with the share spent verifying signatures).
 *
 * @param blocks       Fabric blocks, or embedded log entries (one transaction each)
 * @param notes        facts that are not discrepancies (e.g. entries not yet under a checkpoint)
 */
public record AuditReport(
        String source,
        long blocks,
        long transactions,
        long validTransactions,
        long invalidTransactions,
        long signaturesVerified,
        List<SupplyReplay.ProductSupply> supply,
        List<Finding> findings,
        List<String> notes,
        Timing timing) {

    public boolean passed() {
        return findings.isEmpty();
    }

    /**
     * @param signatureCpuSeconds CPU time summed over the verifying threads
     * @param signatureShare      that time as a share of all the audit's CPU time
     */
    public record Timing(
            double seconds,
            double transactionsPerSecond,
            double signatureCpuSeconds,
            double signatureShare,
            int threads) {}
}
