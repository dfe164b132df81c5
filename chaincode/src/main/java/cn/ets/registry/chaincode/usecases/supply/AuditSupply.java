package cn.ets.registry.chaincode.usecases.supply;

import cn.ets.registry.api.SupplyApi.Audit;
import cn.ets.registry.api.SupplyApi.ProductSupply;
import cn.ets.registry.api.SupplyApi.SupplyAudit;
import cn.ets.registry.chaincode.state.Books;
import cn.ets.registry.chaincode.tx.Tx;
import cn.ets.registry.chaincode.tx.UseCase;
import cn.ets.registry.domain.Tonnes;
import cn.ets.registry.domain.account.Holding;
import cn.ets.registry.domain.supply.SupplyCounters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/** Σ of every account's holdings against the supply counters, product by product: the auditor's check. */
public final class AuditSupply implements UseCase.Public<Audit, SupplyAudit> {

    @Override
    public SupplyAudit execute(Tx tx, Audit c) {
        Books books = new Books(tx.state());
        Map<String, long[]> scanned = new TreeMap<>();
        for (var e : books.allHoldings()) {
            Holding h = e.value();
            long[] sum = scanned.computeIfAbsent(e.attributes().get(1), k -> new long[2]);
            sum[0] = Tonnes.add(sum[0], h.quantity());
            sum[1] = Tonnes.add(sum[1], h.locked());
        }
        Map<String, SupplyCounters> counters = books.supply();
        TreeSet<String> products = new TreeSet<>(counters.keySet());
        products.addAll(scanned.keySet());
        List<ProductSupply> rows = new ArrayList<>();
        boolean allBalanced = true;
        for (String product : products) {
            ProductSupply row = SupplyRows.of(
                    product,
                    counters.getOrDefault(product, SupplyCounters.ZERO),
                    scanned.getOrDefault(product, new long[2]));
            allBalanced &= row.matchesHoldings();
            rows.add(row);
        }
        return new SupplyAudit(allBalanced, rows);
    }
}
