package cn.ets.registry.chaincode.usecases.locks;

import cn.ets.registry.api.LocksApi.Lock;
import cn.ets.registry.api.LocksApi.LockView;
import cn.ets.registry.api.LocksApi.Locked;
import cn.ets.registry.chaincode.state.Books;
import cn.ets.registry.chaincode.state.Locks;
import cn.ets.registry.chaincode.tx.Tx;
import cn.ets.registry.chaincode.tx.UseCase;
import cn.ets.registry.domain.DomainException;
import cn.ets.registry.domain.account.Account;
import cn.ets.registry.domain.account.AccountFunction;
import cn.ets.registry.domain.account.AccountStatusPolicy;
import cn.ets.registry.domain.account.AccountType;
import cn.ets.registry.domain.identity.Permissions;
import cn.ets.registry.domain.identity.Role;
import cn.ets.registry.domain.lock.LockRecord;
import cn.ets.registry.domain.supply.SupplyCounters;

/**
 * The holder proposes a pledge to an institution (002; the units are locked at once and the
 * pledge holds once the pledgee accepts it), or the registry freezes units (001 §45; a judicial
 * freeze names its court order).
 */
public final class LockUnits implements UseCase<Lock, Locked> {

    @Override
    public void authorise(Tx tx, Lock c) {
        if (c.kind() == LockRecord.Kind.FREEZE) {
            Permissions.requireRole(tx.actor(), Role.REGISTRY, "freeze units");
        } else {
            Permissions.requireHolder(tx.actor(), c.account(), "pledge units");
        }
    }

    @Override
    public Locked execute(Tx tx, Lock c) {
        Books books = new Books(tx.state());
        Account account = books.account(c.account());
        if (c.kind() == LockRecord.Kind.PLEDGE) {
            AccountStatusPolicy.requireCanSend(account);
            AccountStatusPolicy.requireFunction(account, AccountFunction.PLEDGE);
            Account pledgee = books.account(c.pledgee());
            if (pledgee.type() != AccountType.INSTITUTION || c.pledgee().equals(c.account())) {
                throw DomainException.badRequest("the pledgee must be another INSTITUTION account");
            }
        }
        books.saveHolding(
                c.account(),
                c.product(),
                books.holding(c.account(), c.product())
                        .lock(c.quantity(), c.account(), c.product().code()));
        books.changeSupply(c.product(), c.account(), SupplyCounters.lock(c.quantity()));
        String id = Locks.idFor(tx.txId());
        LockRecord rec = c.kind() == LockRecord.Kind.PLEDGE
                ? LockRecord.proposePledge(
                        id,
                        c.account(),
                        c.product().code(),
                        c.quantity(),
                        c.pledgee(),
                        c.reason(),
                        c.contractRef(),
                        c.securedAmount(),
                        c.maturity(),
                        tx.txId())
                : LockRecord.freeze(
                        id, c.account(), c.product().code(), c.quantity(), c.reason(), c.courtOrder(), tx.txId());
        new Locks(tx.state()).save(rec);
        Locked locked = new Locked(c.requestId(), LockView.of(rec), tx.attribution());
        tx.emit(c.kind() == LockRecord.Kind.PLEDGE ? "PledgeProposed" : "UnitsFrozen", locked);
        return locked;
    }
}
