package cn.ets.registry.chaincode.usecases.settlement;

import cn.ets.registry.api.Catalogue;
import cn.ets.registry.api.Refusal;
import cn.ets.registry.api.SettlementApi.BatchResult;
import cn.ets.registry.api.SettlementApi.BatchResults;
import cn.ets.registry.api.SettlementApi.Settle;
import cn.ets.registry.api.SettlementApi.SettleMany;
import cn.ets.registry.api.SettlementApi.Settled;
import cn.ets.registry.chaincode.json.CanonicalJson;
import cn.ets.registry.chaincode.json.CommandDecoder;
import cn.ets.registry.chaincode.json.Fields;
import cn.ets.registry.chaincode.tx.Pipeline;
import cn.ets.registry.chaincode.tx.Tx;
import cn.ets.registry.chaincode.tx.UseCase;
import cn.ets.registry.domain.DomainException;
import cn.ets.registry.domain.identity.Permissions;
import cn.ets.registry.domain.identity.Role;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Many trades in one transaction, each on its own: every trade goes through the same pipeline
 * steps as a single settlement (so a trade settled alone before is replayed, not settled again), a
 * refused trade is rolled back alone and reported, the others settle. The gateway sends the trades
 * of accounts that share trades here, so a hot account costs one transaction per batch instead of
 * one MVCC conflict per trade.
 */
public final class SettleTrades implements UseCase<SettleMany, BatchResults> {
    private final SettleTrade single = new SettleTrade();

    @Override
    public void authorise(Tx tx, SettleMany c) {
        Permissions.requireRole(tx.actor(), Role.EXCHANGE, "post trades for settlement");
    }

    @Override
    public BatchResults execute(Tx tx, SettleMany c) {
        Fields body = Fields.of(c.body(), "");
        body.requireOnly(List.of("trades"));
        var trades = body.array("trades");
        if (trades.size() > SettleMany.MAX_TRADES_PER_TX) {
            throw DomainException.badRequest("at most " + SettleMany.MAX_TRADES_PER_TX + " trades per transaction");
        }
        List<BatchResult> results = new ArrayList<>();
        List<Settled> settled = new ArrayList<>();
        for (JsonElement element : trades) {
            Pipeline.Ran[] ran = new Pipeline.Ran[1];
            Optional<DomainException> refusal = tx.attempt(() -> {
                if (!element.isJsonObject()) {
                    throw DomainException.badRequest("each trade must be a JSON object");
                }
                JsonObject trade = element.getAsJsonObject();
                Settle settle = CommandDecoder.decode(Settle.class, Fields.of(trade, ""));
                ran[0] = Pipeline.handle(
                        tx, Catalogue.SETTLE, single, settle, Pipeline.fingerprint(Catalogue.SETTLE, trade));
            });
            if (refusal.isPresent()) {
                DomainException e = refusal.get();
                results.add(new BatchResult(
                        tradeIdOf(element),
                        "REJECTED",
                        null,
                        null,
                        new Refusal(e.code().name(), e.getMessage(), e.details())));
            } else {
                Settled s = CanonicalJson.read(CanonicalJson.write(ran[0].result()), Settled.class);
                results.add(new BatchResult(s.tradeId(), s.status(), s, ran[0].replayed(), null));
                if (!ran[0].replayed()) {
                    settled.add(s);
                }
            }
        }
        if (!settled.isEmpty()) {
            tx.emit("TradesSettled", new TradesSettled(settled));
        }
        return new BatchResults(results);
    }

    private static String tradeIdOf(JsonElement e) {
        if (e.isJsonObject()
                && e.getAsJsonObject().has("tradeId")
                && e.getAsJsonObject().get("tradeId").isJsonPrimitive()) {
            return e.getAsJsonObject().get("tradeId").getAsString();
        }
        return null;
    }

    /** The event of a batch: the trades it settled (replays excluded). */
    record TradesSettled(List<Settled> trades) {}
}
