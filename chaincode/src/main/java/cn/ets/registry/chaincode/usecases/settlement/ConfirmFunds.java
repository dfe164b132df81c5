package cn.ets.registry.chaincode.usecases.settlement;

import cn.ets.registry.api.DvpApi.Confirm;
import cn.ets.registry.api.DvpApi.DvpStep;
import cn.ets.registry.chaincode.state.Books;
import cn.ets.registry.chaincode.state.SettlementBook;
import cn.ets.registry.chaincode.tx.Tx;
import cn.ets.registry.chaincode.tx.UseCase;
import cn.ets.registry.domain.account.AccountStatusPolicy;
import cn.ets.registry.domain.dvp.DvpTrade;
import cn.ets.registry.domain.identity.Permissions;
import cn.ets.registry.domain.identity.Role;
import cn.ets.registry.domain.product.Product;
import cn.ets.registry.domain.settlement.TradeMode;
import java.time.LocalDate;

/**
 * The settlement bank confirms the buyer's funds moved to the seller (FUNDS_CONFIRMED) and, in the
 * same transaction, the units set aside for the trade are delivered to the buyer (SETTLED): the two
 * legs commit together or not at all. Refused after the cut-off, or when the buyer can no longer
 * receive (then the bank refuses the funds leg instead).
 */
public final class ConfirmFunds implements UseCase<Confirm, DvpStep> {

    @Override
    public void authorise(Tx tx, Confirm c) {
        Permissions.requireRole(tx.actor(), Role.SETTLEMENT_BANK, "confirm the funds leg of a trade");
    }

    @Override
    public DvpStep execute(Tx tx, Confirm c) {
        SettlementBook book = new SettlementBook(tx.state());
        DvpTrade trade = book.dvp(c.tradeId());
        DvpTrade confirmed = trade.fundsConfirmed(c.fundsRef(), tx.time());
        Books books = new Books(tx.state());
        AccountStatusPolicy.requireCanReceive(books.account(trade.buyer()));
        Product product = Product.parse(trade.product());
        DvpTrade settled = confirmed.delivered(tx.txId());
        books.transferReserved(trade.seller(), trade.buyer(), product, trade.quantity());
        TradeSteps.recordSettled(
                tx,
                trade.tradeId(),
                product,
                trade.seller(),
                trade.buyer(),
                trade.quantity(),
                trade.price(),
                TradeMode.valueOf(trade.mode()),
                trade.tradedAt(),
                LocalDate.parse(trade.settlementDay()));
        book.saveDvp(settled);
        return new DvpStep(TradeSteps.view(tx, settled), tx.attribution());
    }
}
