package cn.ets.registry.chaincode.contracts;

import cn.ets.registry.chaincode.Books;
import cn.ets.registry.chaincode.TxContext;
import cn.ets.registry.chaincode.json.Fields;
import cn.ets.registry.domain.DomainException;
import cn.ets.registry.domain.account.Account;
import cn.ets.registry.domain.account.AccountStatus;
import cn.ets.registry.domain.account.AccountType;
import cn.ets.registry.domain.identity.Permissions;
import cn.ets.registry.domain.identity.Role;
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

/** Creates the authority accounts (MEE, one per province) once, when the registry is set up. */
@Contract(name = "admin", info = @Info(title = "Registry administration", version = "1"))
public final class AdminContract implements ContractInterface {

    /** {@code {"provinces":["HB","GD"]}} — by the registry institution; repeating it adds missing provinces only. */
    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String bootstrap(Context ctx, String command) {
        return TxContext.run(ctx, tx -> {
            Permissions.requireRole(tx.actor(), Role.REGISTRY, "set up the registry");
            Fields f = Fields.of(command);
            Books books = new Books(tx);
            List<String> created = new ArrayList<>();
            if (books.findAccount("MEE").isEmpty()) {
                books.saveAccount(new Account("MEE", AccountType.MEE, "Ministry of Ecology and Environment 生态环境部", null, null, AccountStatus.ACTIVE, null));
                created.add("MEE");
            }
            for (JsonElement p : f.array("provinces")) {
                if (!p.isJsonPrimitive()) {
                    throw DomainException.badRequest("provinces must be two-letter codes");
                }
                String code = Account.requireValidProvince(p.getAsString());
                String id = Account.provinceAccountId(code);
                if (books.findAccount(id).isEmpty()) {
                    books.saveAccount(new Account(id, AccountType.PROVINCE, "Province " + code + " ecology department 省级生态环境主管部门", code, null, AccountStatus.ACTIVE, null));
                    created.add(id);
                }
            }
            // The parameters of 003 Table 2 are on the ledger from the start, visible to everyone.
            cn.ets.registry.chaincode.ParameterBook params = new cn.ets.registry.chaincode.ParameterBook(tx);
            for (String vintage : List.of("2023", "2024")) {
                if (tx.state().raw(tx.state().key("params", vintage)).isEmpty()) {
                    params.publish(cn.ets.registry.domain.policy.DefaultParameters.forVintage(vintage));
                    created.add("parameters " + vintage);
                }
            }
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("created", created);
            if (!created.isEmpty()) {
                tx.emit("RegistryBootstrapped", result);
            }
            return cn.ets.registry.chaincode.json.CanonicalJson.writeMap(result);
        });
    }

    /** Whether the registry is set up: answers any identity, used as the readiness probe. */
    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String status(Context ctx) {
        return TxContext.run(ctx, tx -> {
            Books books = new Books(tx);
            List<String> authorities = new ArrayList<>();
            for (var e : books.allAccounts()) {
                if (e.value().type().isAuthority()) {
                    authorities.add(e.value().id());
                }
            }
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("bootstrapped", books.findAccount("MEE").isPresent());
            r.put("authorityAccounts", authorities);
            return cn.ets.registry.chaincode.json.CanonicalJson.writeMap(r);
        });
    }
}
