package cn.ets.registry.chaincode.usecases.settlement;

import cn.ets.registry.api.DvpApi.DvpView;
import cn.ets.registry.api.DvpApi.Get;
import cn.ets.registry.chaincode.state.SettlementBook;
import cn.ets.registry.chaincode.tx.Tx;
import cn.ets.registry.chaincode.tx.UseCase;
import cn.ets.registry.domain.dvp.DvpTrade;
import cn.ets.registry.domain.identity.Actor;
import cn.ets.registry.domain.identity.Permissions;
import cn.ets.registry.domain.identity.ReadAccess;

/** A DvP trade in its current state: to the exchange, the bank, the registry, MEE, the parties and their provinces. */
public final class ReadDvpTrade implements UseCase<Get, DvpView> {

    @Override
    public void authorise(Tx tx, Get c) {
        DvpTrade t = new SettlementBook(tx.state()).dvp(c.tradeId());
        Actor a = tx.actor();
        if (!ReadAccess.dvpTrade(
                a, t.seller(), TradeSteps.province(tx, t.seller()), t.buyer(), TradeSteps.province(tx, t.buyer()))) {
            throw Permissions.forbidden(a, "read trade " + c.tradeId());
        }
    }

    @Override
    public DvpView execute(Tx tx, Get c) {
        return TradeSteps.view(tx, new SettlementBook(tx.state()).dvp(c.tradeId()));
    }
}
