package cn.ets.registry.gateway.audit;

import java.util.Locale;

/** The audit report for people: what was read, the supply, every finding, the timing. */
final class Reports {
    private static final int SHOWN = 50;

    private Reports() {}

    static String text(AuditReport r) {
        StringBuilder b = new StringBuilder();
        b.append("audit of ").append(r.source()).append('\n');
        b.append(String.format(
                Locale.ROOT,
                "  blocks %d, transactions %d (valid %d, invalid %d), signatures verified %d%n",
                r.blocks(),
                r.transactions(),
                r.validTransactions(),
                r.invalidTransactions(),
                r.signaturesVerified()));
        b.append("  supply rebuilt from the write sets:\n");
        for (SupplyReplay.ProductSupply p : r.supply()) {
            b.append(String.format(
                    Locale.ROOT,
                    "    %-16s issued %d = held %d + locked %d + surrendered %d + cancelled %d; holdings %d (locked %d)%n",
                    p.product(),
                    p.issued(),
                    p.held(),
                    p.locked(),
                    p.surrendered(),
                    p.cancelled(),
                    p.holdingsQuantity(),
                    p.holdingsLocked()));
        }
        for (String note : r.notes()) {
            b.append("  note: ").append(note).append('\n');
        }
        var t = r.timing();
        b.append(String.format(
                Locale.ROOT,
                "  %.1f s, %.0f transactions/s, signatures %.1f CPU-s (%.0f %% of CPU), %d threads%n",
                t.seconds(),
                t.transactionsPerSecond(),
                t.signatureCpuSeconds(),
                100 * t.signatureShare(),
                t.threads()));
        if (r.passed()) {
            b.append("PASSED: no discrepancy");
        } else {
            b.append("FAILED: ").append(r.findings().size()).append(" discrepancies\n");
            r.findings().stream()
                    .limit(SHOWN)
                    .forEach(f -> b.append("  ").append(f).append('\n'));
            if (r.findings().size() > SHOWN) {
                b.append("  … and ").append(r.findings().size() - SHOWN).append(" more (--json lists all)\n");
            }
        }
        return b.toString().stripTrailing();
    }
}
