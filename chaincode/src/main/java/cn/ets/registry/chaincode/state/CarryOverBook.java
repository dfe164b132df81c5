package cn.ets.registry.chaincode.state;

import cn.ets.registry.domain.Tonnes;
import cn.ets.registry.domain.compliance.CarryOverLimit;
import cn.ets.registry.domain.policy.PolicyParameters;
import cn.ets.registry.domain.product.Product;
import java.util.Map;
import java.util.TreeMap;

/**
 * Net sales per vintage from the settlement flow index ({@code flow~account~product~trade},
 * written once per trade and never contended), and carry-over usage per unit ({@code carry~unit}).
 */
public final class CarryOverBook {
    private final LedgerState state;

    public CarryOverBook(LedgerState state) {
        this.state = state;
    }

    /** Records a settled trade's two sides: write-only keys, so trades never conflict on them. */
    public void recordTrade(String tradeId, String seller, String buyer, Product product, long quantity) {
        state.put(state.key(Keys.FLOW, seller, product.code(), tradeId), new Flow(-quantity));
        state.put(state.key(Keys.FLOW, buyer, product.code(), tradeId), new Flow(quantity));
    }

    /** vintage → tonnes sold minus tonnes bought (positive for a net seller). */
    public Map<String, Long> netSales(String accountId) {
        Map<String, Long> out = new TreeMap<>();
        for (var e : state.scan(Flow.class, Keys.FLOW, accountId)) {
            Product p = Product.parse(e.attributes().get(1));
            if (p.isCea()) {
                out.merge(p.vintage(), -e.value().quantity(), Tonnes::add);
            }
        }
        return out;
    }

    public long limit(String accountId, PolicyParameters params) {
        return CarryOverLimit.compute(netSales(accountId), params);
    }

    /** Counts CEA of carry-over vintages used for a later year against the unit's limit. */
    public void use(String unitId, int year, Map<Product, Long> ceaItems, PolicyParameters params) {
        Map<String, Long> byVintage = new TreeMap<>();
        ceaItems.forEach((p, q) -> byVintage.merge(p.vintage(), q, Tonnes::add));
        long carried = CarryOverLimit.carried(year, byVintage, params);
        if (carried == 0) {
            return;
        }
        String key = state.key(Keys.CARRY_OVER, unitId);
        long used = state.get(key, Usage.class).map(Usage::used).orElse(0L);
        CarryOverLimit.requireWithin(used, carried, limit(unitId, params));
        state.put(key, new Usage(Tonnes.add(used, carried)));
    }

    /**
     * A successor takes over a predecessor's carry-over history (承继): its trade flows count as the
     * successor's net sales ({@code flow~successor~product~predecessor/tradeId}, so a trade between
     * the two keeps both sides) and its carry-over used so far adds to the successor's.
     */
    public void moveHistory(String predecessor, String successor) {
        for (var e : state.scan(Flow.class, Keys.FLOW, predecessor)) {
            state.put(
                    state.key(
                            Keys.FLOW,
                            successor,
                            e.attributes().get(1),
                            predecessor + "/" + e.attributes().get(2)),
                    e.value());
        }
        long used = used(predecessor);
        if (used > 0) {
            state.put(state.key(Keys.CARRY_OVER, successor), new Usage(Tonnes.add(used(successor), used)));
        }
    }

    /** Carry-over counted against the unit's limit so far. */
    public long used(String unitId) {
        return state.get(state.key(Keys.CARRY_OVER, unitId), Usage.class)
                .map(Usage::used)
                .orElse(0L);
    }

    record Flow(long quantity) {}

    record Usage(long used) {}
}
