package cn.ets.registry.chaincode.usecases.settlement;

import cn.ets.registry.api.DvpApi.ReservationStep;
import cn.ets.registry.api.DvpApi.ReservationView;
import cn.ets.registry.api.DvpApi.Reserve;
import cn.ets.registry.chaincode.state.Books;
import cn.ets.registry.chaincode.state.SettlementBook;
import cn.ets.registry.chaincode.tx.Tx;
import cn.ets.registry.chaincode.tx.UseCase;
import cn.ets.registry.domain.account.Account;
import cn.ets.registry.domain.account.AccountStatusPolicy;
import cn.ets.registry.domain.account.TradingEligibility;
import cn.ets.registry.domain.dvp.Reservation;
import cn.ets.registry.domain.identity.Permissions;
import cn.ets.registry.domain.identity.Role;

/**
 * The exchange reserves a seller's units when a sell order is placed: the seller must be admitted
 * to trade the product and able to send, and have the units available; they stay in its account,
 * set aside, until a trade takes them or the order is cancelled.
 */
public final class ReserveUnits implements UseCase<Reserve, ReservationStep> {

    @Override
    public void authorise(Tx tx, Reserve c) {
        Permissions.requireRole(tx.actor(), Role.EXCHANGE, "reserve units for a sell order");
    }

    @Override
    public ReservationStep execute(Tx tx, Reserve c) {
        Books books = new Books(tx.state());
        SettlementBook book = new SettlementBook(tx.state());
        Account seller = books.account(c.account());
        TradingEligibility.requireMayTrade(seller, c.product(), book.admitted(c.account()));
        AccountStatusPolicy.requireCanSend(seller);
        books.reserve(c.account(), c.product(), c.quantity());
        Reservation r = Reservation.place(
                c.reservationId(), c.account(), c.product().code(), c.orderRef(), c.quantity(), tx.txId());
        book.saveReservation(r);
        return new ReservationStep(ReservationView.of(r), tx.attribution(), null);
    }
}
