package cn.ets.registry.chaincode.usecases.prices;

import cn.ets.registry.api.PricesApi.ClosePosted;
import cn.ets.registry.api.PricesApi.PostClose;
import cn.ets.registry.chaincode.state.ClosingPrices;
import cn.ets.registry.chaincode.tx.Tx;
import cn.ets.registry.chaincode.tx.UseCase;
import cn.ets.registry.domain.DomainException;
import cn.ets.registry.domain.ErrorCode;
import cn.ets.registry.domain.compliance.Deadlines;
import cn.ets.registry.domain.identity.Permissions;
import cn.ets.registry.domain.identity.Role;
import java.util.Map;

/**
 * The exchange posts a CEA product's closing price of a trading day, once (the same price again
 * replays; another is ALREADY_EXISTS). Not for a day after today (the ledger's clock, Beijing).
 */
public final class PostClosingPrice implements UseCase<PostClose, ClosePosted> {

    @Override
    public void authorise(Tx tx, PostClose c) {
        Permissions.requireRole(tx.actor(), Role.EXCHANGE, "post closing prices");
    }

    @Override
    public ClosePosted execute(Tx tx, PostClose c) {
        if (c.day().isAfter(Deadlines.today(tx.time()))) {
            throw new DomainException(
                    ErrorCode.BAD_REQUEST,
                    "the close of " + c.date() + " cannot be posted before that day",
                    Map.of("date", c.date(), "today", Deadlines.today(tx.time()).toString()));
        }
        ClosingPrices closes = new ClosingPrices(tx.state());
        closes.save(new ClosingPrices.Close(
                c.product().code(), c.day(), c.price(), tx.txId(), tx.time().toString()));
        return new ClosePosted(c.product().code(), c.date(), c.price(), tx.attribution());
    }
}
