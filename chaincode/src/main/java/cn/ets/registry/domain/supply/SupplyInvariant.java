package cn.ets.registry.domain.supply;

import cn.ets.registry.domain.Tonnes;

/**
 * issued = held + locked + surrendered + cancelled, for every product (domain-rules §8). Checked
 * both on the maintained counters and against an independent scan of every holding.
 */
public final class SupplyInvariant {
    private SupplyInvariant() {}

    public static boolean balanced(SupplyCounters c) {
        return c.issued() == Tonnes.add(Tonnes.add(c.held(), c.locked()), Tonnes.add(c.surrendered(), c.cancelled()))
                && c.held() >= 0
                && c.locked() >= 0;
    }

    /** The counters agree with what the accounts actually hold. */
    public static boolean matchesHoldings(SupplyCounters c, long scannedQuantity, long scannedLocked) {
        return balanced(c) && Tonnes.add(c.held(), c.locked()) == scannedQuantity && c.locked() == scannedLocked;
    }
}
