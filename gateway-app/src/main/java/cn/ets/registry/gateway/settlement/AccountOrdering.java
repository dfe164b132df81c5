package cn.ets.registry.gateway.settlement;

import java.util.Collection;
import java.util.TreeSet;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Orders this gateway's settlements per account: two transactions that touch the same account are
 * submitted one after the other instead of racing into an MVCC read conflict at commit. Striped
 * locks, always taken in stripe order, so two trades can never wait on each other in a circle.
 */
public final class AccountOrdering {
    private final ReentrantLock[] stripes;

    public AccountOrdering(int stripeCount) {
        stripes = new ReentrantLock[stripeCount];
        for (int i = 0; i < stripeCount; i++) {
            stripes[i] = new ReentrantLock(true);
        }
    }

    public <T> T inOrder(Collection<String> accounts, Supplier<T> work) {
        TreeSet<Integer> taken = new TreeSet<>();
        for (String a : accounts) {
            if (a != null) {
                taken.add(Math.floorMod(a.hashCode(), stripes.length));
            }
        }
        for (int s : taken) {
            stripes[s].lock();
        }
        try {
            return work.get();
        } finally {
            for (int s : taken.descendingSet()) {
                stripes[s].unlock();
            }
        }
    }
}
