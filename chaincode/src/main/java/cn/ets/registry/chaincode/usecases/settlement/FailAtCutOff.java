package cn.ets.registry.chaincode.usecases.settlement;

import cn.ets.registry.api.DvpApi.CutOff;
import cn.ets.registry.api.DvpApi.CutOffDone;
import cn.ets.registry.api.DvpApi.DvpView;
import cn.ets.registry.chaincode.state.Books;
import cn.ets.registry.chaincode.state.SettlementBook;
import cn.ets.registry.chaincode.state.SettlementBook.DayEntry;
import cn.ets.registry.chaincode.tx.Tx;
import cn.ets.registry.chaincode.tx.UseCase;
import cn.ets.registry.domain.DomainException;
import cn.ets.registry.domain.ErrorCode;
import cn.ets.registry.domain.dvp.DvpTrade;
import cn.ets.registry.domain.identity.Permissions;
import cn.ets.registry.domain.identity.Role;
import cn.ets.registry.domain.product.Product;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The registry closes a settlement day: every DvP trade of it still POSTED whose cut-off has passed
 * fails (CUT_OFF) and its units are released. Nothing on the ledger runs by itself, so the registry
 * (or its scheduler) sends this after the cut-off; sent again it fails nothing more. Refused while
 * trades are still waiting and none of their cut-offs has passed.
 */
public final class FailAtCutOff implements UseCase<CutOff, CutOffDone> {

    @Override
    public void authorise(Tx tx, CutOff c) {
        Permissions.requireRole(tx.actor(), Role.REGISTRY, "close a settlement day");
    }

    @Override
    public CutOffDone execute(Tx tx, CutOff c) {
        SettlementBook book = new SettlementBook(tx.state());
        Books books = new Books(tx.state());
        List<DvpView> failed = new ArrayList<>();
        int waiting = 0;
        for (DayEntry e : book.day(c.settlementDay())) {
            if (!SettlementBook.DVP.equals(e.kind()) || e.status() != null) {
                continue; // a single-step trade, or a reversal (its own line)
            }
            DvpTrade t = book.dvp(e.tradeId());
            if (!DvpTrade.POSTED.equals(t.status())) {
                continue;
            }
            if (tx.time().isBefore(t.cutOff())) {
                waiting++;
                continue;
            }
            DvpTrade f = t.cutOffPassed(tx.time(), tx.txId());
            books.unreserve(f.seller(), Product.parse(f.product()), f.quantity());
            book.saveDvp(f);
            failed.add(TradeSteps.view(tx, f));
        }
        if (failed.isEmpty() && waiting > 0) {
            throw new DomainException(
                    ErrorCode.DEADLINE_NOT_REACHED,
                    waiting + " trade(s) of " + c.day() + " await their funds leg and none has reached its cut-off",
                    Map.of("day", c.day(), "waiting", waiting));
        }
        return new CutOffDone(c.day(), failed, tx.attribution());
    }
}
