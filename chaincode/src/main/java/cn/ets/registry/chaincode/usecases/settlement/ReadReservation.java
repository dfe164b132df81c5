package cn.ets.registry.chaincode.usecases.settlement;

import cn.ets.registry.api.DvpApi.GetReservation;
import cn.ets.registry.api.DvpApi.ReservationView;
import cn.ets.registry.chaincode.state.SettlementBook;
import cn.ets.registry.chaincode.tx.Tx;
import cn.ets.registry.chaincode.tx.UseCase;
import cn.ets.registry.domain.dvp.Reservation;
import cn.ets.registry.domain.identity.Actor;
import cn.ets.registry.domain.identity.Permissions;
import cn.ets.registry.domain.identity.ReadAccess;
import cn.ets.registry.domain.identity.Role;

/** A reservation: to the exchange, and to whoever may read the seller's account. */
public final class ReadReservation implements UseCase<GetReservation, ReservationView> {

    @Override
    public void authorise(Tx tx, GetReservation c) {
        Reservation r = new SettlementBook(tx.state()).reservation(c.reservationId());
        Actor a = tx.actor();
        if (!a.is(Role.EXCHANGE) && !ReadAccess.account(a, r.account(), TradeSteps.province(tx, r.account()))) {
            throw Permissions.forbidden(a, "read reservation " + c.reservationId());
        }
    }

    @Override
    public ReservationView execute(Tx tx, GetReservation c) {
        return ReservationView.of(new SettlementBook(tx.state()).reservation(c.reservationId()));
    }
}
