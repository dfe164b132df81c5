package cn.ets.registry.gateway.locks;

import static io.javalin.apibuilder.ApiBuilder.get;
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
import java.util.Objects;

/** Pledges (the holder) and freezes (the registry) of units in an account; release and enforcement. */
public final class LockEndpoints {
    private final Ledger ledger;

    public LockEndpoints(Ledger ledger) {
        this.ledger = Objects.requireNonNull(ledger, "ledger");
    }

    public void routes() {
        post("/api/v1/locks", this::lock);
        post("/api/v1/locks/{lockId}/release", this::release);
        post("/api/v1/locks/{lockId}/enforce", this::enforce);
        get("/api/v1/locks/{lockId}", this::read);
    }

    public record Lock(@OpenApiRequired String requestId, @OpenApiRequired String account, @OpenApiRequired String product,
                       @OpenApiRequired long quantity, @OpenApiRequired String kind, String pledgee, @OpenApiRequired String reason) {
    }

    public record Note(String requestId, String reason) {
    }

    public record LockView(@OpenApiRequired String lockId, String requestId, String account, String product, Long quantity,
                           String kind, String pledgee, String reason, String status, String txId, Boolean replayed) {
    }

    @OpenApi(path = "/api/v1/locks", methods = HttpMethod.POST, tags = "locks",
            summary = "Lock units in an account: a PLEDGE to a pledgee (the holder) or a FREEZE (the registry)",
            security = @OpenApiSecurity(name = "BearerAuth"),
            requestBody = @OpenApiRequestBody(required = true, content = @OpenApiContent(from = Lock.class)),
            responses = {@OpenApiResponse(status = "201", content = @OpenApiContent(from = LockView.class)),
                    @OpenApiResponse(status = "400", content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "403", content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "404", content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "409", content = @OpenApiContent(from = ErrorBody.class))})
    void lock(Context ctx) {
        Http.json(ctx, 201, Http.submit(ledger, Http.caller(ctx), "locks:lock", Http.body(ctx).toString()));
    }

    @OpenApi(path = "/api/v1/locks/{lockId}/release", methods = HttpMethod.POST, tags = "locks",
            summary = "Release a lock: the units are available again (the registry, or the pledgee for its pledge)",
            security = @OpenApiSecurity(name = "BearerAuth"),
            pathParams = @OpenApiParam(name = "lockId", required = true),
            requestBody = @OpenApiRequestBody(required = false, content = @OpenApiContent(from = Note.class)),
            responses = {@OpenApiResponse(status = "200", content = @OpenApiContent(from = LockView.class)),
                    @OpenApiResponse(status = "400", content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "403", content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "404", content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "409", content = @OpenApiContent(from = ErrorBody.class))})
    void release(Context ctx) {
        Http.json(ctx, 200, Http.submit(ledger, Http.caller(ctx), "locks:release", ctx.pathParam("lockId"), OptionalBody.of(ctx).toString()));
    }

    @OpenApi(path = "/api/v1/locks/{lockId}/enforce", methods = HttpMethod.POST, tags = "locks",
            summary = "Enforce a pledge: the units move to the pledgee's account (the pledgee)",
            security = @OpenApiSecurity(name = "BearerAuth"),
            pathParams = @OpenApiParam(name = "lockId", required = true),
            requestBody = @OpenApiRequestBody(required = false, content = @OpenApiContent(from = Note.class)),
            responses = {@OpenApiResponse(status = "200", content = @OpenApiContent(from = LockView.class)),
                    @OpenApiResponse(status = "400", content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "403", content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "404", content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "409", content = @OpenApiContent(from = ErrorBody.class))})
    void enforce(Context ctx) {
        Http.json(ctx, 200, Http.submit(ledger, Http.caller(ctx), "locks:enforce", ctx.pathParam("lockId"), OptionalBody.of(ctx).toString()));
    }

    @OpenApi(path = "/api/v1/locks/{lockId}", methods = HttpMethod.GET, tags = "locks",
            summary = "A lock", security = @OpenApiSecurity(name = "BearerAuth"),
            pathParams = @OpenApiParam(name = "lockId", required = true),
            responses = {@OpenApiResponse(status = "200", content = @OpenApiContent(from = LockView.class)),
                    @OpenApiResponse(status = "403", content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "404", content = @OpenApiContent(from = ErrorBody.class))})
    void read(Context ctx) {
        Http.json(ctx, 200, Http.evaluate(ledger, Http.caller(ctx), "locks:get", ctx.pathParam("lockId")));
    }
}
