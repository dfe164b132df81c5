package cn.ets.registry.chaincode.usecases.settlement;

import cn.ets.registry.api.SettlementApi.Get;
import cn.ets.registry.api.SettlementApi.Settled;
import cn.ets.registry.chaincode.json.CanonicalJson;
import cn.ets.registry.chaincode.state.Books;
import cn.ets.registry.chaincode.state.Keys;
import cn.ets.registry.chaincode.state.Replays;
import cn.ets.registry.chaincode.tx.Tx;
import cn.ets.registry.chaincode.tx.UseCase;
import cn.ets.registry.domain.DomainException;
import cn.ets.registry.domain.ErrorCode;
import cn.ets.registry.domain.identity.Actor;
import cn.ets.registry.domain.identity.Permissions;
import cn.ets.registry.domain.identity.ReadAccess;
import java.util.Map;

/** A settled trade, as settled: for the exchange, the registry, MEE, the two parties and the province of either. */
public final class ReadSettlement implements UseCase<Get, Settled> {

    @Override
    public void authorise(Tx tx, Get c) {
        Settled s = find(tx, c.tradeId());
        Actor a = tx.actor();
        if (!ReadAccess.trade(a, s.seller(), province(tx, s.seller()), s.buyer(), province(tx, s.buyer()))) {
            throw Permissions.forbidden(a, "read trade " + c.tradeId());
        }
    }

    @Override
    public Settled execute(Tx tx, Get c) {
        return find(tx, c.tradeId());
    }

    private static String province(Tx tx, String accountId) {
        return new Books(tx.state())
                .findAccount(accountId)
                .map(acct -> acct.province())
                .orElse(null);
    }

    private static Settled find(Tx tx, String tradeId) {
        return new Replays(tx.state())
                .result(Keys.TRADE, tradeId)
                .map(json -> CanonicalJson.read(CanonicalJson.write(json), Settled.class))
                .orElseThrow(() -> new DomainException(
                        ErrorCode.NOT_FOUND, "no settled trade '" + tradeId + "'", Map.of("tradeId", tradeId)));
    }
}
