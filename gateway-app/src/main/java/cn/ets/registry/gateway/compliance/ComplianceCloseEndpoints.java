package cn.ets.registry.gateway.compliance;

import static io.javalin.apibuilder.ApiBuilder.post;

import cn.ets.registry.gateway.http.ErrorBody;
import cn.ets.registry.gateway.http.Http;
import cn.ets.registry.gateway.http.OptionalBody;
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
import java.util.List;
import java.util.Objects;

/** Closing a compliance year (MEE): shortfalls, fine ranges, deductions and carry-over limits. */
public final class ComplianceCloseEndpoints {
    private final Ledger ledger;

    public ComplianceCloseEndpoints(Ledger ledger) {
        this.ledger = Objects.requireNonNull(ledger, "ledger");
    }

    public void routes() {
        post("/api/v1/compliance/{year}/close", this::close);
    }

    public record Close(String requestId) {
    }

    public record Closed(@OpenApiRequired int year, @OpenApiRequired boolean closed,
                         @OpenApiRequired List<ComplianceEndpoints.Compliance> units, String txId, Boolean replayed) {
    }

    @OpenApi(path = "/api/v1/compliance/{year}/close", methods = HttpMethod.POST, tags = "compliance",
            summary = "Close a compliance year (MEE): each unit with a shortfall gets a fine range, the average price and a deduction from next year's allocation",
            security = @OpenApiSecurity(name = "BearerAuth"),
            pathParams = @OpenApiParam(name = "year", required = true),
            requestBody = @OpenApiRequestBody(required = false, content = @OpenApiContent(from = Close.class)),
            responses = {@OpenApiResponse(status = "200", content = @OpenApiContent(from = Closed.class)),
                    @OpenApiResponse(status = "400", content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "403", content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "404", content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "409", content = @OpenApiContent(from = ErrorBody.class))})
    void close(Context ctx) {
        Http.json(ctx, 200, Http.submit(ledger, Http.caller(ctx), "compliance:close", ctx.pathParam("year"), OptionalBody.of(ctx).toString()));
    }
}
