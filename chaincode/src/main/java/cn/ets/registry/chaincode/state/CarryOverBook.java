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

    record Flow(long quantity) {}

    record Usage(long used) {}
}
