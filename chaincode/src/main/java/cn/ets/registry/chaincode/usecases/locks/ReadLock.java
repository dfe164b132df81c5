package cn.ets.registry.chaincode.usecases.locks;

import cn.ets.registry.api.LocksApi.Get;
import cn.ets.registry.api.LocksApi.LockView;
import cn.ets.registry.chaincode.state.Locks;
import cn.ets.registry.chaincode.tx.Tx;
import cn.ets.registry.chaincode.tx.UseCase;
import cn.ets.registry.domain.identity.Actor;
import cn.ets.registry.domain.identity.Permissions;
import cn.ets.registry.domain.identity.ReadAccess;
import cn.ets.registry.domain.lock.LockRecord;

/** A lock, for the registry, MEE, the holder and the pledgee. */
public final class ReadLock implements UseCase<Get, LockView> {

    @Override
    public void authorise(Tx tx, Get c) {
        LockRecord rec = new Locks(tx.state()).require(c.lockId());
        Actor a = tx.actor();
        if (!ReadAccess.lock(a, rec.account(), rec.pledgee())) {
            throw Permissions.forbidden(a, "read lock " + c.lockId());
        }
    }

    @Override
    public LockView execute(Tx tx, Get c) {
        return LockView.of(new Locks(tx.state()).require(c.lockId()));
    }
}
