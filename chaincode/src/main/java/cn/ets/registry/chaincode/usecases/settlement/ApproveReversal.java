package cn.ets.registry.chaincode.usecases.settlement;

import cn.ets.registry.api.DvpApi;
import cn.ets.registry.api.DvpApi.ReversalStep;
import cn.ets.registry.chaincode.state.Books;
import cn.ets.registry.chaincode.state.CarryOverBook;
import cn.ets.registry.chaincode.state.SettlementBook;
import cn.ets.registry.chaincode.state.SettlementBook.DayEntry;
import cn.ets.registry.chaincode.tx.Tx;
import cn.ets.registry.chaincode.tx.UseCase;
import cn.ets.registry.domain.dvp.Reversal;
import cn.ets.registry.domain.dvp.SettlementDay;
import cn.ets.registry.domain.dvp.SettlementStatement;
import cn.ets.registry.domain.identity.Permissions;
import cn.ets.registry.domain.identity.Role;
import cn.ets.registry.domain.product.Product;

/**
 * The registry approves a requested reversal: a new transaction, linked to the trade ({@code R-<tradeId>}),
 * moves the units back from the buyer to the seller and instructs the bank to return the amount; the
 * trade itself is never edited. Refused (CONFLICT) when the buyer no longer has the units available.
 * It is a line of the day it is approved on (REVERSED).
 */
public final class ApproveReversal implements UseCase<DvpApi.ApproveReversal, ReversalStep> {

    @Override
    public void authorise(Tx tx, DvpApi.ApproveReversal c) {
        Permissions.requireRole(tx.actor(), Role.REGISTRY, "approve the reversal of a trade");
    }

    @Override
    public ReversalStep execute(Tx tx, DvpApi.ApproveReversal c) {
        SettlementBook book = new SettlementBook(tx.state());
        Books books = new Books(tx.state());
        Reversal r = book.reversal(c.tradeId());
        Product product = Product.parse(r.product());
        Reversal approved = r.approved(books.holding(r.buyer(), product).available(), tx.txId());
        books.transfer(r.buyer(), r.seller(), product, r.quantity());
        new CarryOverBook(tx.state()).recordTrade(r.reversalId(), r.buyer(), r.seller(), product, r.quantity());
        book.recordDay(
                tx.time().atZone(SettlementDay.MARKET_ZONE).toLocalDate(),
                new DayEntry(
                        r.reversalId(),
                        r.kind(),
                        r.mode(),
                        r.buyer(),
                        r.seller(),
                        r.quantity(),
                        r.amount(),
                        SettlementStatement.REVERSED));
        book.saveReversal(approved);
        return new ReversalStep(TradeSteps.view(tx, approved), tx.attribution());
    }
}
