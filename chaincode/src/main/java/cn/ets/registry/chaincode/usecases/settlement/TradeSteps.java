package cn.ets.registry.chaincode.usecases.settlement;

import cn.ets.registry.api.DvpApi.DvpView;
import cn.ets.registry.api.DvpApi.ReversalView;
import cn.ets.registry.api.SettlementApi.PriceCheck;
import cn.ets.registry.chaincode.state.Books;
import cn.ets.registry.chaincode.state.CarryOverBook;
import cn.ets.registry.chaincode.state.ClosingPrices;
import cn.ets.registry.chaincode.state.Keys;
import cn.ets.registry.chaincode.state.ParameterBook;
import cn.ets.registry.chaincode.state.Replays;
import cn.ets.registry.chaincode.state.SettlementBook;
import cn.ets.registry.chaincode.state.TradeIndex;
import cn.ets.registry.chaincode.state.TradeIndex.IndexedTrade;
import cn.ets.registry.chaincode.tx.Tx;
import cn.ets.registry.domain.DomainException;
import cn.ets.registry.domain.ErrorCode;
import cn.ets.registry.domain.account.Account;
import cn.ets.registry.domain.account.AccountStatusPolicy;
import cn.ets.registry.domain.account.TradingEligibility;
import cn.ets.registry.domain.dvp.DvpTrade;
import cn.ets.registry.domain.dvp.Reversal;
import cn.ets.registry.domain.product.Product;
import cn.ets.registry.domain.settlement.Counterparties;
import cn.ets.registry.domain.settlement.PriceBand;
import cn.ets.registry.domain.settlement.TradeMode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Map;

/** What the settlement commands share: the parties' checks, the record of a settled trade, a DvP trade's view. */
final class TradeSteps {
    private TradeSteps() {}

    /** Two distinct accounts, both admitted to trade the product, the seller able to send, the buyer to receive. */
    static Account[] requireParties(Tx tx, String sellerId, String buyerId, Product product) {
        Counterparties.requireDistinct(sellerId, buyerId);
        Books books = new Books(tx.state());
        SettlementBook book = new SettlementBook(tx.state());
        Account seller = books.account(sellerId);
        Account buyer = books.account(buyerId);
        TradingEligibility.requireMayTrade(seller, product, book.admitted(sellerId));
        TradingEligibility.requireMayTrade(buyer, product, book.admitted(buyerId));
        AccountStatusPolicy.requireCanSend(seller);
        AccountStatusPolicy.requireCanReceive(buyer);
        return new Account[] {seller, buyer};
    }

    /** A trade id is one trade: a single-step settlement and a DvP posting never share it. */
    static void requireUnusedBySingleStep(Tx tx, String tradeId) {
        if (new Replays(tx.state()).result(Keys.TRADE, tradeId).isPresent()) {
            throw new DomainException(
                    ErrorCode.DUPLICATE_ID,
                    "trade id '" + tradeId + "' was already settled in a single step",
                    Map.of("tradeId", tradeId));
        }
    }

    static void requireUnusedByDvp(Tx tx, String tradeId) {
        if (new SettlementBook(tx.state()).findDvp(tradeId).isPresent()) {
            throw new DomainException(
                    ErrorCode.DUPLICATE_ID,
                    "trade id '" + tradeId + "' was already posted for DvP settlement",
                    Map.of("tradeId", tradeId));
        }
    }

    /**
     * Records a settled trade: its price checked against the band of the previous trading day's
     * close (CEA), the month's trade index (penalty price) and the parties' flows (carry-over).
     */
    static PriceCheck recordSettled(
            Tx tx,
            String tradeId,
            Product product,
            String seller,
            String buyer,
            long quantity,
            BigDecimal price,
            TradeMode mode,
            String tradedAt,
            LocalDate day) {
        PriceCheck check = null;
        if (product.isCea()) {
            var previous = new ClosingPrices(tx.state()).previous(product, day);
            if (previous.isPresent()) {
                BigDecimal width = new ParameterBook(tx.state())
                        .forVintage(product.vintage())
                        .priceBand(mode);
                PriceBand band = PriceBand.around(previous.get().price(), width);
                check = new PriceCheck(
                        band.previousClose(),
                        previous.get().date().toString(),
                        band.band(),
                        band.low(),
                        band.high(),
                        band.contains(price));
            }
        }
        new TradeIndex(tx.state())
                .record(
                        YearMonth.from(day),
                        new IndexedTrade(
                                tradeId,
                                product.code(),
                                seller,
                                buyer,
                                quantity,
                                price,
                                mode.name(),
                                tradedAt,
                                check == null ? null : check.withinBand(),
                                check == null ? null : check.previousClose()));
        new CarryOverBook(tx.state()).recordTrade(tradeId, seller, buyer, product, quantity);
        return check;
    }

    static DvpView view(Tx tx, DvpTrade t) {
        SettlementBook book = new SettlementBook(tx.state());
        return DvpView.of(
                t,
                book.fundsAccount(t.seller())
                        .map(SettlementBook.FundsAccount::reference)
                        .orElse(null),
                book.fundsAccount(t.buyer())
                        .map(SettlementBook.FundsAccount::reference)
                        .orElse(null),
                province(tx, t.seller()),
                province(tx, t.buyer()));
    }

    static ReversalView view(Tx tx, Reversal r) {
        return ReversalView.of(r, province(tx, r.seller()), province(tx, r.buyer()));
    }

    static String province(Tx tx, String accountId) {
        return new Books(tx.state())
                .findAccount(accountId)
                .map(Account::province)
                .orElse(null);
    }
}
