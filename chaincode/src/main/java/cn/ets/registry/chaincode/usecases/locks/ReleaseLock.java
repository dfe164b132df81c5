package cn.ets.registry.chaincode.usecases.locks;

import cn.ets.registry.api.LocksApi.LockClosed;
import cn.ets.registry.api.LocksApi.Release;
import cn.ets.registry.chaincode.state.Locks;
import cn.ets.registry.chaincode.tx.Tx;
import cn.ets.registry.chaincode.tx.UseCase;
import cn.ets.registry.domain.identity.Actor;
import cn.ets.registry.domain.identity.Permissions;
import cn.ets.registry.domain.identity.Role;
import cn.ets.registry.domain.lock.LockRecord;

/**
 * The registry lifts a lock, or the pledgee releases its pledge — in part (a partial repayment) or
 * in full: the units released are available again.
 */
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
        LockRecord lock = new Locks(tx.state()).require(c.lockId());
        long q = c.quantity() == null ? lock.quantity() : c.quantity();
        LockRecord next = lock.released(q, tx.txId());
        LockSteps.unlock(tx, lock, q);
        return LockSteps.saved(tx, next, q, null);
    }
}
