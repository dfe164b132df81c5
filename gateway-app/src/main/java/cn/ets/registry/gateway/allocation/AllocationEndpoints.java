package cn.ets.registry.gateway.allocation;

import static io.javalin.apibuilder.ApiBuilder.get;
import static io.javalin.apibuilder.ApiBuilder.post;

import cn.ets.registry.gateway.http.ErrorBody;
import cn.ets.registry.gateway.http.Http;
import cn.ets.registry.gateway.ledger.Ledger;
import io.javalin.http.Context;
import io.javalin.openapi.HttpMethod;
import io.javalin.openapi.OpenApi;
import io.javalin.openapi.OpenApiContent;
import io.javalin.openapi.OpenApiName;
import io.javalin.openapi.OpenApiParam;
import io.javalin.openapi.OpenApiRequestBody;
import io.javalin.openapi.OpenApiRequired;
import io.javalin.openapi.OpenApiResponse;
import io.javalin.openapi.OpenApiSecurity;
import java.util.List;
import java.util.Objects;

/** Allocation: the formula preview, pre-allocation, final allocation with true-up, adjustments and allocation debt. */
public final class AllocationEndpoints {
    private final Ledger ledger;

    public AllocationEndpoints(Ledger ledger) {
        this.ledger = Objects.requireNonNull(ledger, "ledger");
    }

    public void routes() {
        post("/api/v1/allocation/preview", this::preview);
        post("/api/v1/allocations/pre", this::preAllocate);
        post("/api/v1/allocations/final", this::finalise);
        post("/api/v1/allocations/adjustments", this::adjust);
        post("/api/v1/allocations/debt/collect", this::collectDebt);
        get("/api/v1/allocations/{year}/{unitId}", this::read);
    }

    public record Facility(@OpenApiRequired String category, @OpenApiRequired double electricityMWh,
                           @OpenApiRequired double heatGJ, @OpenApiRequired double loadFactor) {
    }

    public record Preview(@OpenApiRequired String sector, @OpenApiRequired int year, @OpenApiRequired long verifiedEmissions,
                          @OpenApiRequired List<Facility> facilities) {
    }

    public record PreviewResult(@OpenApiRequired long computed, @OpenApiRequired long adjustedTo,
                                @OpenApiRequired @OpenApiName("final") long finalAllocation, String rule) {
    }

    public record PreAllocate(@OpenApiRequired String requestId, @OpenApiRequired String unitId, @OpenApiRequired int year) {
    }

    public record PreAllocated(@OpenApiRequired String requestId, @OpenApiRequired String unitId, @OpenApiRequired int year,
                               @OpenApiRequired long quantity, String product, @OpenApiRequired String txId, @OpenApiRequired boolean replayed) {
    }

    public record Finalise(@OpenApiRequired String requestId, @OpenApiRequired String unitId, @OpenApiRequired int year,
                           @OpenApiRequired String sector, @OpenApiRequired List<Facility> facilities) {
    }

    public record Finalised(@OpenApiRequired String requestId, @OpenApiRequired String unitId, @OpenApiRequired int year,
                            @OpenApiRequired @OpenApiName("final") long finalAllocation, @OpenApiRequired long preAllocated,
                            @OpenApiRequired long trueUp, Long deducted, Long clawedBack, Long debt, String rule,
                            @OpenApiRequired String txId, @OpenApiRequired boolean replayed) {
    }

    public record Adjust(@OpenApiRequired String requestId, @OpenApiRequired String unitId, @OpenApiRequired int year,
                         @OpenApiRequired long quantity, @OpenApiRequired String reason, String note) {
    }

    public record Adjusted(@OpenApiRequired String requestId, @OpenApiRequired String unitId, @OpenApiRequired int year,
                           @OpenApiRequired long quantity, @OpenApiRequired String reason, String note, Long clawedBack,
                           Long debt, @OpenApiRequired String txId, @OpenApiRequired boolean replayed) {
    }

    public record CollectDebt(@OpenApiRequired String requestId, @OpenApiRequired String unitId, @OpenApiRequired int year) {
    }

    public record DebtCollected(@OpenApiRequired String requestId, @OpenApiRequired String unitId, @OpenApiRequired int year,
                                Long collected, Long debt, @OpenApiRequired String txId, @OpenApiRequired boolean replayed) {
    }

    public record Adjustment(@OpenApiRequired long quantity, @OpenApiRequired String reason, String note, String txId, String time) {
    }

    public record Allocation(@OpenApiRequired String unitId, @OpenApiRequired int year, Long preAllocated,
                             @OpenApiName("final") Long finalAllocation, Long trueUp, Long deducted, Long clawedBack, Long debt,
                             List<Adjustment> adjustments) {
    }

    @OpenApi(path = "/api/v1/allocation/preview", methods = HttpMethod.POST, tags = "allocation",
            summary = "Compute an allocation with the parameters in force, without changing anything (anyone)",
            security = @OpenApiSecurity(name = "BearerAuth"),
            requestBody = @OpenApiRequestBody(required = true, content = @OpenApiContent(from = Preview.class)),
            responses = {@OpenApiResponse(status = "200", content = @OpenApiContent(from = PreviewResult.class)),
                    @OpenApiResponse(status = "400", content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "404", content = @OpenApiContent(from = ErrorBody.class))})
    void preview(Context ctx) {
        Http.json(ctx, 200, Http.evaluate(ledger, Http.caller(ctx), "allocation:preview", Http.body(ctx).toString()));
    }

    @OpenApi(path = "/api/v1/allocations/pre", methods = HttpMethod.POST, tags = "allocation",
            summary = "Pre-allocate to a unit a share (parameter) of its verified emissions of the year before, from the province account (the unit's province)",
            security = @OpenApiSecurity(name = "BearerAuth"),
            requestBody = @OpenApiRequestBody(required = true, content = @OpenApiContent(from = PreAllocate.class)),
            responses = {@OpenApiResponse(status = "201", content = @OpenApiContent(from = PreAllocated.class)),
                    @OpenApiResponse(status = "400", content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "403", content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "404", content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "409", content = @OpenApiContent(from = ErrorBody.class))})
    void preAllocate(Context ctx) {
        Http.json(ctx, 201, Http.submit(ledger, Http.caller(ctx), "allocation:pre", Http.body(ctx).toString()));
    }

    @OpenApi(path = "/api/v1/allocations/final", methods = HttpMethod.POST, tags = "allocation",
            summary = "Final allocation of a unit-year and its true-up: > 0 issued, < 0 clawed back, a debt if the units are gone (the unit's province)",
            security = @OpenApiSecurity(name = "BearerAuth"),
            requestBody = @OpenApiRequestBody(required = true, content = @OpenApiContent(from = Finalise.class)),
            responses = {@OpenApiResponse(status = "201", content = @OpenApiContent(from = Finalised.class)),
                    @OpenApiResponse(status = "400", content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "403", content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "404", content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "409", content = @OpenApiContent(from = ErrorBody.class))})
    void finalise(Context ctx) {
        Http.json(ctx, 201, Http.submit(ledger, Http.caller(ctx), "allocation:finalise", Http.body(ctx).toString()));
    }

    @OpenApi(path = "/api/v1/allocations/adjustments", methods = HttpMethod.POST, tags = "allocation",
            summary = "Adjust a unit-year's allocation for a closure, split, merger or capacity change (signed quantity)",
            security = @OpenApiSecurity(name = "BearerAuth"),
            requestBody = @OpenApiRequestBody(required = true, content = @OpenApiContent(from = Adjust.class)),
            responses = {@OpenApiResponse(status = "201", content = @OpenApiContent(from = Adjusted.class)),
                    @OpenApiResponse(status = "400", content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "403", content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "404", content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "409", content = @OpenApiContent(from = ErrorBody.class))})
    void adjust(Context ctx) {
        Http.json(ctx, 201, Http.submit(ledger, Http.caller(ctx), "allocation:adjust", Http.body(ctx).toString()));
    }

    @OpenApi(path = "/api/v1/allocations/debt/collect", methods = HttpMethod.POST, tags = "allocation",
            summary = "Collect a unit-year's allocation debt from the units it now holds",
            security = @OpenApiSecurity(name = "BearerAuth"),
            requestBody = @OpenApiRequestBody(required = true, content = @OpenApiContent(from = CollectDebt.class)),
            responses = {@OpenApiResponse(status = "201", content = @OpenApiContent(from = DebtCollected.class)),
                    @OpenApiResponse(status = "400", content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "403", content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "404", content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "409", content = @OpenApiContent(from = ErrorBody.class))})
    void collectDebt(Context ctx) {
        Http.json(ctx, 201, Http.submit(ledger, Http.caller(ctx), "allocation:collectDebt", Http.body(ctx).toString()));
    }

    @OpenApi(path = "/api/v1/allocations/{year}/{unitId}", methods = HttpMethod.GET, tags = "allocation",
            summary = "A unit-year's allocation: pre-allocated, final, true-up, adjustments (public)",
            security = @OpenApiSecurity(name = "BearerAuth"),
            pathParams = {@OpenApiParam(name = "year", required = true), @OpenApiParam(name = "unitId", required = true)},
            responses = {@OpenApiResponse(status = "200", content = @OpenApiContent(from = Allocation.class)),
                    @OpenApiResponse(status = "400", content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "404", content = @OpenApiContent(from = ErrorBody.class))})
    void read(Context ctx) {
        Http.json(ctx, 200, Http.evaluate(ledger, Http.caller(ctx), "allocation:get", ctx.pathParam("year"), ctx.pathParam("unitId")));
    }
}
