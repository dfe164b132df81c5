package cn.ets.registry.chaincode.contracts;

import cn.ets.registry.chaincode.Books;
import cn.ets.registry.chaincode.LockRecord;
import cn.ets.registry.chaincode.TxContext;
import cn.ets.registry.chaincode.json.CanonicalJson;
import cn.ets.registry.chaincode.json.Fields;
import cn.ets.registry.domain.DomainException;
import cn.ets.registry.domain.ErrorCode;
import cn.ets.registry.domain.account.Account;
import cn.ets.registry.domain.account.AccountStatusPolicy;
import cn.ets.registry.domain.account.AccountType;
import cn.ets.registry.domain.identity.Actor;
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

/**
 * Pledges and freezes (002; 001 §45): locked units stay in the holder's account but cannot be
 * settled, surrendered or cancelled. A pledge is released by the pledgee (or the registry) or
 * enforced, which hands the units to the pledgee; a freeze is the registry's to lift.
 */
@Contract(name = "locks", info = @Info(title = "Pledges and freezes", version = "1"))
public final class LocksContract implements ContractInterface {
    enum Kind { PLEDGE, FREEZE }

    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String lock(Context ctx, String command) {
        return TxContext.run(ctx, tx -> {
            Fields f = Fields.of(command);
            String requestId = f.string("requestId");
            String accountId = f.string("account");
            Product product = Product.parse(f.string("product"));
            long quantity = f.tonnes("quantity");
            Kind kind = f.enumValue("kind", Kind.class);
            String reason = f.string("reason");
            String pledgeeId = kind == Kind.PLEDGE ? f.string("pledgee") : null;
            Actor actor = tx.actor();
            if (kind == Kind.FREEZE) {
                Permissions.requireRole(actor, Role.REGISTRY, "freeze units");
            } else {
                Permissions.requireHolder(actor, accountId, "pledge units");
            }
            return tx.once("req", requestId, "locks:lock", f.json(), t -> {
                Books books = new Books(t);
                Account account = books.account(accountId);
                if (kind == Kind.PLEDGE) {
                    AccountStatusPolicy.requireCanSend(account);
                    Account pledgee = books.account(pledgeeId);
                    if (pledgee.type() != AccountType.INSTITUTION || pledgeeId.equals(accountId)) {
                        throw DomainException.badRequest("the pledgee must be another INSTITUTION account");
                    }
                }
                books.saveHolding(accountId, product, books.holding(accountId, product).lock(quantity, accountId, product.code()));
                books.changeSupply(product, accountId, SupplyCounters.lock(quantity));
                String lockId = "LOCK-" + t.txId().substring(0, Math.min(16, t.txId().length()));
                LockRecord rec = new LockRecord(lockId, kind.name(), accountId, product.code(), quantity, pledgeeId, reason, "ACTIVE", t.txId(), null);
                t.state().put(t.state().key("lock", lockId), rec);
                Map<String, Object> r = view(rec);
                r.put("requestId", requestId);
                r.putAll(t.attribution());
                t.emit(kind == Kind.PLEDGE ? "UnitsPledged" : "UnitsFrozen", r);
                return r;
            });
        });
    }

    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String release(Context ctx, String lockId, String command) {
        return TxContext.run(ctx, tx -> {
            LockRecord found = find(tx, lockId);
            Actor a = tx.actor();
            boolean pledgeeReleasing = "PLEDGE".equals(found.kind()) && a.holds(found.pledgee());
            if (!a.is(Role.REGISTRY) && !pledgeeReleasing) {
                throw Permissions.forbidden(a, "release lock " + lockId);
            }
            return onceIfIdentified(tx, command, "locks:release:" + lockId, () -> {
                LockRecord rec = active(tx, lockId);
                Books books = new Books(tx);
                Product product = Product.parse(rec.product());
                books.saveHolding(rec.account(), product, books.holding(rec.account(), product).unlock(rec.quantity()));
                books.changeSupply(product, rec.account(), SupplyCounters.unlock(rec.quantity()));
                LockRecord done = rec.closed("RELEASED", tx.txId());
                tx.state().put(tx.state().key("lock", lockId), done);
                Map<String, Object> r = view(done);
                r.putAll(tx.attribution());
                tx.emit("LockReleased", r);
                return r;
            });
        });
    }

    /** The pledgee takes the pledged units: they move out of the pledgor's locked part into the pledgee's account. */
    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String enforce(Context ctx, String lockId, String command) {
        return TxContext.run(ctx, tx -> {
            LockRecord found = find(tx, lockId);
            if (!"PLEDGE".equals(found.kind()) || !tx.actor().holds(found.pledgee())) {
                throw Permissions.forbidden(tx.actor(), "enforce lock " + lockId);
            }
            return onceIfIdentified(tx, command, "locks:enforce:" + lockId, () -> {
                LockRecord rec = active(tx, lockId);
                Books books = new Books(tx);
                Product product = Product.parse(rec.product());
                Account pledgee = books.account(rec.pledgee());
                AccountStatusPolicy.requireCanReceive(pledgee);
                books.saveHolding(rec.account(), product, books.holding(rec.account(), product).takeLocked(rec.quantity()));
                books.changeSupply(product, rec.account(), SupplyCounters.unlock(rec.quantity()));
                books.credit(pledgee.id(), product, rec.quantity());
                LockRecord done = rec.closed("ENFORCED", tx.txId());
                tx.state().put(tx.state().key("lock", lockId), done);
                Map<String, Object> r = view(done);
                r.putAll(tx.attribution());
                tx.emit("PledgeEnforced", r);
                return r;
            });
        });
    }

    /** With a {@code requestId} in the body the action is replayable like every command; without one it runs once or is refused. */
    private static String onceIfIdentified(TxContext tx, String command, String function, java.util.function.Supplier<Map<String, Object>> action) {
        Fields f = Fields.of(command == null || command.isBlank() ? "{}" : command);
        if (f.has("requestId")) {
            return tx.once("req", f.string("requestId"), function, f.json(), t -> action.get());
        }
        return CanonicalJson.writeMap(action.get());
    }

    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String get(Context ctx, String lockId) {
        return TxContext.run(ctx, tx -> {
            LockRecord rec = find(tx, lockId);
            Actor a = tx.actor();
            if (!(a.is(Role.REGISTRY) || a.is(Role.MEE) || a.holds(rec.account()) || a.holds(rec.pledgee()))) {
                throw Permissions.forbidden(a, "read lock " + lockId);
            }
            return CanonicalJson.writeMap(view(rec));
        });
    }

    private static LockRecord find(TxContext tx, String lockId) {
        return tx.state().get(tx.state().key("lock", lockId), LockRecord.class).orElseThrow(() -> new DomainException(
                ErrorCode.NOT_FOUND, "no lock '" + lockId + "'", Map.of("lockId", lockId)));
    }

    private static LockRecord active(TxContext tx, String lockId) {
        LockRecord rec = find(tx, lockId);
        if (!"ACTIVE".equals(rec.status())) {
            throw new DomainException(ErrorCode.CONFLICT, "lock " + lockId + " is already " + rec.status(), Map.of("lockId", lockId));
        }
        return rec;
    }

    private static Map<String, Object> view(LockRecord rec) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("lockId", rec.lockId());
        m.put("kind", rec.kind());
        m.put("account", rec.account());
        m.put("product", rec.product());
        m.put("quantity", rec.quantity());
        m.put("pledgee", rec.pledgee());
        m.put("reason", rec.reason());
        m.put("status", rec.status());
        return m;
    }
}
