package cn.ets.registry.chaincode.contracts;

import cn.ets.registry.chaincode.Books;
import cn.ets.registry.chaincode.TxContext;
import cn.ets.registry.chaincode.json.CanonicalJson;
import cn.ets.registry.chaincode.json.Fields;
import cn.ets.registry.domain.account.Account;
import cn.ets.registry.domain.account.AccountStatusPolicy;
import cn.ets.registry.domain.identity.Permissions;
import cn.ets.registry.domain.product.Product;
import cn.ets.registry.domain.supply.SupplyCounters;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hyperledger.fabric.contract.Context;
import org.hyperledger.fabric.contract.ContractInterface;
import org.hyperledger.fabric.contract.annotation.Contract;
import org.hyperledger.fabric.contract.annotation.Info;
import org.hyperledger.fabric.contract.annotation.Transaction;

/** Voluntary cancellation for public-good purposes (001 §15): public, with purpose and beneficiary. */
@Contract(name = "cancellation", info = @Info(title = "Voluntary cancellation", version = "1"))
public final class CancellationContract implements ContractInterface {

    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String cancel(Context ctx, String command) {
        return TxContext.run(ctx, tx -> {
            Fields f = Fields.of(command);
            String requestId = f.string("requestId");
            String accountId = f.string("account");
            Product product = Product.parse(f.string("product"));
            long quantity = f.tonnes("quantity");
            String purpose = f.string("purpose");
            String beneficiary = f.optionalString("beneficiary");
            Books books = new Books(tx);
            Account account = books.account(accountId);
            Permissions.requireHolder(tx.actor(), accountId, "cancel units");
            return tx.once("req", requestId, "cancellation:cancel", f.json(), t -> {
                AccountStatusPolicy.requireCanSend(account);
                books.debit(accountId, product, quantity);
                books.changeSupply(product, accountId, SupplyCounters.cancellation(quantity));
                Map<String, Object> r = new LinkedHashMap<>();
                r.put("requestId", requestId);
                r.put("account", accountId);
                r.put("product", product.code());
                r.put("quantity", quantity);
                r.put("purpose", purpose);
                r.put("beneficiary", beneficiary);
                if (!product.isCea()) {
                    r.put("serials", new Offsets(t).retire(product, quantity, "CANCELLATION", accountId).get("serials"));
                }
                r.putAll(t.attribution());
                t.state().put(t.state().key("cancelrec", t.txId()), r);
                t.emit("UnitsCancelled", r);
                return r;
            });
        });
    }

    /** The public record of every voluntary cancellation. */
    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String list(Context ctx) {
        return TxContext.run(ctx, tx -> {
            List<JsonObject> all = new ArrayList<>();
            for (var e : tx.state().scan(JsonObject.class, "cancelrec")) {
                all.add(e.value());
            }
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("cancellations", all);
            return CanonicalJson.writeMap(r);
        });
    }
}
