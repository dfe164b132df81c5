package cn.ets.registry.chaincode.usecases.supply;

import cn.ets.registry.api.SupplyApi.ProductSupply;
import cn.ets.registry.domain.supply.SupplyCounters;
import cn.ets.registry.domain.supply.SupplyInvariant;

/** One product's supply row; with a recount of its holdings, for the audit. */
final class SupplyRows {
    private SupplyRows() {}

    static ProductSupply of(String product, SupplyCounters c, long[] recount) {
        if (recount == null) {
            return new ProductSupply(
                    product,
                    c.issued(),
                    c.held(),
                    c.locked(),
                    c.surrendered(),
                    c.cancelled(),
                    SupplyInvariant.balanced(c),
                    null,
                    null,
                    null);
        }
        return new ProductSupply(
                product,
                c.issued(),
                c.held(),
                c.locked(),
                c.surrendered(),
                c.cancelled(),
                SupplyInvariant.balanced(c),
                recount[0],
                recount[1],
                SupplyInvariant.matchesHoldings(c, recount[0], recount[1]));
    }
}
