package cn.ets.registry.chaincode.usecases.accounts;

import cn.ets.registry.api.AccountsApi.HoldingView;
import cn.ets.registry.api.AccountsApi.MovementView;
import cn.ets.registry.api.AccountsApi.Statement;
import cn.ets.registry.api.AccountsApi.StatementView;
import cn.ets.registry.chaincode.state.Books;
import cn.ets.registry.chaincode.state.Movements;
import cn.ets.registry.chaincode.state.Movements.Movement;
import cn.ets.registry.chaincode.tx.Tx;
import cn.ets.registry.chaincode.tx.UseCase;
import cn.ets.registry.domain.Tonnes;
import cn.ets.registry.domain.compliance.Deadlines;
import cn.ets.registry.domain.identity.Permissions;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A holder's statement of movements for a period of Beijing calendar days: the holdings at its
 * start, every change in it (what moved, by which function, with whom), the holdings at its end.
 * For the holder, its province, MEE and the registry.
 */
public final class ReadStatement implements UseCase<Statement, StatementView> {

    @Override
    public void authorise(Tx tx, Statement c) {
        Permissions.requireCanRead(tx.actor(), new Books(tx.state()).account(c.id()));
    }

    @Override
    public StatementView execute(Tx tx, Statement c) {
        LocalDate from = c.fromDate();
        LocalDate to = c.toDate();
        Map<String, long[]> opening = new TreeMap<>();
        Map<String, long[]> closing = new TreeMap<>();
        List<MovementView> movements = new ArrayList<>();
        for (Movement m : new Movements(tx.state()).of(c.id())) {
            LocalDate day = Deadlines.today(Instant.parse(m.time()));
            if (to != null && day.isAfter(to)) {
                break;
            }
            add(closing, m);
            if (from != null && day.isBefore(from)) {
                add(opening, m);
            } else {
                movements.add(new MovementView(
                        m.time(), m.txId(), m.function(), m.product(), m.quantity(), m.locked(), m.counterparty()));
            }
        }
        return new StatementView(
                c.id(),
                from == null ? null : from.toString(),
                to == null ? null : to.toString(),
                views(opening),
                movements,
                views(closing));
    }

    private static void add(Map<String, long[]> balances, Movement m) {
        long[] b = balances.computeIfAbsent(m.product(), p -> new long[2]);
        b[0] = Tonnes.add(b[0], m.quantity());
        b[1] = Tonnes.add(b[1], m.locked());
    }

    private static List<HoldingView> views(Map<String, long[]> balances) {
        return balances.entrySet().stream()
                .filter(e -> e.getValue()[0] != 0 || e.getValue()[1] != 0)
                .map(e -> new HoldingView(e.getKey(), e.getValue()[0], e.getValue()[1]))
                .toList();
    }
}
