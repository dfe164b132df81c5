package cn.ets.registry.chaincode.contracts;

import cn.ets.registry.chaincode.Books;
import cn.ets.registry.chaincode.CarryOverBook;
import cn.ets.registry.chaincode.ParameterBook;
import cn.ets.registry.chaincode.TxContext;
import cn.ets.registry.chaincode.UnitYear;
import cn.ets.registry.chaincode.contracts.ComplianceContract.UnitYears;
import cn.ets.registry.chaincode.json.Fields;
import cn.ets.registry.domain.DomainException;
import cn.ets.registry.domain.Tonnes;
import cn.ets.registry.domain.account.Account;
import cn.ets.registry.domain.account.AccountStatusPolicy;
import cn.ets.registry.domain.identity.Permissions;
import cn.ets.registry.domain.product.Product;
import cn.ets.registry.domain.supply.SupplyCounters;
import cn.ets.registry.domain.surrender.VintageEligibility;
import com.google.gson.JsonElement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hyperledger.fabric.contract.Context;
import org.hyperledger.fabric.contract.ContractInterface;
import org.hyperledger.fabric.contract.annotation.Contract;
import org.hyperledger.fabric.contract.annotation.Info;
import org.hyperledger.fabric.contract.annotation.Transaction;

/**
 * Surrender (清缴): the unit gives up units against its obligation; they flow unit → province →
 * MEE and are cancelled there, so they leave circulation in the same transaction. All items are
 * checked before anything moves: one bad item rejects the whole surrender.
 */
@Contract(name = "surrender", info = @Info(title = "Surrender", version = "1"))
public final class SurrenderContract implements ContractInterface {

    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String surrender(Context ctx, String command) {
        return TxContext.run(ctx, tx -> {
            Fields f = Fields.of(command);
            String requestId = f.string("requestId");
            String unitId = f.string("unitId");
            int year = UnitYears.year(f);
            List<Item> items = items(f);
            Permissions.requireHolder(tx.actor(), unitId, "surrender");
            return tx.once("req", requestId, "surrender:surrender", f.json(), t -> {
                Books books = new Books(t);
                Account unit = books.account(unitId);
                ComplianceContract.requireUnit(unit);
                AccountStatusPolicy.requireCanSurrender(unit);
                UnitYears years = new UnitYears(t);
                UnitYear uy = years.require(year, unitId);
                Offsets offsets = new Offsets(t);
                long total = 0;
                long offset = 0;
                for (Item i : items) {
                    total = Tonnes.add(total, i.quantity());
                    if (i.product().isCea()) {
                        VintageEligibility.require(i.product(), year, offsets.borrowingEnabled(year));
                    } else {
                        offset = Tonnes.add(offset, i.quantity());
                    }
                }
                var after = uy.figures().surrender(total, offset);
                if (offset > 0) {
                    offsets.check(uy, items, offset, t.time());
                }
                Map<Product, Long> cea = new LinkedHashMap<>();
                items.stream().filter(i -> i.product().isCea()).forEach(i -> cea.put(i.product(), i.quantity()));
                new CarryOverBook(t).use(unitId, year, cea, new ParameterBook(t).forYear(year));
                List<Map<String, Object>> moved = new ArrayList<>();
                for (Item i : items) {
                    books.debit(unitId, i.product(), i.quantity());
                    books.changeSupply(i.product(), unitId, SupplyCounters.surrender(i.quantity()));
                    if (!i.product().isCea()) {
                        moved.add(offsets.retire(i.product(), i.quantity(), "SURRENDER", unitId));
                    } else {
                        moved.add(Map.of("product", i.product().code(), "quantity", i.quantity()));
                    }
                }
                UnitYear saved = uy.with(after);
                years.save(saved);
                Map<String, Object> r = new LinkedHashMap<>();
                r.put("requestId", requestId);
                r.put("unitId", unitId);
                r.put("year", year);
                r.put("items", moved);
                r.put("flow", List.of(unitId, Account.provinceAccountId(unit.province()), "MEE"));
                r.put("compliance", UnitYears.view(saved));
                r.put("late", uy.closed());
                r.putAll(t.attribution());
                t.emit("UnitsSurrendered", r);
                return r;
            });
        });
    }

    record Item(Product product, long quantity) {
    }

    private static List<Item> items(Fields f) {
        var arr = f.array("items");
        if (arr.isEmpty()) {
            throw DomainException.badRequest("items must name at least one product and quantity");
        }
        List<Item> out = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        int n = 0;
        for (JsonElement e : arr) {
            Fields item = f.object(e, "items[" + n++ + "]");
            Product p = Product.parse(item.string("product"));
            if (!seen.add(p.code())) {
                throw DomainException.badRequest("product " + p + " appears twice in items");
            }
            out.add(new Item(p, item.tonnes("quantity")));
        }
        return out;
    }
}
