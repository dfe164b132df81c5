package cn.ets.registry.chaincode.usecases.accounts;

import cn.ets.registry.api.AccountsApi;
import cn.ets.registry.api.AccountsApi.MeasureChanged;
import cn.ets.registry.chaincode.state.Allocations;
import cn.ets.registry.chaincode.state.Books;
import cn.ets.registry.chaincode.state.Measures;
import cn.ets.registry.chaincode.tx.Tx;
import cn.ets.registry.chaincode.tx.UseCase;
import cn.ets.registry.domain.account.Account;
import cn.ets.registry.domain.account.EnforcementMeasure;
import cn.ets.registry.domain.account.EnforcementMeasures;
import cn.ets.registry.domain.identity.Permissions;
import cn.ets.registry.domain.identity.Role;
import java.util.List;

/** The registry lifts a measure: what no other active measure (nor an allocation debt) still calls for is undone. */
public final class LiftMeasure implements UseCase<AccountsApi.LiftMeasure, MeasureChanged> {

    @Override
    public void authorise(Tx tx, AccountsApi.LiftMeasure c) {
        Permissions.requireRole(tx.actor(), Role.REGISTRY, "lift enforcement measures");
        new Measures(tx.state()).require(c.id(), c.measureId());
    }

    @Override
    public MeasureChanged execute(Tx tx, AccountsApi.LiftMeasure c) {
        Books books = new Books(tx.state());
        Measures measures = new Measures(tx.state());
        Account a = books.account(c.id());
        EnforcementMeasure m = measures.require(c.id(), c.measureId());
        List<EnforcementMeasure> others = measures.of(c.id()).stream()
                .filter(EnforcementMeasure::active)
                .filter(o -> !o.measureId().equals(m.measureId()))
                .toList();
        Account next = EnforcementMeasures.lift(a, m, others, new Allocations(tx.state()).debt(a.id()));
        EnforcementMeasure lifted =
                m.lifted(tx.txId(), tx.time().toString(), tx.actor().name(), c.reason());
        measures.save(lifted);
        books.saveAccount(next);
        return new MeasureChanged(
                c.requestId(), lifted, AccountViews.of(next, books.holdings(a.id())), tx.attribution());
    }
}
