package cn.ets.registry.chaincode.usecases.accounts;

import cn.ets.registry.api.AccountsApi.AccountView;
import cn.ets.registry.api.AccountsApi.Get;
import cn.ets.registry.chaincode.state.Books;
import cn.ets.registry.chaincode.tx.Tx;
import cn.ets.registry.chaincode.tx.UseCase;
import cn.ets.registry.domain.account.Account;
import cn.ets.registry.domain.account.AccountStatus;
import cn.ets.registry.domain.identity.Permissions;

/** The holder, its province, MEE and the registry read an account (a closing one with what keeps it open). */
public final class ReadAccount implements UseCase<Get, AccountView> {

    @Override
    public void authorise(Tx tx, Get c) {
        Permissions.requireCanRead(tx.actor(), new Books(tx.state()).account(c.id()));
    }

    @Override
    public AccountView execute(Tx tx, Get c) {
        Books books = new Books(tx.state());
        Account a = books.account(c.id());
        return AccountViews.of(
                a, books.holdings(c.id()), a.status() == AccountStatus.CLOSURE_PENDING ? Closures.assess(tx, a) : null);
    }
}
