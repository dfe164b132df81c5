package cn.ets.registry.chaincode.usecases.settlement;

import cn.ets.registry.api.SettlementApi.Settle;
import cn.ets.registry.api.SettlementApi.Settled;
import cn.ets.registry.chaincode.state.Books;
import cn.ets.registry.chaincode.state.CarryOverBook;
import cn.ets.registry.chaincode.state.TradeIndex;
import cn.ets.registry.chaincode.tx.Tx;
import cn.ets.registry.chaincode.tx.UseCase;
import cn.ets.registry.domain.account.Account;
import cn.ets.registry.domain.account.AccountStatusPolicy;
import cn.ets.registry.domain.account.TradingEligibility;
import cn.ets.registry.domain.identity.Permissions;
import cn.ets.registry.domain.identity.Role;
import cn.ets.registry.domain.settlement.Counterparties;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.time.ZoneId;

/**
 * Trade-by-trade, in-full settlement of a matched exchange trade (001 §21): units seller → buyer.
 * Writes only the two holdings, the trade record and write-only index keys, so trades of
 * different accounts never conflict.
 */
public final class SettleTrade implements UseCase<Settle, Settled> {
    static final ZoneId MARKET_ZONE = ZoneId.of("Asia/Shanghai");

    @Override
    public void authorise(Tx tx, Settle c) {
        Permissions.requireRole(tx.actor(), Role.EXCHANGE, "post trades for settlement");
    }

    @Override
    public Settled execute(Tx tx, Settle c) {
        Counterparties.requireDistinct(c.seller(), c.buyer());
        c.mode().requireOrderSize(c.quantity());
        Books books = new Books(tx.state());
        Account seller = books.account(c.seller());
        Account buyer = books.account(c.buyer());
        TradingEligibility.requireMayTrade(seller, c.product());
        TradingEligibility.requireMayTrade(buyer, c.product());
        AccountStatusPolicy.requireCanTrade(seller);
        AccountStatusPolicy.requireCanTrade(buyer);
        books.transfer(c.seller(), c.buyer(), c.product(), c.quantity());
        YearMonth month = YearMonth.from(c.tradedAtTime().atZoneSameInstant(MARKET_ZONE));
        new TradeIndex(tx.state()).record(c.product(), month, c.tradeId(), c.quantity(), c.price());
        new CarryOverBook(tx.state()).recordTrade(c.tradeId(), c.seller(), c.buyer(), c.product(), c.quantity());
        return new Settled(
                c.tradeId(),
                "SETTLED",
                c.product().code(),
                c.seller(),
                c.buyer(),
                c.quantity(),
                c.price(),
                c.price().multiply(BigDecimal.valueOf(c.quantity())),
                c.mode().name(),
                c.tradedAt(),
                tx.time().toString(),
                tx.attribution());
    }
}
