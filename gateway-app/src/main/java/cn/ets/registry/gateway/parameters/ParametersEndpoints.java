package cn.ets.registry.gateway.parameters;

import static io.javalin.apibuilder.ApiBuilder.get;
import static io.javalin.apibuilder.ApiBuilder.put;

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
import java.util.Map;
import java.util.Objects;

/** The policy parameters of a vintage, versioned on the ledger and changed by MEE. */
public final class ParametersEndpoints {
    private final Ledger ledger;

    public ParametersEndpoints(Ledger ledger) {
        this.ledger = Objects.requireNonNull(ledger, "ledger");
    }

    public void routes() {
        get("/api/v1/parameters/{vintage}", this::read);
        put("/api/v1/parameters/{vintage}", this::set);
    }

    public record Benchmark(@OpenApiRequired String electricity, @OpenApiRequired String heat) {
    }

    public record Parameters(@OpenApiRequired String vintage, @OpenApiRequired int version,
                             @OpenApiRequired Map<String, Benchmark> benchmarks, Map<String, Benchmark> balanceBenchmarks,
                             @OpenApiRequired String preAllocationRate, String loadFactorThreshold, String loadFactorCoefficient,
                             @OpenApiRequired String coalFloor, Boolean gasTopUp, @OpenApiRequired String offsetCap,
                             String legacyCcerEligibleUntil, String legacyCcerFiledBefore, Long carryOverBase,
                             String carryOverMultiplier, List<String> carryOverVintages, String penaltyMinMultiple,
                             String penaltyMaxMultiple, String emissionsDeadline, @OpenApiRequired String surrenderDeadline,
                             Boolean borrowingEnabled, String borrowingMaxShare, String borrowingMinGapShare,
                             Map<String, String> sectorMethods) {
    }

    public record SetParameters(@OpenApiRequired String requestId, Map<String, Benchmark> benchmarks,
                                Map<String, Benchmark> balanceBenchmarks, String preAllocationRate, String loadFactorThreshold,
                                String loadFactorCoefficient, String coalFloor, Boolean gasTopUp, String offsetCap,
                                String legacyCcerEligibleUntil, String legacyCcerFiledBefore, Long carryOverBase,
                                String carryOverMultiplier, List<String> carryOverVintages, String penaltyMinMultiple,
                                String penaltyMaxMultiple, String emissionsDeadline, String surrenderDeadline,
                                Boolean borrowingEnabled, String borrowingMaxShare, String borrowingMinGapShare,
                                Map<String, String> sectorMethods) {
    }

    public record ParametersSet(@OpenApiRequired String requestId, @OpenApiRequired String vintage, @OpenApiRequired int version,
                                @OpenApiRequired Parameters parameters, @OpenApiRequired String txId,
                                @OpenApiRequired boolean replayed) {
    }

    @OpenApi(path = "/api/v1/parameters/{vintage}", methods = HttpMethod.GET, tags = "parameters",
            summary = "The policy parameters in force for a vintage (public)", security = @OpenApiSecurity(name = "BearerAuth"),
            pathParams = @OpenApiParam(name = "vintage", required = true),
            responses = {@OpenApiResponse(status = "200", content = @OpenApiContent(from = Parameters.class)),
                    @OpenApiResponse(status = "400", content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "404", content = @OpenApiContent(from = ErrorBody.class))})
    void read(Context ctx) {
        Http.json(ctx, 200, Http.evaluate(ledger, Http.caller(ctx), "parameters:get", ctx.pathParam("vintage")));
    }

    @OpenApi(path = "/api/v1/parameters/{vintage}", methods = HttpMethod.PUT, tags = "parameters",
            summary = "Change a vintage's policy parameters (MEE): fields not named keep their value; a new version, recorded as an event",
            security = @OpenApiSecurity(name = "BearerAuth"),
            pathParams = @OpenApiParam(name = "vintage", required = true),
            requestBody = @OpenApiRequestBody(required = true, content = @OpenApiContent(from = SetParameters.class)),
            responses = {@OpenApiResponse(status = "200", content = @OpenApiContent(from = ParametersSet.class)),
                    @OpenApiResponse(status = "400", content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "403", content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "404", content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "409", content = @OpenApiContent(from = ErrorBody.class))})
    void set(Context ctx) {
        Http.json(ctx, 200, Http.submit(ledger, Http.caller(ctx), "parameters:set", ctx.pathParam("vintage"), Http.body(ctx).toString()));
    }
}
