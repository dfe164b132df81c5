package cn.ets.registry.gateway.http;

import cn.ets.registry.domain.DomainException;
import cn.ets.registry.gateway.identity.Caller;
import cn.ets.registry.gateway.identity.IdentityStore;
import cn.ets.registry.gateway.ledger.Ledger;
import io.javalin.Javalin;
import io.javalin.apibuilder.ApiBuilder;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.micrometer.MicrometerPlugin;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP server: bearer-token authentication, the error format, request logging, metrics,
 * health, and the route table (with its OpenAPI description, generated from the same table).
 *
 * <p>Its limits, so that no client can stall it: a request body is read up to 4 MB whatever its
 * framing ({@link RequestBody}); a body that stalls or trickles is dropped (idle timeout, minimum
 * data rate); each caller has at most {@link #PER_CALLER} requests in progress and all callers
 * together {@link #API_TOTAL} — and beyond that up to {@link #API_WAITING} wait up to
 * {@link #API_WAIT_MS} for a place — fewer than the server's threads, so {@code /health} always finds one;
 * tokens are compared byte for byte (Jetty's header cache is made case-sensitive).
 */
public final class GatewayServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger("http");
    static final int THREADS = 512;
    static final int PER_CALLER = Integer.getInteger("carbon.http.perCaller", 32);
    static final int API_TOTAL = 192;
    static final int API_WAITING = THREADS - API_TOTAL - 32;
    /**
     * How long a request beyond the total waits for a place. The deadline burst (300 units
     * surrendering at once through one gateway) fills the 192 places with requests that each take a
     * whole commit: on this 2-core machine under the test command's load their p99 was 9–16 s, and
     * with a 10 s wait 30 and 46 of the 108 waiting were refused 429 in two recent runs. 30 s serves the
     * burst in turn; a waiting request holds a thread but no body (Jetty's body-rate clock starts
     * at the first read, so a small body read 40 s late is still accepted).
     */
    static final long API_WAIT_MS = 30_000;

    static final long IDLE_TIMEOUT_MS = 30_000;
    /**
     * Jetty measures the rate from the body's first byte to each read, so a small body read late (a
     * request that waited for a thread or a place under load) looks like a trickle: at 1,024 B/s a
     * 200-byte body read 0.2 s after it arrived was refused with 408. 16 B/s still drops a body sent
     * a byte a second, and gives a small body a dozen seconds.
     */
    static final long MIN_BODY_BYTES_PER_SECOND = 16;

    private static final String PERMIT = "carbon.permit";
    private static final String REFUSAL = "carbon.refusal";

    private final Ledger ledger;
    private final IdentityStore identities;
    private final BooleanSupplier credentialsWritten;
    private final List<Endpoint> endpoints;
    private final ConcurrencyLimit requests = new ConcurrencyLimit(PER_CALLER, API_TOTAL, API_WAITING, API_WAIT_MS);
    private Javalin app;

    public GatewayServer(
            Ledger ledger, IdentityStore identities, BooleanSupplier credentialsWritten, List<Endpoint> endpoints) {
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.identities = Objects.requireNonNull(identities, "identities");
        this.credentialsWritten = Objects.requireNonNull(credentialsWritten, "credentialsWritten");
        this.endpoints = List.copyOf(endpoints);
    }

    /** Listens on {@code host:port}, over TLS when {@code tls} is given (null: plain HTTP). */
    public GatewayServer start(String host, int port, Tls tls) {
        app = create(host, port, tls);
        app.start();
        return this;
    }

    public GatewayServer start(String host, int port) {
        return start(host, port, null);
    }

    private Javalin create(String host, int port, Tls tls) {
        PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        String openApi = OpenApiDocument.of(endpoints);
        Javalin javalin = Javalin.create(config -> {
            config.showJavalinBanner = false;
            config.useVirtualThreads = false;
            config.http.maxRequestSize = RequestBody.MAX_BYTES;
            config.jsonMapper(new GsonMapper());
            config.registerPlugin(new MicrometerPlugin(m -> m.registry = metrics));
            QueuedThreadPool pool = new QueuedThreadPool(THREADS, 8, 60_000);
            pool.setName("http");
            config.jetty.threadPool = pool;
            config.jetty.modifyHttpConfiguration(GatewayServer::limits);
            config.jetty.modifyServer(server -> server.setErrorHandler(new JsonErrorHandler()));
            config.jetty.modifyServletContextHandler(context -> context.setErrorHandler(new JsonErrorHandler()));
            config.jetty.addConnector((server, http) -> connector(server, http, host, port, tls));
            config.requestLogger.http((ctx, ms) -> logRequest(ctx, ms));
            config.router.apiBuilder(() -> {
                // Authentication first, so every route's handler already knows the caller.
                ApiBuilder.before("/api/v1/*", this::admit);
                for (Endpoint e : endpoints) {
                    Handler h = identified(e);
                    switch (e.method()) {
                        case "GET" -> ApiBuilder.get(e.path(), h);
                        case "POST" -> ApiBuilder.post(e.path(), h);
                        case "PUT" -> ApiBuilder.put(e.path(), h);
                        default ->
                            throw new IllegalArgumentException("unsupported method " + e.method() + " of " + e.path());
                    }
                }
            });
        });
        javalin.get("/health", ctx -> {
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
        javalin.get(
                "/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4").result(metrics.scrape()));
        javalin.get("/openapi.json", ctx -> Http.json(ctx, 200, openApi));
        PublicPage.register(javalin); // the bilingual public page at / (issue 8 §6), not an API route
        javalin.exception(ApiError.class, (e, ctx) -> refuse(ctx, e));
        javalin.exception(DomainException.class, (e, ctx) -> refuse(ctx, ApiError.of(e)));
        javalin.exception(Exception.class, (e, ctx) -> {
            LOG.error("unexpected failure on {} {}", ctx.method(), ctx.path(), e);
            refuse(
                    ctx,
                    new ApiError(
                            ErrorStatus.INTERNAL,
                            "unexpected failure: " + e.getClass().getSimpleName()));
        });
        javalin.error(404, ctx -> {
            if (ctx.result() == null || ctx.result().isEmpty() || ctx.result().startsWith("Endpoint")) {
                refuse(ctx, new ApiError("NOT_FOUND", "no such endpoint: " + ctx.method() + " " + ctx.path()));
            }
        });
        javalin.error(405, ctx -> Http.json(ctx, 405, new ApiError("BAD_REQUEST", "method not allowed").body()));
        javalin.error(413, ctx -> {
            if (ctx.attribute(REFUSAL) == null) {
                refuse(ctx, new ApiError(ErrorStatus.PAYLOAD_TOO_LARGE, "request body larger than 4 MB"));
            }
        });
        return javalin;
    }

    /** Jetty's own limits: byte-exact header cache, idle timeout, a minimum rate for request bodies. */
    private static void limits(HttpConfiguration http) {
        http.setHeaderCacheCaseSensitive(true);
        http.setMinRequestDataRate(MIN_BODY_BYTES_PER_SECOND);
        http.setSendServerVersion(false);
        http.setSendXPoweredBy(false);
    }

    private static ServerConnector connector(Server server, HttpConfiguration http, String host, int port, Tls tls) {
        ServerConnector c = tls == null
                ? new ServerConnector(server, new HttpConnectionFactory(http))
                : tls.connector(server, http);
        c.setHost(host);
        c.setPort(port);
        c.setIdleTimeout(IDLE_TIMEOUT_MS);
        return c;
    }

    /**
     * Who calls (from the bearer token, compared exactly), and whether it may have one more request
     * in progress. A request without an Authorization header goes on without a caller, counted per
     * client address: only a public-disclosure route answers it ({@link #identified}).
     */
    private void admit(Context ctx) {
        String key;
        if (ctx.header("Authorization") == null) {
            key = "anonymous@" + ctx.ip();
        } else {
            Caller caller = authenticate(ctx, identities);
            ctx.attribute(Http.CALLER, caller);
            key = caller.credential().name();
        }
        ConcurrencyLimit.Permit permit = requests.tryAcquire(key).orElseThrow(() -> requests.refusal("requests"));
        ctx.attribute(PERMIT, permit);
    }

    /** The route's handler, reached with a caller: the token's, or for a public route without one, the public reader. */
    private Handler identified(Endpoint e) {
        return ctx -> {
            if (ctx.attribute(Http.CALLER) == null) {
                if (!e.anonymous()) {
                    throw new ApiError("UNAUTHENTICATED", "missing bearer token: send Authorization: Bearer <token>");
                }
                ctx.attribute(
                        Http.CALLER,
                        Caller.anonymous(identities
                                .publicReader()
                                .orElseThrow(() -> new ApiError(
                                        "LEDGER_UNAVAILABLE", "this gateway holds no identity to read with"))));
            }
            e.handler().handle(ctx);
        };
    }

    private static Caller authenticate(Context ctx, IdentityStore identities) {
        String header = ctx.header("Authorization");
        if (header == null || !header.startsWith("Bearer ")) {
            throw new ApiError("UNAUTHENTICATED", "missing bearer token: send Authorization: Bearer <token>");
        }
        String token = header.substring("Bearer ".length()).trim();
        var credential =
                identities.byToken(token).orElseThrow(() -> new ApiError("UNAUTHENTICATED", "unknown bearer token"));
        return new Caller(credential, identities.identity(credential.name()));
    }

    private static void refuse(Context ctx, ApiError e) {
        ctx.attribute(REFUSAL, e.code());
        if (e.status() == 401) {
            ctx.header("WWW-Authenticate", "Bearer realm=\"carbon-registry\"");
        }
        if (e.status() == 429) {
            ctx.header("Retry-After", "1");
        }
        Http.json(ctx, e.status(), e.body());
    }

    /** One line per request, never its body: what, who, the answer, how long; a refusal adds its code. */
    private static void logRequest(Context ctx, float ms) {
        ConcurrencyLimit.Permit permit = ctx.attribute(PERMIT);
        if (permit != null) {
            permit.close();
        }
        Caller caller = ctx.attribute(Http.CALLER);
        String code = ctx.attribute(REFUSAL);
        LOG.info(
                "method={} path={} status={} ms={} caller={}{}",
                ctx.method(),
                ascii(ctx.path()),
                ctx.statusCode(),
                Math.round(ms),
                caller == null ? "-" : caller.credential().name(),
                code == null ? "" : " code=" + code);
    }

    /** A path as it can be logged on one line: printable ASCII, the rest escaped, at most 200 characters. */
    private static String ascii(String path) {
        StringBuilder b = new StringBuilder();
        for (byte x : path.getBytes(StandardCharsets.UTF_8)) {
            if (b.length() >= 200) {
                return b.append("…").toString();
            }
            b.append(x >= 0x21 && x < 0x7f ? String.valueOf((char) x) : String.format("%%%02X", x & 0xff));
        }
        return b.toString();
    }

    public int port() {
        return app.port();
    }

    @Override
    public void close() {
        if (app != null) {
            app.stop();
        }
    }
}
