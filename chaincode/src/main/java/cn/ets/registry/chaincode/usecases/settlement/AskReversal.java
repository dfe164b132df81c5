package cn.ets.registry.chaincode.usecases.settlement;

import cn.ets.registry.api.DvpApi.RequestReversal;
import cn.ets.registry.api.DvpApi.ReversalStep;
import cn.ets.registry.api.SettlementApi.Settled;
import cn.ets.registry.chaincode.json.CanonicalJson;
import cn.ets.registry.chaincode.state.Keys;
import cn.ets.registry.chaincode.state.Replays;
import cn.ets.registry.chaincode.state.SettlementBook;
import cn.ets.registry.chaincode.tx.Tx;
import cn.ets.registry.chaincode.tx.UseCase;
import cn.ets.registry.domain.DomainException;
import cn.ets.registry.domain.ErrorCode;
import cn.ets.registry.domain.dvp.DvpTrade;
import cn.ets.registry.domain.dvp.Reversal;
import cn.ets.registry.domain.identity.Permissions;
import cn.ets.registry.domain.identity.Role;
import java.util.Map;
import java.util.Optional;

/**
 * The exchange asks for an erroneous settled trade (single-step or DvP) to be reversed, with its
 * reason; the registry decides. One reversal per trade; a DvP trade must have SETTLED.
 */
public final class AskReversal implements UseCase<RequestReversal, ReversalStep> {

    @Override
    public void authorise(Tx tx, RequestReversal c) {
        Permissions.requireRole(tx.actor(), Role.EXCHANGE, "request the reversal of a trade");
    }

    @Override
    public ReversalStep execute(Tx tx, RequestReversal c) {
        SettlementBook book = new SettlementBook(tx.state());
        if (book.findReversal(c.tradeId()).isPresent()) {
            throw new DomainException(
                    ErrorCode.CONFLICT,
                    "the reversal of trade " + c.tradeId() + " was already requested",
                    Map.of("tradeId", c.tradeId()));
        }
        Reversal r;
        Optional<DvpTrade> dvp = book.findDvp(c.tradeId());
        if (dvp.isPresent()) {
            DvpTrade t = dvp.get();
            if (!DvpTrade.SETTLED.equals(t.status())) {
                throw new DomainException(
                        ErrorCode.CONFLICT,
                        "trade " + c.tradeId() + " is " + t.status() + "; only a settled trade is reversed",
                        Map.of("tradeId", c.tradeId(), "status", t.status()));
            }
            r = Reversal.request(
                    t.tradeId(),
                    SettlementBook.DVP,
                    t.mode(),
                    t.product(),
                    t.seller(),
                    t.buyer(),
                    t.quantity(),
                    t.amount(),
                    c.reason(),
                    tx.txId());
        } else {
            Settled s = new Replays(tx.state())
                    .result(Keys.TRADE, c.tradeId())
                    .map(json -> CanonicalJson.read(CanonicalJson.write(json), Settled.class))
                    .orElseThrow(() -> new DomainException(
                            ErrorCode.NOT_FOUND,
                            "no settled trade '" + c.tradeId() + "'",
                            Map.of("tradeId", c.tradeId())));
            r = Reversal.request(
                    s.tradeId(),
                    SettlementBook.SINGLE_STEP,
                    s.mode(),
                    s.product(),
                    s.seller(),
                    s.buyer(),
                    s.quantity(),
                    s.amount(),
                    c.reason(),
                    tx.txId());
        }
        book.saveReversal(r);
        return new ReversalStep(TradeSteps.view(tx, r), tx.attribution());
    }
}
