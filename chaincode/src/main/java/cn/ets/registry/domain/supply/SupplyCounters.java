package cn.ets.registry.domain.supply;

import cn.ets.registry.domain.Tonnes;

/**
 * Supply of one product (or one shard of it): counters move only with issuance, surrender,
 * cancellation, lock and unlock. Transfers between accounts leave them untouched, so settlements
 * never write them.
 */
public record SupplyCounters(long issued, long held, long locked, long surrendered, long cancelled) {
    public static final SupplyCounters ZERO = new SupplyCounters(0, 0, 0, 0, 0);

    public SupplyCounters plus(SupplyCounters o) {
        return new SupplyCounters(
                Tonnes.add(issued, o.issued),
                Tonnes.add(held, o.held),
                Tonnes.add(locked, o.locked),
                Tonnes.add(surrendered, o.surrendered),
                Tonnes.add(cancelled, o.cancelled));
    }

    public static SupplyCounters issuance(long q) {
        return new SupplyCounters(q, q, 0, 0, 0);
    }

    public static SupplyCounters surrender(long q) {
        return new SupplyCounters(0, -q, 0, q, 0);
    }

    public static SupplyCounters cancellation(long q) {
        return new SupplyCounters(0, -q, 0, 0, q);
    }

    public static SupplyCounters lock(long q) {
        return new SupplyCounters(0, -q, q, 0, 0);
    }

    public static SupplyCounters unlock(long q) {
        return new SupplyCounters(0, q, -q, 0, 0);
    }
}
