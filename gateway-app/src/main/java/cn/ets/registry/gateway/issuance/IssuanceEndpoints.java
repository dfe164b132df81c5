package cn.ets.registry.gateway.issuance;

import static io.javalin.apibuilder.ApiBuilder.post;

import cn.ets.registry.gateway.http.ErrorBody;
import cn.ets.registry.gateway.http.Http;
import cn.ets.registry.gateway.ledger.Ledger;
import io.javalin.http.Context;
import io.javalin.openapi.HttpMethod;
import io.javalin.openapi.OpenApi;
import io.javalin.openapi.OpenApiContent;
import io.javalin.openapi.OpenApiRequestBody;
import io.javalin.openapi.OpenApiRequired;
import io.javalin.openapi.OpenApiResponse;
import io.javalin.openapi.OpenApiSecurity;
import java.util.Objects;

/** Issuance by MEE and distribution MEE → province → unit. */
public final class IssuanceEndpoints {
    private final Ledger ledger;

    public IssuanceEndpoints(Ledger ledger) {
        this.ledger = Objects.requireNonNull(ledger, "ledger");
    }

    public void routes() {
        post("/api/v1/issuances", this::issue);
        post("/api/v1/distributions", this::distribute);
    }

    public record Issue(@OpenApiRequired String requestId, @OpenApiRequired String product, @OpenApiRequired long quantity) {
    }

    public record Issued(@OpenApiRequired String requestId, @OpenApiRequired String product, @OpenApiRequired long quantity,
                         @OpenApiRequired String account, @OpenApiRequired String txId, @OpenApiRequired boolean replayed) {
    }

    public record Distribute(@OpenApiRequired String requestId, @OpenApiRequired String product, @OpenApiRequired String from,
                             @OpenApiRequired String to, @OpenApiRequired long quantity) {
    }

    public record Distributed(@OpenApiRequired String requestId, @OpenApiRequired String product, @OpenApiRequired String from,
                              @OpenApiRequired String to, @OpenApiRequired long quantity, @OpenApiRequired String txId,
                              @OpenApiRequired boolean replayed) {
    }

    @OpenApi(path = "/api/v1/issuances", methods = HttpMethod.POST, tags = "issuance",
            summary = "Issue CEA of a vintage into the MEE account (MEE only)", security = @OpenApiSecurity(name = "BearerAuth"),
            requestBody = @OpenApiRequestBody(required = true, content = @OpenApiContent(from = Issue.class)),
            responses = {@OpenApiResponse(status = "201", content = @OpenApiContent(from = Issued.class)),
                    @OpenApiResponse(status = "400", content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "403", content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "409", content = @OpenApiContent(from = ErrorBody.class))})
    void issue(Context ctx) {
        Http.json(ctx, 201, Http.submit(ledger, Http.caller(ctx), "issuance:issue", Http.body(ctx).toString()));
    }

    @OpenApi(path = "/api/v1/distributions", methods = HttpMethod.POST, tags = "issuance",
            summary = "Move allowances MEE → province (MEE) or province → its unit (PROVINCE)", security = @OpenApiSecurity(name = "BearerAuth"),
            requestBody = @OpenApiRequestBody(required = true, content = @OpenApiContent(from = Distribute.class)),
            responses = {@OpenApiResponse(status = "201", content = @OpenApiContent(from = Distributed.class)),
                    @OpenApiResponse(status = "400", content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "403", content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "404", content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "409", content = @OpenApiContent(from = ErrorBody.class))})
    void distribute(Context ctx) {
        Http.json(ctx, 201, Http.submit(ledger, Http.caller(ctx), "distribution:distribute", Http.body(ctx).toString()));
    }
}
