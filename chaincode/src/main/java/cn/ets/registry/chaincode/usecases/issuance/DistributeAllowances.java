package cn.ets.registry.chaincode.usecases.issuance;

import cn.ets.registry.api.IssuanceApi.Distribute;
import cn.ets.registry.api.IssuanceApi.Distributed;
import cn.ets.registry.chaincode.state.Books;
import cn.ets.registry.chaincode.tx.Tx;
import cn.ets.registry.chaincode.tx.UseCase;
import cn.ets.registry.domain.account.Account;
import cn.ets.registry.domain.account.AccountStatusPolicy;
import cn.ets.registry.domain.identity.Permissions;

/** Free allocation flow MEE → province → unit (003 §2.3.2). */
public final class DistributeAllowances implements UseCase<Distribute, Distributed> {

    @Override
    public void authorise(Tx tx, Distribute c) {
        Books books = new Books(tx.state());
        Permissions.requireCanDistribute(tx.actor(), books.account(c.from()), books.account(c.to()));
    }

    @Override
    public Distributed execute(Tx tx, Distribute c) {
        Books books = new Books(tx.state());
        Account to = books.account(c.to());
        AccountStatusPolicy.requireCanReceive(to);
        books.transfer(c.from(), c.to(), c.product(), c.quantity());
        return new Distributed(c.requestId(), c.product().code(), c.from(), c.to(), c.quantity(), tx.attribution());
    }
}
