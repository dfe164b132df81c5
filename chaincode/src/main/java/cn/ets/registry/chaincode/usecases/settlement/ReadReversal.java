package cn.ets.registry.chaincode.usecases.settlement;

import cn.ets.registry.api.DvpApi.GetReversal;
import cn.ets.registry.api.DvpApi.ReversalView;
import cn.ets.registry.chaincode.state.SettlementBook;
import cn.ets.registry.chaincode.tx.Tx;
import cn.ets.registry.chaincode.tx.UseCase;
import cn.ets.registry.domain.dvp.Reversal;
import cn.ets.registry.domain.identity.Actor;
import cn.ets.registry.domain.identity.Permissions;
import cn.ets.registry.domain.identity.ReadAccess;

/** A reversal: to whoever may read the trade, and the bank. */
public final class ReadReversal implements UseCase<GetReversal, ReversalView> {

    @Override
    public void authorise(Tx tx, GetReversal c) {
        Reversal r = new SettlementBook(tx.state()).reversal(c.tradeId());
        Actor a = tx.actor();
        if (!ReadAccess.dvpTrade(
                a, r.seller(), TradeSteps.province(tx, r.seller()), r.buyer(), TradeSteps.province(tx, r.buyer()))) {
            throw Permissions.forbidden(a, "read the reversal of trade " + c.tradeId());
        }
    }

    @Override
    public ReversalView execute(Tx tx, GetReversal c) {
        return TradeSteps.view(tx, new SettlementBook(tx.state()).reversal(c.tradeId()));
    }
}
