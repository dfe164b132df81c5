package cn.ets.registry.chaincode.usecases.settlement;

import cn.ets.registry.api.SettlementApi.PriceCheck;
import cn.ets.registry.api.SettlementApi.Settle;
import cn.ets.registry.api.SettlementApi.Settled;
import cn.ets.registry.chaincode.state.Books;
import cn.ets.registry.chaincode.state.SettlementBook;
import cn.ets.registry.chaincode.state.SettlementBook.DayEntry;
import cn.ets.registry.chaincode.tx.Tx;
import cn.ets.registry.chaincode.tx.UseCase;
import cn.ets.registry.domain.account.Account;
import cn.ets.registry.domain.dvp.SettlementDay;
import cn.ets.registry.domain.dvp.SettlementStatement;
import cn.ets.registry.domain.identity.Permissions;
import cn.ets.registry.domain.identity.Role;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Single-step settlement of a matched exchange trade whose funds the exchange has already settled
 * (001 §21): units seller → buyer at once. The seller must be able to send (ACTIVE, or winding down
 * for closure), the buyer to receive (ACTIVE or RESTRICTED: a restricted debtor buys to cure its
 * debt, domain-rules §5); both must be admitted to trade the product ({@code TradingEligibility}).
 * A trade citing the seller's reservation takes its units from it, so it cannot fail for lack of
 * units. A CEA trade is checked against the band of the previous trading day's close posted by the
 * exchange and flagged when outside it. Writes only the two holdings (and the reservation), the
 * trade record and write-only index keys, so trades of different accounts never conflict.
 */
public final class SettleTrade implements UseCase<Settle, Settled> {

    @Override
    public void authorise(Tx tx, Settle c) {
        Permissions.requireRole(tx.actor(), Role.EXCHANGE, "post trades for settlement");
    }

    @Override
    public Settled execute(Tx tx, Settle c) {
        c.mode().requireOrderSize(c.quantity());
        Account[] parties = TradeSteps.requireParties(tx, c.seller(), c.buyer(), c.product());
        TradeSteps.requireUnusedByDvp(tx, c.tradeId());
        Books books = new Books(tx.state());
        SettlementBook book = new SettlementBook(tx.state());
        if (c.reservationId() != null) {
            book.saveReservation(book.reservation(c.reservationId())
                    .filled(c.seller(), c.product().code(), c.quantity()));
            books.transferReserved(c.seller(), c.buyer(), c.product(), c.quantity());
        } else {
            books.transfer(c.seller(), c.buyer(), c.product(), c.quantity());
        }
        LocalDate day = SettlementDay.of(c.tradedAtTime());
        PriceCheck check = TradeSteps.recordSettled(
                tx,
                c.tradeId(),
                c.product(),
                c.seller(),
                c.buyer(),
                c.quantity(),
                c.price(),
                c.mode(),
                c.tradedAt(),
                day);
        BigDecimal amount = c.price().multiply(BigDecimal.valueOf(c.quantity()));
        book.recordDay(
                day,
                new DayEntry(
                        c.tradeId(),
                        SettlementBook.SINGLE_STEP,
                        c.mode().name(),
                        c.seller(),
                        c.buyer(),
                        c.quantity(),
                        amount,
                        SettlementStatement.SETTLED));
        return new Settled(
                c.tradeId(),
                "SETTLED",
                c.product().code(),
                c.seller(),
                c.buyer(),
                c.quantity(),
                c.price(),
                amount,
                c.mode().name(),
                c.tradedAt(),
                tx.time().toString(),
                tx.attribution(),
                check,
                parties[0].province(),
                parties[1].province(),
                c.reservationId());
    }
}
