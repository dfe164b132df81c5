package cn.ets.registry.gateway.deposits;

import static io.javalin.apibuilder.ApiBuilder.get;
import static io.javalin.apibuilder.ApiBuilder.post;

import cn.ets.registry.gateway.http.ErrorBody;
import cn.ets.registry.gateway.http.Http;
import cn.ets.registry.gateway.ledger.Ledger;
import io.javalin.http.Context;
import io.javalin.openapi.HttpMethod;
import io.javalin.openapi.OpenApi;
import io.javalin.openapi.OpenApiContent;
import io.javalin.openapi.OpenApiParam;
import io.javalin.openapi.OpenApiRequestBody;
import io.javalin.openapi.OpenApiRequired;
import io.javalin.openapi.OpenApiResponse;
import io.javalin.openapi.OpenApiSecurity;
import java.util.Objects;

/** Monthly deposits of a unit's monitoring data digests (SHA-256 and SM3), time-stamped by the ledger. */
public final class DepositEndpoints {
    private final Ledger ledger;

    public DepositEndpoints(Ledger ledger) {
        this.ledger = Objects.requireNonNull(ledger, "ledger");
    }

    public void routes() {
        post("/api/v1/deposits", this::deposit);
        get("/api/v1/deposits/{unitId}/{month}", this::read);
    }

    public record Deposit(@OpenApiRequired String unitId, @OpenApiRequired String month, @OpenApiRequired String sha256,
                          @OpenApiRequired String sm3) {
    }

    public record Deposited(@OpenApiRequired String unitId, @OpenApiRequired String month, @OpenApiRequired String sha256,
                            @OpenApiRequired String sm3, @OpenApiRequired String recordedAt, @OpenApiRequired boolean late,
                            Boolean matches, String txId, Boolean replayed) {
    }

    @OpenApi(path = "/api/v1/deposits", methods = HttpMethod.POST, tags = "deposits",
            summary = "Deposit the digests of a month's monitoring data (the unit); the ledger records the time and whether it was late",
            security = @OpenApiSecurity(name = "BearerAuth"),
            requestBody = @OpenApiRequestBody(required = true, content = @OpenApiContent(from = Deposit.class)),
            responses = {@OpenApiResponse(status = "201", content = @OpenApiContent(from = Deposited.class)),
                    @OpenApiResponse(status = "400", content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "403", content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "404", content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "409", content = @OpenApiContent(from = ErrorBody.class))})
    void deposit(Context ctx) {
        Http.json(ctx, 201, Http.submit(ledger, Http.caller(ctx), "deposits:deposit", Http.body(ctx).toString()));
    }

    @OpenApi(path = "/api/v1/deposits/{unitId}/{month}", methods = HttpMethod.GET, tags = "deposits",
            summary = "A unit's deposit for a month (public); with ?sha256= it adds whether that digest matches",
            security = @OpenApiSecurity(name = "BearerAuth"),
            pathParams = {@OpenApiParam(name = "unitId", required = true), @OpenApiParam(name = "month", required = true)},
            queryParams = @OpenApiParam(name = "sha256"),
            responses = {@OpenApiResponse(status = "200", content = @OpenApiContent(from = Deposited.class)),
                    @OpenApiResponse(status = "400", content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "404", content = @OpenApiContent(from = ErrorBody.class))})
    void read(Context ctx) {
        String sha256 = ctx.queryParam("sha256");
        Http.json(ctx, 200, Http.evaluate(ledger, Http.caller(ctx), "deposits:get", ctx.pathParam("unitId"), ctx.pathParam("month"),
                sha256 == null ? "" : sha256));
    }
}
