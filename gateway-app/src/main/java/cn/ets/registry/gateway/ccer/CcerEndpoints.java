package cn.ets.registry.gateway.ccer;

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

/** CCER: project registration and issuance of serial-numbered batches (MEE); transfers go through settlements. */
public final class CcerEndpoints {
    private final Ledger ledger;

    public CcerEndpoints(Ledger ledger) {
        this.ledger = Objects.requireNonNull(ledger, "ledger");
    }

    public void routes() {
        post("/api/v1/ccer/projects", this::registerProject);
        get("/api/v1/ccer/projects/{id}", this::readProject);
        post("/api/v1/ccer/issuances", this::issue);
        get("/api/v1/ccer/batches/{product}", this::readBatch);
    }

    public record RegisterProject(@OpenApiRequired String id, @OpenApiRequired String name, @OpenApiRequired String methodology,
                                  @OpenApiRequired String owner, @OpenApiRequired String province,
                                  @OpenApiRequired boolean insideEtsBoundary) {
    }

    public record Project(@OpenApiRequired String id, @OpenApiRequired String name, @OpenApiRequired String methodology,
                          @OpenApiRequired String owner, @OpenApiRequired String province,
                          @OpenApiRequired boolean insideEtsBoundary, String txId, Boolean replayed) {
    }

    public record CcerIssue(@OpenApiRequired String requestId, @OpenApiRequired String projectId, @OpenApiRequired String periodStart,
                        @OpenApiRequired String periodEnd, @OpenApiRequired String vintage, @OpenApiRequired long quantity,
                        @OpenApiRequired boolean legacy) {
    }

    public record CcerBatch(@OpenApiRequired String product, @OpenApiRequired String serialStart, @OpenApiRequired String serialEnd,
                        @OpenApiRequired String owner, String requestId, String projectId, String periodStart, String periodEnd,
                        String vintage, Long quantity, Boolean legacy, String txId, Boolean replayed) {
    }

    @OpenApi(path = "/api/v1/ccer/projects", methods = HttpMethod.POST, tags = "ccer",
            summary = "Register a CCER project (MEE)", security = @OpenApiSecurity(name = "BearerAuth"),
            requestBody = @OpenApiRequestBody(required = true, content = @OpenApiContent(from = RegisterProject.class)),
            responses = {@OpenApiResponse(status = "201", content = @OpenApiContent(from = Project.class)),
                    @OpenApiResponse(status = "400", content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "403", content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "404", content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "409", content = @OpenApiContent(from = ErrorBody.class))})
    void registerProject(Context ctx) {
        Http.json(ctx, 201, Http.submit(ledger, Http.caller(ctx), "ccer:registerProject", Http.body(ctx).toString()));
    }

    @OpenApi(path = "/api/v1/ccer/projects/{id}", methods = HttpMethod.GET, tags = "ccer",
            summary = "A CCER project", security = @OpenApiSecurity(name = "BearerAuth"),
            pathParams = @OpenApiParam(name = "id", required = true),
            responses = {@OpenApiResponse(status = "200", content = @OpenApiContent(from = Project.class)),
                    @OpenApiResponse(status = "404", content = @OpenApiContent(from = ErrorBody.class))})
    void readProject(Context ctx) {
        Http.json(ctx, 200, Http.evaluate(ledger, Http.caller(ctx), "ccer:getProject", ctx.pathParam("id")));
    }

    @OpenApi(path = "/api/v1/ccer/issuances", methods = HttpMethod.POST, tags = "ccer",
            summary = "Issue a CCER batch for a monitoring period to the project owner's account (MEE); periods of a project never overlap",
            security = @OpenApiSecurity(name = "BearerAuth"),
            requestBody = @OpenApiRequestBody(required = true, content = @OpenApiContent(from = CcerIssue.class)),
            responses = {@OpenApiResponse(status = "201", content = @OpenApiContent(from = CcerBatch.class)),
                    @OpenApiResponse(status = "400", content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "403", content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "404", content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "409", content = @OpenApiContent(from = ErrorBody.class))})
    void issue(Context ctx) {
        Http.json(ctx, 201, Http.submit(ledger, Http.caller(ctx), "ccer:issue", Http.body(ctx).toString()));
    }

    @OpenApi(path = "/api/v1/ccer/batches/{product}", methods = HttpMethod.GET, tags = "ccer",
            summary = "A CCER batch (CCER-<batch>) with its serial range", security = @OpenApiSecurity(name = "BearerAuth"),
            pathParams = @OpenApiParam(name = "product", required = true),
            responses = {@OpenApiResponse(status = "200", content = @OpenApiContent(from = CcerBatch.class)),
                    @OpenApiResponse(status = "400", content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "404", content = @OpenApiContent(from = ErrorBody.class))})
    void readBatch(Context ctx) {
        Http.json(ctx, 200, Http.evaluate(ledger, Http.caller(ctx), "ccer:getBatch", ctx.pathParam("product")));
    }
}
