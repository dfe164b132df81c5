package cn.ets.registry.chaincode.usecases.locks;

import cn.ets.registry.api.LocksApi.Enforce;
import cn.ets.registry.api.LocksApi.LockClosed;
import cn.ets.registry.api.LocksApi.LockView;
import cn.ets.registry.chaincode.state.Books;
import cn.ets.registry.chaincode.state.Locks;
import cn.ets.registry.chaincode.tx.Tx;
import cn.ets.registry.chaincode.tx.UseCase;
import cn.ets.registry.domain.account.Account;
import cn.ets.registry.domain.account.AccountStatusPolicy;
import cn.ets.registry.domain.identity.Permissions;
import cn.ets.registry.domain.lock.LockRecord;
import cn.ets.registry.domain.product.Product;
import cn.ets.registry.domain.supply.SupplyCounters;

/** The pledgee takes the pledged units: they leave the pledgor's locked part for the pledgee's account. */
public final class EnforcePledge implements UseCase<Enforce, LockClosed> {

    @Override
    public void authorise(Tx tx, Enforce c) {
        LockRecord found = new Locks(tx.state()).require(c.lockId());
        if (!found.isPledge() || !tx.actor().holds(found.pledgee())) {
            throw Permissions.forbidden(tx.actor(), "enforce lock " + c.lockId());
        }
    }

    @Override
    public LockClosed execute(Tx tx, Enforce c) {
        Locks locks = new Locks(tx.state());
        LockRecord done = locks.require(c.lockId()).enforced(tx.txId());
        Books books = new Books(tx.state());
        Product product = Product.parse(done.product());
        Account pledgee = books.account(done.pledgee());
        AccountStatusPolicy.requireCanReceive(pledgee);
        books.saveHolding(
                done.account(), product, books.holding(done.account(), product).takeLocked(done.quantity()));
        books.changeSupply(product, done.account(), SupplyCounters.unlock(done.quantity()));
        books.credit(pledgee.id(), product, done.quantity());
        locks.save(done);
        return new LockClosed(LockView.of(done), tx.attribution());
    }
}
