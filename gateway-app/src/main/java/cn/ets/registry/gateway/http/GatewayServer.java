package cn.ets.registry.gateway.http;

import cn.ets.registry.gateway.identity.Caller;
import cn.ets.registry.gateway.identity.IdentityStore;
import cn.ets.registry.gateway.ledger.Ledger;
import io.javalin.Javalin;
import io.javalin.apibuilder.ApiBuilder;
import io.javalin.http.Context;
import io.javalin.micrometer.MicrometerPlugin;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP server: bearer-token authentication, the error format, request logging, metrics,
 * health, and the route table (with its OpenAPI description, generated from the same table).
 */
public final class GatewayServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger("http");
    private final Javalin app;

    public GatewayServer(
            Ledger ledger, IdentityStore identities, BooleanSupplier credentialsWritten, List<Endpoint> endpoints) {
        Objects.requireNonNull(ledger, "ledger");
        Objects.requireNonNull(identities, "identities");
        PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        String openApi = OpenApiDocument.of(endpoints);
        this.app = Javalin.create(config -> {
            config.showJavalinBanner = false;
            config.useVirtualThreads = false;
            config.http.maxRequestSize = 4_000_000L;
            config.jsonMapper(new GsonMapper());
            config.registerPlugin(new MicrometerPlugin(m -> m.registry = metrics));
            config.requestLogger.http((ctx, ms) ->
                    LOG.info("{} {} -> {} in {} ms", ctx.method(), ctx.path(), ctx.statusCode(), Math.round(ms)));
            config.router.apiBuilder(() -> {
                // Authentication first, so every route's handler already knows the caller.
                ApiBuilder.before("/api/v1/*", ctx -> authenticate(ctx, identities));
                for (Endpoint e : endpoints) {
                    switch (e.method()) {
                        case "GET" -> ApiBuilder.get(e.path(), e.handler());
                        case "POST" -> ApiBuilder.post(e.path(), e.handler());
                        case "PUT" -> ApiBuilder.put(e.path(), e.handler());
                        default ->
                            throw new IllegalArgumentException("unsupported method " + e.method() + " of " + e.path());
                    }
                }
            });
        });
        app.get("/health", ctx -> {
            if (!credentialsWritten.getAsBoolean()) {
                Http.json(ctx, 503, new ApiError("LEDGER_UNAVAILABLE", "starting: credentials not written yet").body());
                return;
            }
            Map<String, Object> h = new LinkedHashMap<>();
            h.put("status", "UP");
            h.put("ledger", ledger.kind());
            h.putAll(ledger.health());
            ctx.json(h);
        });
        app.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4").result(metrics.scrape()));
        app.get("/openapi.json", ctx -> Http.json(ctx, 200, openApi));
        PublicPage.register(app); // the bilingual public page at / (issue 8 §6), not an API route
        app.exception(ApiError.class, (e, ctx) -> Http.json(ctx, e.status(), e.body()));
        app.exception(Exception.class, (e, ctx) -> {
            LOG.error("unexpected failure on {} {}", ctx.method(), ctx.path(), e);
            Http.json(
                    ctx,
                    500,
                    new ApiError(
                                    "INTERNAL",
                                    "unexpected failure: " + e.getClass().getSimpleName())
                            .body());
        });
        app.error(404, ctx -> {
            if (ctx.result() == null || ctx.result().isEmpty() || ctx.result().startsWith("Endpoint")) {
                Http.json(
                        ctx,
                        404,
                        new ApiError("NOT_FOUND", "no such endpoint: " + ctx.method() + " " + ctx.path()).body());
            }
        });
        app.error(
                413,
                ctx -> Http.json(ctx, 413, new ApiError("PAYLOAD_TOO_LARGE", "request body larger than 4 MB").body()));
        app.error(405, ctx -> Http.json(ctx, 405, new ApiError("BAD_REQUEST", "method not allowed").body()));
    }

    private static void authenticate(Context ctx, IdentityStore identities) {
        String header = ctx.header("Authorization");
        if (header == null || !header.startsWith("Bearer ")) {
            throw new ApiError("UNAUTHENTICATED", "missing bearer token: send Authorization: Bearer <token>");
        }
        String token = header.substring("Bearer ".length()).trim();
        var credential =
                identities.byToken(token).orElseThrow(() -> new ApiError("UNAUTHENTICATED", "unknown bearer token"));
        ctx.attribute(Http.CALLER, new Caller(credential, identities.identity(credential.name())));
    }

    public GatewayServer start(String host, int port) {
        app.start(host, port);
        return this;
    }

    public int port() {
        return app.port();
    }

    @Override
    public void close() {
        app.stop();
    }
}
