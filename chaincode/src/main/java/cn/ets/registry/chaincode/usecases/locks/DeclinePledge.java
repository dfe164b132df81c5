package cn.ets.registry.chaincode.usecases.locks;

import cn.ets.registry.api.LocksApi.Decline;
import cn.ets.registry.api.LocksApi.LockClosed;
import cn.ets.registry.chaincode.state.Locks;
import cn.ets.registry.chaincode.tx.Tx;
import cn.ets.registry.chaincode.tx.UseCase;
import cn.ets.registry.domain.identity.Permissions;
import cn.ets.registry.domain.lock.LockRecord;

/** Either party withdraws a pledge the pledgee has not accepted yet; the units are available again. */
public final class DeclinePledge implements UseCase<Decline, LockClosed> {

    @Override
    public void authorise(Tx tx, Decline c) {
        LockRecord found = new Locks(tx.state()).require(c.lockId());
        if (!found.isPledge()
                || !(tx.actor().holds(found.pledgee()) || tx.actor().holds(found.account()))) {
            throw Permissions.forbidden(tx.actor(), "decline lock " + c.lockId());
        }
    }

    @Override
    public LockClosed execute(Tx tx, Decline c) {
        LockRecord lock = new Locks(tx.state()).require(c.lockId());
        LockRecord next = lock.declined(tx.txId());
        LockSteps.unlock(tx, lock, lock.quantity());
        return LockSteps.saved(tx, next, lock.quantity(), null);
    }
}
