package cn.ets.registry.chaincode.usecases.locks;

import cn.ets.registry.api.LocksApi.LockClosed;
import cn.ets.registry.api.LocksApi.LockView;
import cn.ets.registry.chaincode.state.Books;
import cn.ets.registry.chaincode.state.Locks;
import cn.ets.registry.chaincode.tx.Tx;
import cn.ets.registry.domain.lock.LockRecord;
import cn.ets.registry.domain.product.Product;
import cn.ets.registry.domain.supply.SupplyCounters;

/** What the lock commands share: unlocking units, handing locked units to another account, answering. */
final class LockSteps {
    private LockSteps() {}

    /** {@code q} locked tonnes of the lock's account are available again. */
    static void unlock(Tx tx, LockRecord lock, long q) {
        if (q == 0) {
            return;
        }
        Books books = new Books(tx.state());
        Product product = Product.parse(lock.product());
        books.saveHolding(
                lock.account(), product, books.holding(lock.account(), product).unlock(q));
        books.changeSupply(product, lock.account(), SupplyCounters.unlock(q));
    }

    /** {@code q} locked tonnes leave the lock's account for {@code to} (enforcement, court-ordered transfer). */
    static void handOver(Tx tx, LockRecord lock, long q, String to) {
        Books books = new Books(tx.state());
        Product product = Product.parse(lock.product());
        books.saveHolding(
                lock.account(), product, books.holding(lock.account(), product).takeLocked(q));
        books.changeSupply(product, lock.account(), SupplyCounters.unlock(q));
        books.credit(to, product, q);
    }

    static LockClosed saved(Tx tx, LockRecord next, Long moved, String to) {
        new Locks(tx.state()).save(next);
        return new LockClosed(LockView.of(next), tx.attribution(), moved, to);
    }
}
