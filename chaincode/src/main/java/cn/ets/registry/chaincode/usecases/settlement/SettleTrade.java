package cn.ets.registry.chaincode.usecases.settlement;

import cn.ets.registry.api.SettlementApi.PriceCheck;
import cn.ets.registry.api.SettlementApi.Settle;
import cn.ets.registry.api.SettlementApi.Settled;
import cn.ets.registry.chaincode.state.Books;
import cn.ets.registry.chaincode.state.CarryOverBook;
import cn.ets.registry.chaincode.state.ClosingPrices;
import cn.ets.registry.chaincode.state.ParameterBook;
import cn.ets.registry.chaincode.state.TradeIndex;
import cn.ets.registry.chaincode.state.TradeIndex.IndexedTrade;
import cn.ets.registry.chaincode.tx.Tx;
import cn.ets.registry.chaincode.tx.UseCase;
import cn.ets.registry.domain.account.Account;
import cn.ets.registry.domain.account.AccountStatusPolicy;
import cn.ets.registry.domain.account.TradingEligibility;
import cn.ets.registry.domain.identity.Permissions;
import cn.ets.registry.domain.identity.Role;
import cn.ets.registry.domain.settlement.Counterparties;
import cn.ets.registry.domain.settlement.PriceBand;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;

/**
 * Trade-by-trade, in-full settlement of a matched exchange trade (001 §21): units seller → buyer.
 * The seller must be able to send (ACTIVE, or winding down for closure), the buyer to receive
 * (ACTIVE or RESTRICTED: a restricted debtor buys to cure its debt, domain-rules §5); both must be
 * qualified to trade. A CEA trade is checked against the band of the previous trading day's close
 * posted by the exchange ({@link PriceBand}) and flagged when outside it. Writes only the two
 * holdings, the trade record and write-only index keys, so trades of different accounts never
 * conflict.
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
        AccountStatusPolicy.requireCanSend(seller);
        AccountStatusPolicy.requireCanReceive(buyer);
        books.transfer(c.seller(), c.buyer(), c.product(), c.quantity());
        LocalDate day = c.tradedAtTime().atZoneSameInstant(MARKET_ZONE).toLocalDate();
        PriceCheck check = null;
        if (c.product().isCea()) {
            var previous = new ClosingPrices(tx.state()).previous(c.product(), day);
            if (previous.isPresent()) {
                BigDecimal width = new ParameterBook(tx.state())
                        .forVintage(c.product().vintage())
                        .priceBand(c.mode());
                PriceBand band = PriceBand.around(previous.get().price(), width);
                check = new PriceCheck(
                        band.previousClose(),
                        previous.get().date().toString(),
                        band.band(),
                        band.low(),
                        band.high(),
                        band.contains(c.price()));
            }
        }
        new TradeIndex(tx.state())
                .record(
                        YearMonth.from(day),
                        new IndexedTrade(
                                c.tradeId(),
                                c.product().code(),
                                c.seller(),
                                c.buyer(),
                                c.quantity(),
                                c.price(),
                                c.mode().name(),
                                c.tradedAt(),
                                check == null ? null : check.withinBand(),
                                check == null ? null : check.previousClose()));
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
                tx.attribution(),
                check,
                seller.province(),
                buyer.province());
    }
}
