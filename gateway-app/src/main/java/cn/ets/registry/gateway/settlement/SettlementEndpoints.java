package cn.ets.registry.gateway.settlement;

import cn.ets.registry.api.Catalogue;
import cn.ets.registry.api.SettlementApi.Batch;
import cn.ets.registry.api.SettlementApi.BatchResults;
import cn.ets.registry.chaincode.json.Fields;
import cn.ets.registry.gateway.http.ApiError;
import cn.ets.registry.gateway.http.CatalogueEndpoints;
import cn.ets.registry.gateway.http.Endpoint;
import cn.ets.registry.gateway.http.Http;
import cn.ets.registry.gateway.identity.Caller;
import cn.ets.registry.gateway.ledger.Ledger;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The exchange posts matched trades. Single trades posted while others are in flight are settled
 * together, one transaction per group ({@link SettlementGroups}), each answered on its own; a batch
 * is grouped by shared accounts into transactions (see {@link BatchSettlement}).
 */
public final class SettlementEndpoints {
    static final int MAX_BATCH = 1000;
    private final Ledger ledger;
    private final BatchSettlement batch;
    private final SettlementGroups groups;

    public SettlementEndpoints(Ledger ledger, BatchSettlement batch, SettlementGroups groups) {
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.batch = Objects.requireNonNull(batch, "batch");
        this.groups = Objects.requireNonNull(groups, "groups");
    }

    public List<Endpoint> endpoints() {
        return List.of(
                CatalogueEndpoints.of(Catalogue.SETTLE, ctx -> {
                    Caller caller = Http.caller(ctx);
                    JsonObject body = Http.body(ctx);
                    Http.json(ctx, 201, groups.settle(caller, body));
                }),
                new Endpoint(
                        "POST",
                        "/api/v1/settlements/batch",
                        200,
                        "EXCHANGE",
                        "Settle up to " + MAX_BATCH
                                + " trades, each on its own (a refused trade does not stop the others)",
                        "settlement",
                        Batch.class,
                        true,
                        BatchResults.class,
                        "application/json",
                        false,
                        List.of(),
                        false,
                        ctx -> {
                            Caller caller = Http.caller(ctx);
                            JsonObject body = Http.body(ctx);
                            Fields.of(body, "").requireOnly(List.of("trades"));
                            JsonElement trades = body.get("trades");
                            if (trades == null || !trades.isJsonArray()) {
                                throw new ApiError("BAD_REQUEST", "field 'trades' must be an array of trades");
                            }
                            if (trades.getAsJsonArray().size() > MAX_BATCH) {
                                throw new ApiError("BAD_REQUEST", "a batch holds at most " + MAX_BATCH + " trades");
                            }
                            List<JsonElement> list = new ArrayList<>();
                            trades.getAsJsonArray().forEach(list::add);
                            JsonArray results = new JsonArray();
                            batch.settle(caller, list).forEach(results::add);
                            JsonObject out = new JsonObject();
                            out.add("results", results);
                            Http.json(ctx, 200, out.toString());
                        }));
    }
}
