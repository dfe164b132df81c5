package cn.ets.registry.chaincode.usecases.settlement;

import cn.ets.registry.api.DvpApi.Difference;
import cn.ets.registry.api.DvpApi.Reconcile;
import cn.ets.registry.api.DvpApi.Reconciled;
import cn.ets.registry.chaincode.state.SettlementBook;
import cn.ets.registry.chaincode.tx.Tx;
import cn.ets.registry.chaincode.tx.UseCase;
import cn.ets.registry.domain.dvp.SettlementStatement;
import cn.ets.registry.domain.dvp.SettlementStatement.Reported;
import cn.ets.registry.domain.identity.Permissions;
import cn.ets.registry.domain.identity.Role;
import java.time.LocalDate;
import java.util.List;

/**
 * The exchange or the bank reconciles its own totals of a day against the statement: every
 * difference (count, tonnes, amount, per kind, mode and status) is reported, and the
 * reconciliation is kept on the ledger with its outcome. The exchange reconciles every line; the
 * bank the DvP lines only (single-step trades were settled in funds without it).
 */
public final class ReconcileDay implements UseCase<Reconcile, Reconciled> {

    @Override
    public void authorise(Tx tx, Reconcile c) {
        Role r = tx.actor().role();
        if (r != Role.EXCHANGE && r != Role.SETTLEMENT_BANK) {
            throw Permissions.forbidden(tx.actor(), "reconcile a settlement day");
        }
    }

    @Override
    public Reconciled execute(Tx tx, Reconcile c) {
        boolean bank = tx.actor().is(Role.SETTLEMENT_BANK);
        // the bank carries only the funds legs of DvP trades (and their reversals): it reconciles those
        var statement = SettlementStatement.totals(DailyStatement.lines(tx, LocalDate.parse(c.day())).stream()
                .filter(l -> !bank || SettlementBook.DVP.equals(l.kind()))
                .toList());
        List<Reported> reported = c.totals().stream()
                .map(t -> new Reported(t.kind(), t.mode().name(), t.status(), t.count(), t.tonnes(), t.amount()))
                .toList();
        List<Difference> differences = SettlementStatement.reconcile(statement, reported).stream()
                .map(d -> new Difference(d.kind(), d.mode(), d.status(), d.field(), d.statement(), d.reported()))
                .toList();
        String party = tx.actor().role().name();
        Reconciled out = new Reconciled(c.day(), party, differences.isEmpty(), differences, tx.attribution());
        new SettlementBook(tx.state()).saveReconciliation(c.day(), party, tx.txId(), out);
        return out;
    }
}
