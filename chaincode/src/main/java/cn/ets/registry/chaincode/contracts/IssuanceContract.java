package cn.ets.registry.chaincode.contracts;

import cn.ets.registry.chaincode.Books;
import cn.ets.registry.chaincode.TxContext;
import cn.ets.registry.chaincode.json.Fields;
import cn.ets.registry.domain.DomainException;
import cn.ets.registry.domain.account.Account;
import cn.ets.registry.domain.identity.Permissions;
import cn.ets.registry.domain.identity.Role;
import cn.ets.registry.domain.product.Product;
import cn.ets.registry.domain.supply.SupplyCounters;
import java.util.LinkedHashMap;
import java.util.Map;
import org.hyperledger.fabric.contract.Context;
import org.hyperledger.fabric.contract.ContractInterface;
import org.hyperledger.fabric.contract.annotation.Contract;
import org.hyperledger.fabric.contract.annotation.Info;
import org.hyperledger.fabric.contract.annotation.Transaction;

/** The only way CEA come into existence: MEE issues a vintage into its own account. */
@Contract(name = "issuance", info = @Info(title = "Issuance", version = "1"))
public final class IssuanceContract implements ContractInterface {

    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String issue(Context ctx, String command) {
        return TxContext.run(ctx, tx -> {
            Fields f = Fields.of(command);
            String requestId = f.string("requestId");
            Product product = Product.parse(f.string("product"));
            long quantity = f.tonnes("quantity");
            Permissions.requireRole(tx.actor(), Role.MEE, "issue allowances");
            if (!product.isCea()) {
                throw DomainException.badRequest("CCER are issued to projects through /api/v1/ccer/issuances, not here");
            }
            return tx.once("req", requestId, "issuance:issue", f.json(), t -> {
                Books books = new Books(t);
                Account mee = books.account("MEE");
                books.credit(mee.id(), product, quantity);
                books.changeSupply(product, mee.id(), SupplyCounters.issuance(quantity));
                Map<String, Object> r = new LinkedHashMap<>();
                r.put("requestId", requestId);
                r.put("product", product.code());
                r.put("quantity", quantity);
                r.put("account", mee.id());
                r.putAll(t.attribution());
                t.emit("AllowancesIssued", r);
                return r;
            });
        });
    }
}
