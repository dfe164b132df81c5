package cn.ets.registry.gateway.supply;

import static io.javalin.apibuilder.ApiBuilder.get;

import cn.ets.registry.gateway.http.ApiError;
import cn.ets.registry.gateway.http.Http;
import cn.ets.registry.gateway.ledger.Ledger;
import cn.ets.registry.gateway.ledger.embedded.EmbeddedLedger;
import io.javalin.http.Context;
import io.javalin.openapi.HttpMethod;
import io.javalin.openapi.OpenApi;
import io.javalin.openapi.OpenApiContent;
import io.javalin.openapi.OpenApiRequired;
import io.javalin.openapi.OpenApiResponse;
import io.javalin.openapi.OpenApiSecurity;
import java.util.List;
import java.util.Objects;

/** What an auditor checks: supply per product, a full recount, and the ledger's own integrity. */
public final class SupplyEndpoints {
    private final Ledger ledger;

    public SupplyEndpoints(Ledger ledger) {
        this.ledger = Objects.requireNonNull(ledger, "ledger");
    }

    public void routes() {
        get("/api/v1/supply", this::supply);
        get("/api/v1/supply/audit", this::audit);
        get("/api/v1/ledger/verify", this::verify);
    }

    public record ProductSupply(@OpenApiRequired String product, @OpenApiRequired long issued, @OpenApiRequired long held,
                                @OpenApiRequired long locked, @OpenApiRequired long surrendered, @OpenApiRequired long cancelled,
                                @OpenApiRequired boolean balanced, Long holdingsQuantity, Long holdingsLocked, Boolean matchesHoldings) {
    }

    public record Supply(@OpenApiRequired List<ProductSupply> products) {
    }

    public record Audit(@OpenApiRequired boolean balanced, @OpenApiRequired List<ProductSupply> products) {
    }

    public record Verification(@OpenApiRequired long entries, @OpenApiRequired String headHash, @OpenApiRequired boolean chainIntact,
                               @OpenApiRequired boolean stateMatchesLog, long stateKeys, String problem) {
    }

    @OpenApi(path = "/api/v1/supply", methods = HttpMethod.GET, tags = "audit",
            summary = "Supply per product: issued = held + locked + surrendered + cancelled", security = @OpenApiSecurity(name = "BearerAuth"),
            responses = @OpenApiResponse(status = "200", content = @OpenApiContent(from = Supply.class)))
    void supply(Context ctx) {
        Http.json(ctx, 200, Http.evaluate(ledger, Http.caller(ctx), "supply:get"));
    }

    @OpenApi(path = "/api/v1/supply/audit", methods = HttpMethod.GET, tags = "audit",
            summary = "Recount every holding and compare with the supply counters", security = @OpenApiSecurity(name = "BearerAuth"),
            responses = @OpenApiResponse(status = "200", content = @OpenApiContent(from = Audit.class)))
    void audit(Context ctx) {
        Http.json(ctx, 200, Http.evaluate(ledger, Http.caller(ctx), "supply:audit"));
    }

    @OpenApi(path = "/api/v1/ledger/verify", methods = HttpMethod.GET, tags = "audit",
            summary = "Embedded ledger: walk the hash-chained transaction log and rebuild state from it", security = @OpenApiSecurity(name = "BearerAuth"),
            responses = @OpenApiResponse(status = "200", content = @OpenApiContent(from = Verification.class)))
    void verify(Context ctx) {
        Http.caller(ctx);
        if (!(ledger instanceof EmbeddedLedger embedded)) {
            throw new ApiError("NOT_FOUND", "the Fabric ledger is verified by its peers (block hashes and endorsements); this check is the embedded ledger's");
        }
        ctx.json(embedded.verify());
    }
}
