package cn.ets.registry.chaincode.usecases.locks;

import cn.ets.registry.api.LocksApi;
import cn.ets.registry.api.LocksApi.LockClosed;
import cn.ets.registry.chaincode.state.Locks;
import cn.ets.registry.chaincode.tx.Tx;
import cn.ets.registry.chaincode.tx.UseCase;
import cn.ets.registry.domain.compliance.Deadlines;
import cn.ets.registry.domain.identity.Permissions;
import cn.ets.registry.domain.lock.LockRecord;

/**
 * A default on the loan a pledge secures: the pledgee registers it once the maturity has passed on
 * the ledger's clock; the pledgor may acknowledge it at any time. Only then may the pledgee enforce.
 */
public final class RegisterDefault implements UseCase<LocksApi.RegisterDefault, LockClosed> {

    @Override
    public void authorise(Tx tx, LocksApi.RegisterDefault c) {
        LockRecord found = new Locks(tx.state()).require(c.lockId());
        if (!found.isPledge()
                || !(tx.actor().holds(found.pledgee()) || tx.actor().holds(found.account()))) {
            throw Permissions.forbidden(tx.actor(), "register a default on lock " + c.lockId());
        }
    }

    @Override
    public LockClosed execute(Tx tx, LocksApi.RegisterDefault c) {
        LockRecord lock = new Locks(tx.state()).require(c.lockId());
        boolean byPledgor = tx.actor().holds(lock.account());
        return LockSteps.saved(
                tx, lock.defaulted(c.reason(), byPledgor, Deadlines.today(tx.time()), tx.txId()), null, null);
    }
}
