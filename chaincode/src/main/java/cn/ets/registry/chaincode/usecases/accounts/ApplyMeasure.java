package cn.ets.registry.chaincode.usecases.accounts;

import cn.ets.registry.api.AccountsApi;
import cn.ets.registry.api.AccountsApi.MeasureChanged;
import cn.ets.registry.chaincode.state.Books;
import cn.ets.registry.chaincode.state.Measures;
import cn.ets.registry.chaincode.state.Movements;
import cn.ets.registry.chaincode.tx.Tx;
import cn.ets.registry.chaincode.tx.UseCase;
import cn.ets.registry.domain.account.Account;
import cn.ets.registry.domain.account.AccountClosure;
import cn.ets.registry.domain.account.EnforcementMeasure;
import cn.ets.registry.domain.account.EnforcementMeasures;
import cn.ets.registry.domain.account.MeasureType;
import cn.ets.registry.domain.identity.Permissions;
import cn.ets.registry.domain.identity.Role;

/**
 * The registry institution takes one of the seven enforcement measures of 001 §45 against a holder
 * account, typed, with its reason, the legal basis it cites and who acted; what it does to the
 * account is {@link EnforcementMeasures}'s. Cancelling the trading qualification leaves the status
 * alone; terminating the business closes the account (or makes it CLOSURE_PENDING).
 */
public final class ApplyMeasure implements UseCase<AccountsApi.ApplyMeasure, MeasureChanged> {

    @Override
    public void authorise(Tx tx, AccountsApi.ApplyMeasure c) {
        Permissions.requireRole(tx.actor(), Role.REGISTRY, "take enforcement measures");
        Account a = new Books(tx.state()).account(c.id());
        if (a.type().isAuthority()) {
            throw Permissions.forbidden(tx.actor(), "take enforcement measures against authority account " + c.id());
        }
    }

    @Override
    public MeasureChanged execute(Tx tx, AccountsApi.ApplyMeasure c) {
        Books books = new Books(tx.state());
        Account a = books.account(c.id());
        AccountClosure closure = c.measure() == MeasureType.TERMINATE_BUSINESS ? Closures.assess(tx, a) : null;
        Account next =
                EnforcementMeasures.apply(a, c.measure(), c.functionList(), closure != null && closure.closable());
        EnforcementMeasure m = EnforcementMeasure.applied(
                Measures.idFor(Movements.sortable(tx.time()), tx.txId()),
                a.id(),
                c.measure(),
                c.functionList(),
                c.reason(),
                c.legalBasis(),
                tx.txId(),
                tx.time().toString(),
                tx.actor().name());
        new Measures(tx.state()).save(m);
        books.saveAccount(next);
        return new MeasureChanged(
                c.requestId(), m, AccountViews.of(next, books.holdings(a.id()), closure), tx.attribution());
    }
}
