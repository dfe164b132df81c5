package cn.ets.registry.chaincode.contracts;

import cn.ets.registry.chaincode.Books;
import cn.ets.registry.chaincode.TxContext;
import cn.ets.registry.chaincode.json.Fields;
import cn.ets.registry.domain.account.Account;
import cn.ets.registry.domain.account.AccountStatusPolicy;
import cn.ets.registry.domain.identity.Permissions;
import cn.ets.registry.domain.product.Product;
import java.util.LinkedHashMap;
import java.util.Map;
import org.hyperledger.fabric.contract.Context;
import org.hyperledger.fabric.contract.ContractInterface;
import org.hyperledger.fabric.contract.annotation.Contract;
import org.hyperledger.fabric.contract.annotation.Info;
import org.hyperledger.fabric.contract.annotation.Transaction;

/** Free allocation flow MEE → province → unit (003 §2.3.2). */
@Contract(name = "distribution", info = @Info(title = "Distribution", version = "1"))
public final class DistributionContract implements ContractInterface {

    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String distribute(Context ctx, String command) {
        return TxContext.run(ctx, tx -> {
            Fields f = Fields.of(command);
            String requestId = f.string("requestId");
            Product product = Product.parse(f.string("product"));
            String fromId = f.string("from");
            String toId = f.string("to");
            long quantity = f.tonnes("quantity");
            Books books = new Books(tx);
            Account from = books.account(fromId);
            Account to = books.account(toId);
            Permissions.requireCanDistribute(tx.actor(), from, to);
            return tx.once("req", requestId, "distribution:distribute", f.json(), t -> {
                AccountStatusPolicy.requireCanReceive(to);
                books.transfer(from.id(), to.id(), product, quantity);
                Map<String, Object> r = new LinkedHashMap<>();
                r.put("requestId", requestId);
                r.put("product", product.code());
                r.put("from", from.id());
                r.put("to", to.id());
                r.put("quantity", quantity);
                r.putAll(t.attribution());
                t.emit("AllowancesDistributed", r);
                return r;
            });
        });
    }
}
