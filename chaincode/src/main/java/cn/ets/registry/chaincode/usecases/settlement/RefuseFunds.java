package cn.ets.registry.chaincode.usecases.settlement;

import cn.ets.registry.api.DvpApi.DvpStep;
import cn.ets.registry.api.DvpApi.Refuse;
import cn.ets.registry.chaincode.state.Books;
import cn.ets.registry.chaincode.state.SettlementBook;
import cn.ets.registry.chaincode.tx.Tx;
import cn.ets.registry.chaincode.tx.UseCase;
import cn.ets.registry.domain.dvp.DvpTrade;
import cn.ets.registry.domain.identity.Permissions;
import cn.ets.registry.domain.identity.Role;
import cn.ets.registry.domain.product.Product;

/** The settlement bank refuses the funds leg (FAILED, BANK_REFUSED, its reason kept): the seller's units are released. */
public final class RefuseFunds implements UseCase<Refuse, DvpStep> {

    @Override
    public void authorise(Tx tx, Refuse c) {
        Permissions.requireRole(tx.actor(), Role.SETTLEMENT_BANK, "refuse the funds leg of a trade");
    }

    @Override
    public DvpStep execute(Tx tx, Refuse c) {
        SettlementBook book = new SettlementBook(tx.state());
        DvpTrade failed = book.dvp(c.tradeId()).refused(c.reason(), tx.txId());
        new Books(tx.state()).unreserve(failed.seller(), Product.parse(failed.product()), failed.quantity());
        book.saveDvp(failed);
        return new DvpStep(TradeSteps.view(tx, failed), tx.attribution());
    }
}
