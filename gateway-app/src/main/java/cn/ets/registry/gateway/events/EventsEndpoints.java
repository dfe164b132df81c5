package cn.ets.registry.gateway.events;

import static io.javalin.apibuilder.ApiBuilder.before;
import static io.javalin.apibuilder.ApiBuilder.sse;

import cn.ets.registry.gateway.http.ApiError;
import cn.ets.registry.gateway.http.Caller;
import cn.ets.registry.gateway.http.Http;
import cn.ets.registry.gateway.ledger.Ledger;
import io.javalin.http.sse.SseClient;
import io.javalin.openapi.HttpMethod;
import io.javalin.openapi.OpenApi;
import io.javalin.openapi.OpenApiContent;
import io.javalin.openapi.OpenApiParam;
import io.javalin.openapi.OpenApiResponse;
import io.javalin.openapi.OpenApiSecurity;
import java.util.Objects;
import java.util.Set;

/**
 * Committed chaincode events as server-sent events, for the trading system and auditors. Each
 * event's SSE id is its block number; resume with {@code ?fromBlock=N} or {@code Last-Event-ID}
 * (events of block N are sent again: drop those whose txId you already have).
 */
public final class EventsEndpoints {
    private static final Set<String> ROLES = Set.of("EXCHANGE", "REGISTRY", "MEE", "AUDITOR");
    private final Ledger ledger;

    public EventsEndpoints(Ledger ledger) {
        this.ledger = Objects.requireNonNull(ledger, "ledger");
    }

    public void routes() {
        // Refusals must happen before the stream's 200 headers go out.
        before("/api/v1/events", ctx -> {
            Caller caller = Http.caller(ctx);
            if (!ROLES.contains(caller.credential().role())) {
                throw new ApiError("FORBIDDEN", caller.credential().name() + " may not follow the event stream");
            }
            fromBlock(ctx.queryParam("fromBlock"), ctx.header("Last-Event-ID"));
        });
        sse("/api/v1/events", this::stream);
    }

    @OpenApi(path = "/api/v1/events", methods = HttpMethod.GET, tags = "events",
            summary = "Server-sent stream of committed chaincode events (exchange, registry, MEE, auditor); id = block number",
            security = @OpenApiSecurity(name = "BearerAuth"),
            queryParams = @OpenApiParam(name = "fromBlock", type = Long.class, description = "first block to replay (default: 0, everything)"),
            responses = @OpenApiResponse(status = "200", content = @OpenApiContent(type = "text/event-stream")))
    void stream(SseClient client) {
        long from = fromBlock(client.ctx().queryParam("fromBlock"), client.ctx().header("Last-Event-ID"));
        client.keepAlive();
        AutoCloseable subscription = ledger.events(from, e -> client.sendEvent(e.name(),
                "{\"block\":" + e.block() + ",\"txId\":\"" + e.txId() + "\",\"payload\":" + e.payload() + "}", String.valueOf(e.block())));
        client.onClose(() -> {
            try {
                subscription.close();
            } catch (Exception ignored) {
                // the stream is gone either way
            }
        });
    }

    private static long fromBlock(String query, String lastEventId) {
        String v = query != null ? query : lastEventId;
        if (v == null || v.isBlank()) {
            return 0;
        }
        try {
            long n = Long.parseLong(v.trim());
            if (n < 0) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new ApiError("BAD_REQUEST", "fromBlock must be a block number (0 or more)");
        }
    }
}
