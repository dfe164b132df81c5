package cn.ets.registry.chaincode.usecases.accounts;

import cn.ets.registry.api.AccountsApi.AccountView;
import cn.ets.registry.api.AccountsApi.SetStatus;
import cn.ets.registry.api.AccountsApi.StatusChanged;
import cn.ets.registry.chaincode.state.Books;
import cn.ets.registry.chaincode.tx.Tx;
import cn.ets.registry.chaincode.tx.UseCase;
import cn.ets.registry.domain.DomainException;
import cn.ets.registry.domain.ErrorCode;
import cn.ets.registry.domain.account.Account;
import cn.ets.registry.domain.account.AccountClosure;
import cn.ets.registry.domain.account.AccountStatus;
import cn.ets.registry.domain.identity.Permissions;
import cn.ets.registry.domain.identity.Role;
import java.util.Map;

/**
 * The registry sets an account's status with its reason (001 §45); CLOSED is for good. Closing
 * strands nothing: an account that still holds units, a lock, an open obligation or a debt becomes
 * CLOSURE_PENDING instead ({@link AccountClosure}), listing what is left; asking for CLOSED again
 * once it is empty closes it, ACTIVE takes the request back.
 */
public final class ChangeAccountStatus implements UseCase<SetStatus, AccountView> {

    @Override
    public void authorise(Tx tx, SetStatus c) {
        Permissions.requireRole(tx.actor(), Role.REGISTRY, "change account status");
        Account a = new Books(tx.state()).account(c.id());
        if (a.type().isAuthority()) {
            throw Permissions.forbidden(tx.actor(), "change the status of authority account " + c.id());
        }
    }

    @Override
    public AccountView execute(Tx tx, SetStatus c) {
        Books books = new Books(tx.state());
        Account a = books.account(c.id());
        if (a.status() == AccountStatus.CLOSED) {
            throw new DomainException(
                    ErrorCode.ACCOUNT_NOT_ACTIVE,
                    "account " + c.id() + " is CLOSED for good",
                    Map.of("account", c.id()));
        }
        AccountClosure closure = null;
        Account changed;
        if (c.status() == AccountStatus.CLOSED) {
            closure = Closures.assess(tx, a);
            changed = Closures.closed(a, closure, c.reason());
        } else {
            changed = a.withStatus(c.status(), c.reason());
        }
        books.saveAccount(changed);
        tx.emit(
                "AccountStatusChanged",
                new StatusChanged(
                        c.id(),
                        a.type().name(),
                        a.province(),
                        a.status().name(),
                        changed.status().name(),
                        c.reason()));
        return AccountViews.of(changed, books.holdings(c.id()), closure);
    }
}
