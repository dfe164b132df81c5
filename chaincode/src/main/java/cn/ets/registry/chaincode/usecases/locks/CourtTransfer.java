package cn.ets.registry.chaincode.usecases.locks;

import cn.ets.registry.api.LocksApi;
import cn.ets.registry.api.LocksApi.LockClosed;
import cn.ets.registry.chaincode.state.Books;
import cn.ets.registry.chaincode.state.Locks;
import cn.ets.registry.chaincode.tx.Tx;
import cn.ets.registry.chaincode.tx.UseCase;
import cn.ets.registry.domain.DomainException;
import cn.ets.registry.domain.account.Account;
import cn.ets.registry.domain.account.AccountStatusPolicy;
import cn.ets.registry.domain.identity.Permissions;
import cn.ets.registry.domain.identity.Role;
import cn.ets.registry.domain.lock.LockRecord;

/**
 * Court-ordered transfer (扣划): the registry moves units out of a judicial freeze to the account the
 * court names, in part or in full; what is left stays frozen.
 */
public final class CourtTransfer implements UseCase<LocksApi.CourtTransfer, LockClosed> {

    @Override
    public void authorise(Tx tx, LocksApi.CourtTransfer c) {
        Permissions.requireRole(tx.actor(), Role.REGISTRY, "transfer units on a court order");
        new Locks(tx.state()).require(c.lockId());
    }

    @Override
    public LockClosed execute(Tx tx, LocksApi.CourtTransfer c) {
        if (c.courtOrder().isBlank()) {
            throw DomainException.badRequest("courtOrder must not be blank");
        }
        LockRecord lock = new Locks(tx.state()).require(c.lockId());
        if (c.to().equals(lock.account())) {
            throw DomainException.badRequest("the court orders units out of the frozen account, not back into it");
        }
        long q = c.quantity() == null ? lock.quantity() : c.quantity();
        LockRecord next = lock.courtTransferred(q, tx.txId());
        Account to = new Books(tx.state()).account(c.to());
        AccountStatusPolicy.requireCanReceive(to);
        LockSteps.handOver(tx, lock, q, to.id());
        return LockSteps.saved(tx, next, q, to.id());
    }
}
