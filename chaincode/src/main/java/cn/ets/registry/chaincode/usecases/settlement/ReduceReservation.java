package cn.ets.registry.chaincode.usecases.settlement;

import cn.ets.registry.api.DvpApi.Reduce;
import cn.ets.registry.api.DvpApi.ReservationStep;
import cn.ets.registry.api.DvpApi.ReservationView;
import cn.ets.registry.chaincode.state.Books;
import cn.ets.registry.chaincode.state.SettlementBook;
import cn.ets.registry.chaincode.tx.Tx;
import cn.ets.registry.chaincode.tx.UseCase;
import cn.ets.registry.domain.dvp.Reservation;
import cn.ets.registry.domain.identity.Permissions;
import cn.ets.registry.domain.identity.Role;
import cn.ets.registry.domain.product.Product;

/** The sell order is cancelled in part or in full: the reservation shrinks and the units are available again. */
public final class ReduceReservation implements UseCase<Reduce, ReservationStep> {

    @Override
    public void authorise(Tx tx, Reduce c) {
        Permissions.requireRole(tx.actor(), Role.EXCHANGE, "reduce a reservation");
    }

    @Override
    public ReservationStep execute(Tx tx, Reduce c) {
        SettlementBook book = new SettlementBook(tx.state());
        Reservation r = book.reservation(c.reservationId());
        long q = c.quantity() == null ? r.quantity() : c.quantity();
        Reservation next = r.reduced(q);
        new Books(tx.state()).unreserve(r.account(), Product.parse(r.product()), q);
        book.saveReservation(next);
        return new ReservationStep(ReservationView.of(next), tx.attribution(), q);
    }
}
