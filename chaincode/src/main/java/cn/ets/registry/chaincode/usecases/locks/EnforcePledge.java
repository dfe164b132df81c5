package cn.ets.registry.chaincode.usecases.locks;

import cn.ets.registry.api.LocksApi.Enforce;
import cn.ets.registry.api.LocksApi.LockClosed;
import cn.ets.registry.chaincode.state.Books;
import cn.ets.registry.chaincode.state.Locks;
import cn.ets.registry.chaincode.tx.Tx;
import cn.ets.registry.chaincode.tx.UseCase;
import cn.ets.registry.domain.DomainException;
import cn.ets.registry.domain.account.Account;
import cn.ets.registry.domain.account.AccountStatusPolicy;
import cn.ets.registry.domain.identity.Actor;
import cn.ets.registry.domain.identity.Permissions;
import cn.ets.registry.domain.identity.Role;
import cn.ets.registry.domain.lock.LockRecord;

/**
 * The pledged units pass to the pledgee: on the pledgee's request after a registered default, or
 * on a court's order the registry acts on. They leave the pledgor's locked part.
 */
public final class EnforcePledge implements UseCase<Enforce, LockClosed> {

    @Override
    public void authorise(Tx tx, Enforce c) {
        LockRecord found = new Locks(tx.state()).require(c.lockId());
        Actor a = tx.actor();
        boolean pledgee = found.isPledge() && a.holds(found.pledgee());
        boolean registryOnCourtOrder = a.is(Role.REGISTRY) && c.courtOrder() != null;
        if (!pledgee && !registryOnCourtOrder) {
            throw Permissions.forbidden(a, "enforce lock " + c.lockId());
        }
    }

    @Override
    public LockClosed execute(Tx tx, Enforce c) {
        if (c.courtOrder() != null && c.courtOrder().isBlank()) {
            throw DomainException.badRequest("courtOrder must not be blank");
        }
        LockRecord lock = new Locks(tx.state()).require(c.lockId());
        LockRecord done = lock.enforced(tx.actor().is(Role.REGISTRY) ? c.courtOrder() : null, tx.txId());
        Account pledgee = new Books(tx.state()).account(lock.pledgee());
        AccountStatusPolicy.requireCanReceive(pledgee);
        LockSteps.handOver(tx, lock, lock.quantity(), pledgee.id());
        return LockSteps.saved(tx, done, lock.quantity(), pledgee.id());
    }
}
