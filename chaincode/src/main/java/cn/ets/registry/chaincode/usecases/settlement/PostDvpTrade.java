package cn.ets.registry.chaincode.usecases.settlement;

import cn.ets.registry.api.DvpApi.DvpStep;
import cn.ets.registry.api.DvpApi.Post;
import cn.ets.registry.chaincode.state.Books;
import cn.ets.registry.chaincode.state.SettlementBook;
import cn.ets.registry.chaincode.state.SettlementBook.DayEntry;
import cn.ets.registry.chaincode.tx.Tx;
import cn.ets.registry.chaincode.tx.UseCase;
import cn.ets.registry.domain.DomainException;
import cn.ets.registry.domain.ErrorCode;
import cn.ets.registry.domain.dvp.DvpTrade;
import cn.ets.registry.domain.dvp.SettlementDay;
import cn.ets.registry.domain.identity.Permissions;
import cn.ets.registry.domain.identity.Role;
import java.time.LocalDate;
import java.util.Map;

/**
 * The exchange posts a matched trade for delivery versus payment (POSTED): the seller's units are
 * set aside for it — taken from the reservation it cites, or from what the seller has available —
 * and both parties must have a funds account with the settlement bank. Nothing moves until the bank
 * confirms the funds leg.
 */
public final class PostDvpTrade implements UseCase<Post, DvpStep> {

    @Override
    public void authorise(Tx tx, Post c) {
        Permissions.requireRole(tx.actor(), Role.EXCHANGE, "post trades for settlement");
    }

    @Override
    public DvpStep execute(Tx tx, Post c) {
        c.mode().requireOrderSize(c.quantity());
        TradeSteps.requireParties(tx, c.seller(), c.buyer(), c.product());
        TradeSteps.requireUnusedBySingleStep(tx, c.tradeId());
        SettlementBook book = new SettlementBook(tx.state());
        for (String party : new String[] {c.seller(), c.buyer()}) {
            if (book.fundsAccount(party).isEmpty()) {
                throw new DomainException(
                        ErrorCode.NO_FUNDS_ACCOUNT,
                        party + " has no funds account with the settlement bank; DvP settlement needs one for both"
                                + " parties",
                        Map.of("account", party));
            }
        }
        LocalDate day = SettlementDay.of(c.tradedAtTime());
        DvpTrade trade = DvpTrade.post(
                c.tradeId(),
                c.product().code(),
                c.seller(),
                c.buyer(),
                c.quantity(),
                c.price(),
                c.mode().name(),
                c.tradedAt(),
                day.toString(),
                SettlementDay.cutOff(c.tradedAtTime(), c.cutOffTime()),
                c.reservationId(),
                tx.time(),
                tx.txId());
        if (c.reservationId() != null) {
            // the units stay reserved, now for this trade
            book.saveReservation(book.reservation(c.reservationId())
                    .filled(c.seller(), c.product().code(), c.quantity()));
        } else {
            new Books(tx.state()).reserve(c.seller(), c.product(), c.quantity());
        }
        book.saveDvp(trade);
        book.recordDay(
                day,
                new DayEntry(
                        c.tradeId(),
                        SettlementBook.DVP,
                        c.mode().name(),
                        c.seller(),
                        c.buyer(),
                        c.quantity(),
                        trade.amount(),
                        null));
        return new DvpStep(TradeSteps.view(tx, trade), tx.attribution());
    }
}
