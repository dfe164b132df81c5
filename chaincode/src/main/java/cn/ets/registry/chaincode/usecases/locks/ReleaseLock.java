package cn.ets.registry.chaincode.usecases.locks;

import cn.ets.registry.api.LocksApi.LockClosed;
import cn.ets.registry.api.LocksApi.LockView;
import cn.ets.registry.api.LocksApi.Release;
import cn.ets.registry.chaincode.state.Books;
import cn.ets.registry.chaincode.state.Locks;
import cn.ets.registry.chaincode.tx.Tx;
import cn.ets.registry.chaincode.tx.UseCase;
import cn.ets.registry.domain.identity.Actor;
import cn.ets.registry.domain.identity.Permissions;
import cn.ets.registry.domain.identity.Role;
import cn.ets.registry.domain.lock.LockRecord;
import cn.ets.registry.domain.product.Product;
import cn.ets.registry.domain.supply.SupplyCounters;

/** The registry lifts a lock, or the pledgee releases its pledge: the units are available again. */
public final class ReleaseLock implements UseCase<Release, LockClosed> {

    @Override
    public void authorise(Tx tx, Release c) {
        LockRecord found = new Locks(tx.state()).require(c.lockId());
        Actor a = tx.actor();
        boolean pledgeeReleasing = found.isPledge() && a.holds(found.pledgee());
        if (!a.is(Role.REGISTRY) && !pledgeeReleasing) {
            throw Permissions.forbidden(a, "release lock " + c.lockId());
        }
    }

    @Override
    public LockClosed execute(Tx tx, Release c) {
        Locks locks = new Locks(tx.state());
        LockRecord done = locks.require(c.lockId()).released(tx.txId());
        Books books = new Books(tx.state());
        Product product = Product.parse(done.product());
        books.saveHolding(
                done.account(), product, books.holding(done.account(), product).unlock(done.quantity()));
        books.changeSupply(product, done.account(), SupplyCounters.unlock(done.quantity()));
        locks.save(done);
        return new LockClosed(LockView.of(done), tx.attribution());
    }
}
