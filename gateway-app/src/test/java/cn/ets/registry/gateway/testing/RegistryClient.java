package cn.ets.registry.gateway.testing;

import static cn.ets.registry.gateway.testing.HttpAssertions.ok;

import cn.ets.registry.gateway.Registry;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The REST contract of api.md as a client sees it: each identity name ({@code mee}, {@code registry},
 * {@code exchange}, {@code province-HB}, {@code province-GD}, {@code auditor}, and holders added as
 * their accounts are opened) is a gateway URL and a bearer token. On the embedded ledger every
 * identity shares one gateway; on Fabric each organisation runs its own, holding only its own
 * identities, and a holder is served by the gateway of whoever opened its account.
 */
public final class RegistryClient {
    private static final String KEEP_ALIVE_PROPERTY = "jdk.httpclient.keepalive.timeout";

    static {
        // The gateway closes a connection idle for 30 s; the JDK client keeps idle connections for
        // 1,200 s and, when it reuses one just as the gateway closes it, the request fails with
        // "HTTP/1.1 header parser received no bytes" (seen once in the benchmark, opening accounts
        // right after a 25 s scenario). A client should drop idle connections before the server
        // does: 20 s. Read once, when the JDK's connection pool is first loaded (the pom sets it too).
        if (System.getProperty(KEEP_ALIVE_PROPERTY) == null) {
            System.setProperty(KEEP_ALIVE_PROPERTY, "20");
        }
    }

    private final Map<String, Endpoint> identities = new ConcurrentHashMap<>();
    // HTTP/1.1: no h2c upgrade attempt; 120 s: a first transaction on Fabric may wait for the chaincode to start
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    /** Where an identity's requests go and what it sends as its bearer token. */
    public record Endpoint(String baseUrl, String token) {}

    /** A client with no identity yet: add gateways ({@link #addGateway}) or identities ({@link #add}). */
    public RegistryClient() {}

    /** One gateway for every identity: name → token. */
    public RegistryClient(String baseUrl, Map<String, String> tokens) {
        tokens.forEach((name, token) -> add(name, baseUrl, token));
    }

    /** Every identity of a started gateway, served by it. */
    public static RegistryClient of(Registry gateway) {
        return new RegistryClient().addGateway(gateway);
    }

    /** Adds every identity a started gateway holds, served by that gateway. */
    public RegistryClient addGateway(Registry gateway) {
        String url = "http://127.0.0.1:" + gateway.port();
        gateway.identities().all().forEach(c -> add(c.name(), url, c.token()));
        return this;
    }

    /** name → token from a gateway's credentials.json. */
    public static Map<String, String> readCredentials(Path credentialsJson) {
        try {
            JsonObject f =
                    JsonParser.parseString(Files.readString(credentialsJson)).getAsJsonObject();
            Map<String, String> out = new LinkedHashMap<>();
            for (JsonElement e : f.getAsJsonArray("identities")) {
                out.put(
                        e.getAsJsonObject().get("name").getAsString(),
                        e.getAsJsonObject().get("token").getAsString());
            }
            return out;
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + credentialsJson, e);
        }
    }

    public void add(String name, String baseUrl, String token) {
        String base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        identities.put(name, new Endpoint(base, token));
    }

    /** A new identity on the one gateway of this client. */
    public void addIdentity(String name, String token) {
        add(name, baseUrl(), token);
    }

    /** A new identity on the gateway of {@code sameGatewayAs} (a holder on the gateway of whoever opened its account). */
    public void addIdentity(String name, String token, String sameGatewayAs) {
        add(name, endpoint(sameGatewayAs).baseUrl(), token);
    }

    public Endpoint endpoint(String name) {
        Endpoint e = identities.get(name);
        if (e == null) {
            throw new IllegalArgumentException("no identity " + name + " (known: " + identities.keySet() + ")");
        }
        return e;
    }

    public String token(String name) {
        return endpoint(name).token();
    }

    /** The URL of the one gateway every identity of this client uses; there must be exactly one. */
    public String baseUrl() {
        Set<String> urls = identities.values().stream().map(Endpoint::baseUrl).collect(Collectors.toSet());
        if (urls.size() != 1) {
            throw new IllegalStateException("not one gateway but " + urls + ": name an identity");
        }
        return urls.iterator().next();
    }

    /** An answer: its status and body, read as JSON on demand. */
    public record Response(int status, String body) {
        public JsonObject json() {
            try {
                return body.isBlank()
                        ? new JsonObject()
                        : JsonParser.parseString(body).getAsJsonObject();
            } catch (RuntimeException e) {
                throw new AssertionError("not a JSON object (status " + status + "): " + body, e);
            }
        }

        /** The error code of an error answer, null for anything else. */
        public String code() {
            try {
                JsonObject o = JsonParser.parseString(body).getAsJsonObject();
                return o.has("error") ? o.getAsJsonObject("error").get("code").getAsString() : null;
            } catch (RuntimeException e) {
                return null;
            }
        }

        public boolean replayed() {
            JsonObject o = json();
            return o.has("replayed") && o.get("replayed").getAsBoolean();
        }

        public long num(String field) {
            return json().get(field).getAsLong();
        }

        public String str(String field) {
            return json().get(field).getAsString();
        }

        @Override
        public String toString() {
            return status + " " + (body.length() > 600 ? body.substring(0, 600) + "…" : body);
        }
    }

    public Response get(String who, String path) {
        return as(who, "GET", path, null);
    }

    /** {@code body}: a JSON string as it is, or anything {@link Json#write} writes. */
    public Response post(String who, String path, Object body) {
        return as(who, "POST", path, Json.write(body));
    }

    public Response put(String who, String path, Object body) {
        return as(who, "PUT", path, Json.write(body));
    }

    private Response as(String who, String method, String path, String body) {
        Endpoint e = endpoint(who);
        return send(e.baseUrl(), method, path, "Bearer " + e.token(), body);
    }

    /** Raw call to the one gateway; {@code authorization} null sends no Authorization header, {@code body} null sends none. */
    /** A GET without any Authorization header, to the gateway at {@code baseUrl}. */
    public static Response anonymous(String baseUrl, String path) {
        return new RegistryClient().send(baseUrl, "GET", path, null, null);
    }

    public Response send(String method, String path, String authorization, String body) {
        return send(baseUrl(), method, path, authorization, body);
    }

    private Response send(String base, String method, String path, String authorization, String body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(120))
                .header("Content-Type", "application/json")
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        try {
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(r.statusCode(), r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + base + path + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    // ---- reads every test needs ----

    /** GET /api/v1/supply as the auditor. */
    public JsonObject supply() {
        return ok(get("auditor", "/api/v1/supply")).json();
    }

    /** One product's supply row, or zeros when the product was never issued. */
    public JsonObject supplyOf(String product) {
        for (JsonElement e : supply().getAsJsonArray("products")) {
            if (e.getAsJsonObject().get("product").getAsString().equals(product)) {
                return e.getAsJsonObject();
            }
        }
        return Json.obj(
                "product",
                product,
                "issued",
                0,
                "held",
                0,
                "locked",
                0,
                "surrendered",
                0,
                "cancelled",
                0,
                "balanced",
                true);
    }

    public JsonObject audit() {
        return ok(get("auditor", "/api/v1/supply/audit")).json();
    }

    /** The ledger's self-check, where the ledger offers one (the embedded ledger does, Fabric answers 404). */
    public Optional<JsonObject> verify() {
        Response r = get("auditor", "/api/v1/ledger/verify");
        // one verification at a time, with a pause after each: a well-behaved client waits its turn
        for (int i = 0; r.status() == 429 && i < 600; i++) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
            r = get("auditor", "/api/v1/ledger/verify");
        }
        return r.status() == 404 ? Optional.empty() : Optional.of(ok(r).json());
    }

    /** An account as the registry sees it. */
    public JsonObject account(String id) {
        return ok(get("registry", "/api/v1/accounts/" + id)).json();
    }

    /** Quantity held (available, not locked), as the registry sees it. */
    public long holding(String account, String product) {
        return holdingField(account(account), product, "quantity");
    }

    /** Quantity held, as the holder itself reads its account. */
    public long ownHolding(String account, String product) {
        return holdingField(ok(get(account, "/api/v1/accounts/" + account)).json(), product, "quantity");
    }

    /** Quantity locked (pledged or frozen), as the registry sees it. */
    public long locked(String account, String product) {
        return holdingField(account(account), product, "locked");
    }

    private static long holdingField(JsonObject account, String product, String field) {
        for (JsonElement h : account.getAsJsonArray("holdings")) {
            if (h.getAsJsonObject().get("product").getAsString().equals(product)) {
                return h.getAsJsonObject().get(field).getAsLong();
            }
        }
        return 0;
    }
}
