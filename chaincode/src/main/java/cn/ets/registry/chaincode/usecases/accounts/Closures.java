package cn.ets.registry.chaincode.usecases.accounts;

import cn.ets.registry.chaincode.state.Allocations;
import cn.ets.registry.chaincode.state.Books;
import cn.ets.registry.chaincode.state.Roster;
import cn.ets.registry.chaincode.state.UnitYears;
import cn.ets.registry.chaincode.tx.Tx;
import cn.ets.registry.domain.account.Account;
import cn.ets.registry.domain.account.AccountClosure;
import cn.ets.registry.domain.account.AccountStatus;
import cn.ets.registry.domain.account.AccountType;
import cn.ets.registry.domain.compliance.Deadlines;
import cn.ets.registry.domain.compliance.UnitYear;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** What is left in an account that asks to close ({@link AccountClosure}), read from the ledger. */
final class Closures {
    private Closures() {}

    static AccountClosure assess(Tx tx, Account a) {
        Map<Integer, Long> owed = new TreeMap<>();
        List<Integer> listedWithout = new ArrayList<>();
        long debt = 0;
        if (a.type() == AccountType.UNIT) {
            UnitYears years = new UnitYears(tx.state());
            int last = Deadlines.today(tx.time()).getYear() + 1;
            for (UnitYear uy : years.ofUnit(a.id(), last)) {
                if (uy.succeededBy() == null && uy.figures().shortfall() > 0) {
                    owed.put(uy.year(), uy.figures().shortfall());
                }
            }
            Roster roster = new Roster(tx.state());
            for (int year = UnitYears.FIRST_YEAR; year <= last; year++) {
                if (roster.find(year, a.province(), a.id())
                                .filter(e -> e.succeededBy() == null)
                                .isPresent()
                        && years.find(year, a.id()).isEmpty()
                        && !years.yearClosed(year)) {
                    listedWithout.add(year);
                }
            }
            debt = new Allocations(tx.state()).debt(a.id());
        }
        return AccountClosure.assess(new Books(tx.state()).holdings(a.id()), owed, listedWithout, debt);
    }

    /** CLOSED when nothing is left, else CLOSURE_PENDING with what is. */
    static Account closed(Account a, AccountClosure closure, String reason) {
        return a.withStatus(closure.closable() ? AccountStatus.CLOSED : AccountStatus.CLOSURE_PENDING, reason);
    }
}
