package cn.ets.registry.gateway.settlement;

import static io.javalin.apibuilder.ApiBuilder.get;
import static io.javalin.apibuilder.ApiBuilder.post;

import cn.ets.registry.gateway.http.ApiError;
import cn.ets.registry.gateway.http.ErrorBody;
import cn.ets.registry.gateway.http.Http;
import cn.ets.registry.gateway.ledger.Ledger;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.javalin.http.Context;
import io.javalin.openapi.HttpMethod;
import io.javalin.openapi.OpenApi;
import io.javalin.openapi.OpenApiContent;
import io.javalin.openapi.OpenApiParam;
import io.javalin.openapi.OpenApiRequestBody;
import io.javalin.openapi.OpenApiRequired;
import io.javalin.openapi.OpenApiResponse;
import io.javalin.openapi.OpenApiSecurity;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** The exchange posts matched trades; the registry settles each trade in full, at most once. */
public final class SettlementEndpoints {
    static final int MAX_BATCH = 1000;
    private final Ledger ledger;
    private final BatchSettlement batch;
    private final AccountOrdering ordering;

    public SettlementEndpoints(Ledger ledger, BatchSettlement batch, AccountOrdering ordering) {
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.batch = Objects.requireNonNull(batch, "batch");
        this.ordering = Objects.requireNonNull(ordering, "ordering");
    }

    public void routes() {
        post("/api/v1/settlements", this::settle);
        post("/api/v1/settlements/batch", this::settleBatch);
        get("/api/v1/settlements/{tradeId}", this::read);
    }

    public record Trade(@OpenApiRequired String tradeId, @OpenApiRequired String product, @OpenApiRequired String seller,
                        @OpenApiRequired String buyer, @OpenApiRequired long quantity, @OpenApiRequired String price,
                        @OpenApiRequired String mode, @OpenApiRequired String tradedAt) {
    }

    public record Settlement(@OpenApiRequired String tradeId, @OpenApiRequired String status, @OpenApiRequired String product,
                             @OpenApiRequired String seller, @OpenApiRequired String buyer, @OpenApiRequired long quantity,
                             @OpenApiRequired String price, @OpenApiRequired String amount, @OpenApiRequired String mode,
                             @OpenApiRequired String tradedAt, @OpenApiRequired String settledAt, @OpenApiRequired String txId,
                             boolean replayed) {
    }

    public record Batch(@OpenApiRequired List<Trade> trades) {
    }

    public record BatchResult(@OpenApiRequired String tradeId, @OpenApiRequired String status, ErrorBody.Error error) {
    }

    public record BatchResults(@OpenApiRequired List<BatchResult> results) {
    }

    @OpenApi(path = "/api/v1/settlements", methods = HttpMethod.POST, tags = "settlement",
            summary = "Settle one matched trade (exchange); a repeated tradeId returns the first settlement", security = @OpenApiSecurity(name = "BearerAuth"),
            requestBody = @OpenApiRequestBody(required = true, content = @OpenApiContent(from = Trade.class)),
            responses = {@OpenApiResponse(status = "201", content = @OpenApiContent(from = Settlement.class)),
                    @OpenApiResponse(status = "400", content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "403", content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "404", content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "409", content = @OpenApiContent(from = ErrorBody.class))})
    void settle(Context ctx) {
        var caller = Http.caller(ctx);
        JsonObject body = Http.body(ctx);
        List<String> parties = new ArrayList<>();
        for (String f : new String[] {"seller", "buyer"}) {
            if (body.has(f) && body.get(f).isJsonPrimitive()) {
                parties.add(body.get(f).getAsString());
            }
        }
        Http.json(ctx, 201, ordering.inOrder(parties, () -> Http.submit(ledger, caller, "settlement:settle", body.toString())));
    }

    @OpenApi(path = "/api/v1/settlements/batch", methods = HttpMethod.POST, tags = "settlement",
            summary = "Settle many trades, each on its own (one rejected trade does not stop the others)", security = @OpenApiSecurity(name = "BearerAuth"),
            requestBody = @OpenApiRequestBody(required = true, content = @OpenApiContent(from = Batch.class)),
            responses = {@OpenApiResponse(status = "200", content = @OpenApiContent(from = BatchResults.class)),
                    @OpenApiResponse(status = "400", content = @OpenApiContent(from = ErrorBody.class))})
    void settleBatch(Context ctx) throws InterruptedException {
        var caller = Http.caller(ctx);
        JsonObject body = Http.body(ctx);
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
    }

    @OpenApi(path = "/api/v1/settlements/{tradeId}", methods = HttpMethod.GET, tags = "settlement",
            summary = "A settled trade (exchange, registry, the two parties)", security = @OpenApiSecurity(name = "BearerAuth"),
            pathParams = @OpenApiParam(name = "tradeId", required = true),
            responses = {@OpenApiResponse(status = "200", content = @OpenApiContent(from = Settlement.class)),
                    @OpenApiResponse(status = "403", content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "404", content = @OpenApiContent(from = ErrorBody.class))})
    void read(Context ctx) {
        Http.json(ctx, 200, Http.evaluate(ledger, Http.caller(ctx), "settlement:get", ctx.pathParam("tradeId")));
    }
}
