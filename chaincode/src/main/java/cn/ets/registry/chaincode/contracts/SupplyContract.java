package cn.ets.registry.chaincode.contracts;

import cn.ets.registry.chaincode.Books;
import cn.ets.registry.chaincode.TxContext;
import cn.ets.registry.chaincode.json.CanonicalJson;
import cn.ets.registry.domain.Tonnes;
import cn.ets.registry.domain.account.Holding;
import cn.ets.registry.domain.supply.SupplyCounters;
import cn.ets.registry.domain.supply.SupplyInvariant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.hyperledger.fabric.contract.Context;
import org.hyperledger.fabric.contract.ContractInterface;
import org.hyperledger.fabric.contract.annotation.Contract;
import org.hyperledger.fabric.contract.annotation.Info;
import org.hyperledger.fabric.contract.annotation.Transaction;

/** Supply per product, readable by anyone; {@link #audit} recounts every holding independently. */
@Contract(name = "supply", info = @Info(title = "Supply", version = "1"))
public final class SupplyContract implements ContractInterface {

    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String get(Context ctx) {
        return TxContext.run(ctx, tx -> {
            List<Map<String, Object>> products = new ArrayList<>();
            new Books(tx).supply().forEach((product, c) -> products.add(row(product, c)));
            return CanonicalJson.writeMap(Map.of("products", products));
        });
    }

    /** Σ of every account's holdings against the counters, product by product: the auditor's check. */
    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String audit(Context ctx) {
        return TxContext.run(ctx, tx -> {
            Books books = new Books(tx);
            Map<String, long[]> scanned = new TreeMap<>();
            for (var e : books.allHoldings()) {
                Holding h = e.value();
                long[] sum = scanned.computeIfAbsent(e.attributes().get(1), k -> new long[2]);
                sum[0] = Tonnes.add(sum[0], h.quantity());
                sum[1] = Tonnes.add(sum[1], h.locked());
            }
            Map<String, SupplyCounters> counters = books.supply();
            TreeMap<String, Object> all = new TreeMap<>();
            all.putAll(counters);
            all.putAll(scanned);
            List<Map<String, Object>> products = new ArrayList<>();
            boolean allBalanced = true;
            for (String product : all.keySet()) {
                SupplyCounters c = counters.getOrDefault(product, SupplyCounters.ZERO);
                long[] s = scanned.getOrDefault(product, new long[2]);
                Map<String, Object> row = row(product, c);
                row.put("holdingsQuantity", s[0]);
                row.put("holdingsLocked", s[1]);
                boolean ok = SupplyInvariant.matchesHoldings(c, s[0], s[1]);
                row.put("matchesHoldings", ok);
                allBalanced &= ok;
                products.add(row);
            }
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("balanced", allBalanced);
            r.put("products", products);
            return CanonicalJson.writeMap(r);
        });
    }

    private static Map<String, Object> row(String product, SupplyCounters c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("product", product);
        m.put("issued", c.issued());
        m.put("held", c.held());
        m.put("locked", c.locked());
        m.put("surrendered", c.surrendered());
        m.put("cancelled", c.cancelled());
        m.put("balanced", SupplyInvariant.balanced(c));
        return m;
    }
}
