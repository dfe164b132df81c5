package cn.ets.registry.chaincode.contracts;

import cn.ets.registry.chaincode.Books;
import cn.ets.registry.chaincode.TxContext;
import cn.ets.registry.chaincode.Views;
import cn.ets.registry.chaincode.json.CanonicalJson;
import cn.ets.registry.chaincode.json.Fields;
import cn.ets.registry.domain.DomainException;
import cn.ets.registry.domain.ErrorCode;
import cn.ets.registry.domain.account.Account;
import cn.ets.registry.domain.account.AccountStatus;
import cn.ets.registry.domain.account.AccountType;
import cn.ets.registry.domain.identity.Permissions;
import cn.ets.registry.domain.identity.Role;
import java.util.LinkedHashMap;
import java.util.Map;
import org.hyperledger.fabric.contract.Context;
import org.hyperledger.fabric.contract.ContractInterface;
import org.hyperledger.fabric.contract.annotation.Contract;
import org.hyperledger.fabric.contract.annotation.Info;
import org.hyperledger.fabric.contract.annotation.Transaction;

@Contract(name = "accounts", info = @Info(title = "Accounts", version = "1"))
public final class AccountsContract implements ContractInterface {

    /** {@code {"id","type","name","province"?,"sector"?}}: a province opens its units, the registry the others. */
    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String open(Context ctx, String command) {
        return TxContext.run(ctx, tx -> {
            Fields f = Fields.of(command);
            String id = Account.requireValidId(f.string("id"));
            AccountType type = f.enumValue("type", AccountType.class);
            if (type.isAuthority()) {
                throw DomainException.badRequest("authority accounts (MEE, PROVINCE) exist from the start and cannot be opened");
            }
            String name = f.string("name");
            String province = type == AccountType.UNIT ? Account.requireValidProvince(f.string("province"))
                    : f.has("province") ? Account.requireValidProvince(f.string("province")) : null;
            String sector = type == AccountType.UNIT ? f.enumValue("sector", cn.ets.registry.domain.policy.Sector.class).name()
                    : f.optionalString("sector");
            Permissions.requireCanOpen(tx.actor(), type, province);
            Books books = new Books(tx);
            if (books.findAccount(id).isPresent()) {
                throw new DomainException(ErrorCode.ALREADY_EXISTS, "account '" + id + "' already exists", Map.of("account", id));
            }
            if (province != null && books.findAccount(Account.provinceAccountId(province)).isEmpty()) {
                throw new DomainException(ErrorCode.NOT_FOUND, "no province " + province + " in the registry", Map.of("province", province));
            }
            Account a = new Account(id, type, name, province, sector, AccountStatus.ACTIVE, null);
            books.saveAccount(a);
            Map<String, Object> view = Views.account(a, Map.of());
            Map<String, Object> event = new LinkedHashMap<>(view);
            event.remove("holdings");
            tx.emit("AccountOpened", event);
            return CanonicalJson.writeMap(view);
        });
    }

    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String get(Context ctx, String id) {
        return TxContext.run(ctx, tx -> {
            Books books = new Books(tx);
            Account a = books.account(id);
            Permissions.requireCanRead(tx.actor(), a);
            return CanonicalJson.writeMap(Views.account(a, books.holdings(id)));
        });
    }

    /** {@code {"requestId"?,"status","reason"}}: enforcement measures of 001 §45, by the registry. */
    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String setStatus(Context ctx, String id, String command) {
        return TxContext.run(ctx, tx -> {
            Permissions.requireRole(tx.actor(), Role.REGISTRY, "change account status");
            Fields f = Fields.of(command);
            AccountStatus status = f.enumValue("status", AccountStatus.class);
            String reason = f.string("reason");
            Books books = new Books(tx);
            Account a = books.account(id);
            if (a.type().isAuthority()) {
                throw Permissions.forbidden(tx.actor(), "change the status of authority account " + id);
            }
            if (a.status() == AccountStatus.CLOSED) {
                throw new DomainException(ErrorCode.ACCOUNT_NOT_ACTIVE, "account " + id + " is CLOSED for good", Map.of("account", id));
            }
            Account changed = a.withStatus(status, reason);
            books.saveAccount(changed);
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("id", id);
            r.put("previous", a.status().name());
            r.put("status", status.name());
            r.put("reason", reason);
            r.putAll(tx.attribution());
            tx.emit("AccountStatusChanged", r);
            return CanonicalJson.writeMap(Views.account(changed, books.holdings(id)));
        });
    }
}
