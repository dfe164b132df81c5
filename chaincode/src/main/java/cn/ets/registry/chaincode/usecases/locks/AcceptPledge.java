package cn.ets.registry.chaincode.usecases.locks;

import cn.ets.registry.api.LocksApi.Accept;
import cn.ets.registry.api.LocksApi.LockClosed;
import cn.ets.registry.chaincode.state.Locks;
import cn.ets.registry.chaincode.tx.Tx;
import cn.ets.registry.chaincode.tx.UseCase;
import cn.ets.registry.domain.identity.Permissions;
import cn.ets.registry.domain.lock.LockRecord;

/** The pledgee accepts a proposed pledge: registered by both parties, it holds. */
public final class AcceptPledge implements UseCase<Accept, LockClosed> {

    @Override
    public void authorise(Tx tx, Accept c) {
        LockRecord found = new Locks(tx.state()).require(c.lockId());
        if (!found.isPledge() || !tx.actor().holds(found.pledgee())) {
            throw Permissions.forbidden(tx.actor(), "accept lock " + c.lockId());
        }
    }

    @Override
    public LockClosed execute(Tx tx, Accept c) {
        return LockSteps.saved(tx, new Locks(tx.state()).require(c.lockId()).accepted(), null, null);
    }
}
