package cn.ets.registry.chaincode.usecases.accounts;

import cn.ets.registry.api.AccountsApi.AccountView;
import cn.ets.registry.api.AccountsApi.Open;
import cn.ets.registry.chaincode.state.Books;
import cn.ets.registry.chaincode.tx.Tx;
import cn.ets.registry.chaincode.tx.UseCase;
import cn.ets.registry.domain.DomainException;
import cn.ets.registry.domain.ErrorCode;
import cn.ets.registry.domain.account.Account;
import cn.ets.registry.domain.account.AccountStatus;
import cn.ets.registry.domain.identity.Permissions;
import java.util.Map;

/** A province opens its units, the registry the other holders (001 §14). An account id is opened once. */
public final class OpenAccount implements UseCase<Open, AccountView> {

    @Override
    public void authorise(Tx tx, Open c) {
        Permissions.requireCanOpen(tx.actor(), c.type(), c.province());
    }

    @Override
    public AccountView execute(Tx tx, Open c) {
        Books books = new Books(tx.state());
        if (books.findAccount(c.id()).isPresent()) {
            throw new DomainException(
                    ErrorCode.ALREADY_EXISTS, "account '" + c.id() + "' already exists", Map.of("account", c.id()));
        }
        if (c.province() != null
                && books.findAccount(Account.provinceAccountId(c.province())).isEmpty()) {
            throw new DomainException(
                    ErrorCode.NOT_FOUND,
                    "no province " + c.province() + " in the registry",
                    Map.of("province", c.province()));
        }
        Account a = new Account(c.id(), c.type(), c.name(), c.province(), c.sector(), AccountStatus.ACTIVE, null);
        books.saveAccount(a);
        return AccountViews.of(a, Map.of());
    }
}
