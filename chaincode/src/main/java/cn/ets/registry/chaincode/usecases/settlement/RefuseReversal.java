package cn.ets.registry.chaincode.usecases.settlement;

import cn.ets.registry.api.DvpApi;
import cn.ets.registry.api.DvpApi.ReversalStep;
import cn.ets.registry.chaincode.state.SettlementBook;
import cn.ets.registry.chaincode.tx.Tx;
import cn.ets.registry.chaincode.tx.UseCase;
import cn.ets.registry.domain.dvp.Reversal;
import cn.ets.registry.domain.identity.Permissions;
import cn.ets.registry.domain.identity.Role;

/** The registry turns a requested reversal down, with its reason: the trade stands. */
public final class RefuseReversal implements UseCase<DvpApi.RefuseReversal, ReversalStep> {

    @Override
    public void authorise(Tx tx, DvpApi.RefuseReversal c) {
        Permissions.requireRole(tx.actor(), Role.REGISTRY, "refuse the reversal of a trade");
    }

    @Override
    public ReversalStep execute(Tx tx, DvpApi.RefuseReversal c) {
        SettlementBook book = new SettlementBook(tx.state());
        Reversal refused = book.reversal(c.tradeId()).refused(c.reason(), tx.txId());
        book.saveReversal(refused);
        return new ReversalStep(TradeSteps.view(tx, refused), tx.attribution());
    }
}
