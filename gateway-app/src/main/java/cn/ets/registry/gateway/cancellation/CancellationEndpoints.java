package cn.ets.registry.gateway.cancellation;

import static io.javalin.apibuilder.ApiBuilder.get;
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
import java.util.List;
import java.util.Objects;

/** Voluntary cancellation by any holder, with a public record. */
public final class CancellationEndpoints {
    private final Ledger ledger;

    public CancellationEndpoints(Ledger ledger) {
        this.ledger = Objects.requireNonNull(ledger, "ledger");
    }

    public void routes() {
        post("/api/v1/cancellations", this::cancel);
        get("/api/v1/cancellations", this::list);
    }

    public record Cancel(@OpenApiRequired String requestId, @OpenApiRequired String account, @OpenApiRequired String product,
                         @OpenApiRequired long quantity, @OpenApiRequired String purpose, String beneficiary) {
    }

    public record Cancelled(@OpenApiRequired String requestId, @OpenApiRequired String account, @OpenApiRequired String product,
                            @OpenApiRequired long quantity, @OpenApiRequired String purpose, String beneficiary,
                            @OpenApiRequired String txId, @OpenApiRequired String time, @OpenApiRequired boolean replayed) {
    }

    public record CancellationList(@OpenApiRequired List<Cancelled> cancellations) {
    }

    @OpenApi(path = "/api/v1/cancellations", methods = HttpMethod.POST, tags = "cancellation",
            summary = "Cancel units voluntarily for a public-good purpose (the holder)", security = @OpenApiSecurity(name = "BearerAuth"),
            requestBody = @OpenApiRequestBody(required = true, content = @OpenApiContent(from = Cancel.class)),
            responses = {@OpenApiResponse(status = "201", content = @OpenApiContent(from = Cancelled.class)),
                    @OpenApiResponse(status = "400", content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "403", content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "409", content = @OpenApiContent(from = ErrorBody.class))})
    void cancel(Context ctx) {
        Http.json(ctx, 201, Http.submit(ledger, Http.caller(ctx), "cancellation:cancel", Http.body(ctx).toString()));
    }

    @OpenApi(path = "/api/v1/cancellations", methods = HttpMethod.GET, tags = "cancellation",
            summary = "Every voluntary cancellation (public)", security = @OpenApiSecurity(name = "BearerAuth"),
            responses = @OpenApiResponse(status = "200", content = @OpenApiContent(from = CancellationList.class)))
    void list(Context ctx) {
        Http.json(ctx, 200, Http.evaluate(ledger, Http.caller(ctx), "cancellation:list"));
    }
}
