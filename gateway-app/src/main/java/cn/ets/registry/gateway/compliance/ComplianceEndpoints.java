package cn.ets.registry.gateway.compliance;

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
import java.util.List;
import java.util.Objects;

/** Verified emissions, surrender and the public compliance status. */
public final class ComplianceEndpoints {
    private final Ledger ledger;

    public ComplianceEndpoints(Ledger ledger) {
        this.ledger = Objects.requireNonNull(ledger, "ledger");
    }

    public void routes() {
        post("/api/v1/emissions", this::emissions);
        post("/api/v1/surrenders", this::surrender);
        get("/api/v1/compliance/{year}/{unitId}", this::unitYear);
        get("/api/v1/compliance/{year}", this::year);
    }

    public record Emissions(@OpenApiRequired String unitId, @OpenApiRequired int year, @OpenApiRequired long verifiedEmissions) {
    }

    public record Item(@OpenApiRequired String product, @OpenApiRequired long quantity) {
    }

    public record Surrender(@OpenApiRequired String requestId, @OpenApiRequired String unitId, @OpenApiRequired int year,
                            @OpenApiRequired List<Item> items) {
    }

    public record Compliance(@OpenApiRequired String unitId, @OpenApiRequired String province, int year,
                             @OpenApiRequired long obligation, @OpenApiRequired long surrendered, @OpenApiRequired long offsetUsed,
                             @OpenApiRequired long shortfall, @OpenApiRequired String status, Boolean closed,
                             String averagePrice, String penaltyMin, String penaltyMax, Long deduction, Long carryOverLimit) {
    }

    public record Surrendered(@OpenApiRequired String requestId, @OpenApiRequired String unitId, @OpenApiRequired int year,
                              @OpenApiRequired List<Item> items, @OpenApiRequired List<String> flow,
                              @OpenApiRequired Compliance compliance, @OpenApiRequired boolean late, @OpenApiRequired String txId,
                              @OpenApiRequired boolean replayed) {
    }

    public record YearDisclosure(@OpenApiRequired int year, @OpenApiRequired List<Compliance> units) {
    }

    @OpenApi(path = "/api/v1/emissions", methods = HttpMethod.POST, tags = "compliance",
            summary = "Record a unit's verified emissions for a year: its surrender obligation (the unit's province)", security = @OpenApiSecurity(name = "BearerAuth"),
            requestBody = @OpenApiRequestBody(required = true, content = @OpenApiContent(from = Emissions.class)),
            responses = {@OpenApiResponse(status = "201", content = @OpenApiContent(from = Compliance.class)),
                    @OpenApiResponse(status = "400", content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "403", content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "404", content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "409", content = @OpenApiContent(from = ErrorBody.class))})
    void emissions(Context ctx) {
        Http.json(ctx, 201, Http.submit(ledger, Http.caller(ctx), "compliance:recordEmissions", Http.body(ctx).toString()));
    }

    @OpenApi(path = "/api/v1/surrenders", methods = HttpMethod.POST, tags = "compliance",
            summary = "Surrender units against a year's obligation (the unit); CEA and up to the offset cap of CCER", security = @OpenApiSecurity(name = "BearerAuth"),
            requestBody = @OpenApiRequestBody(required = true, content = @OpenApiContent(from = Surrender.class)),
            responses = {@OpenApiResponse(status = "201", content = @OpenApiContent(from = Surrendered.class)),
                    @OpenApiResponse(status = "400", content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "403", content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "404", content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "409", content = @OpenApiContent(from = ErrorBody.class))})
    void surrender(Context ctx) {
        Http.json(ctx, 201, Http.submit(ledger, Http.caller(ctx), "surrender:surrender", Http.body(ctx).toString()));
    }

    @OpenApi(path = "/api/v1/compliance/{year}/{unitId}", methods = HttpMethod.GET, tags = "compliance",
            summary = "A unit's compliance status for a year (public)", security = @OpenApiSecurity(name = "BearerAuth"),
            pathParams = {@OpenApiParam(name = "year", required = true), @OpenApiParam(name = "unitId", required = true)},
            responses = {@OpenApiResponse(status = "200", content = @OpenApiContent(from = Compliance.class)),
                    @OpenApiResponse(status = "404", content = @OpenApiContent(from = ErrorBody.class))})
    void unitYear(Context ctx) {
        Http.json(ctx, 200, Http.evaluate(ledger, Http.caller(ctx), "compliance:get", ctx.pathParam("year"), ctx.pathParam("unitId")));
    }

    @OpenApi(path = "/api/v1/compliance/{year}", methods = HttpMethod.GET, tags = "compliance",
            summary = "Public disclosure of a year: every unit's obligation, surrender, offsets and status", security = @OpenApiSecurity(name = "BearerAuth"),
            pathParams = @OpenApiParam(name = "year", required = true),
            responses = @OpenApiResponse(status = "200", content = @OpenApiContent(from = YearDisclosure.class)))
    void year(Context ctx) {
        Http.json(ctx, 200, Http.evaluate(ledger, Http.caller(ctx), "compliance:listYear", ctx.pathParam("year")));
    }
}
