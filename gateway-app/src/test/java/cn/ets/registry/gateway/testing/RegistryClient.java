package cn.ets.registry.gateway.testing;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
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
import java.util.concurrent.ConcurrentHashMap;

/**
 * The REST contract of api.md as a client sees it: a base URL and bearer tokens by identity name
 * ({@code mee}, {@code registry}, {@code exchange}, {@code province-HB}, {@code province-GD},
 * {@code auditor}, and holders added as accounts are opened). Works against any gateway, embedded
 * or Fabric.
 */
public final class RegistryClient {
    private final String base;
    private final Map<String, String> tokens = new ConcurrentHashMap<>();
    private final HttpClient http;

    public RegistryClient(String baseUrl, Map<String, String> tokens) {
        this.base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.tokens.putAll(tokens);
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** name → token from a gateway's credentials.json. */
    public static Map<String, String> readCredentials(Path credentialsJson) {
        try {
            JsonObject f = JsonParser.parseString(Files.readString(credentialsJson)).getAsJsonObject();
            Map<String, String> out = new LinkedHashMap<>();
            for (JsonElement e : f.getAsJsonArray("identities")) {
                out.put(e.getAsJsonObject().get("name").getAsString(), e.getAsJsonObject().get("token").getAsString());
            }
            return out;
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + credentialsJson, e);
        }
    }

    public String baseUrl() {
        return base;
    }

    public void addIdentity(String name, String token) {
        tokens.put(name, token);
    }

    public String token(String name) {
        String t = tokens.get(name);
        if (t == null) {
            throw new IllegalArgumentException("no token for " + name + " (known: " + tokens.keySet() + ")");
        }
        return t;
    }

    public record Response(int status, String body) {
        public JsonObject json() {
            try {
                return JsonParser.parseString(body).getAsJsonObject();
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

        @Override
        public String toString() {
            return status + " " + (body.length() > 600 ? body.substring(0, 600) + "…" : body);
        }
    }

    public Response get(String who, String path) {
        return send("GET", path, "Bearer " + token(who), null);
    }

    public Response post(String who, String path, Object body) {
        return send("POST", path, "Bearer " + token(who), Json.write(body));
    }

    public Response put(String who, String path, Object body) {
        return send("PUT", path, "Bearer " + token(who), Json.write(body));
    }

    /** Raw call; {@code authorization} null sends no Authorization header, {@code body} null sends none. */
    public Response send(String method, String path, String authorization, String body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        try {
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(r.statusCode(), r.body());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(method + " " + path + " failed: " + e.getMessage(), e);
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
        return Json.obj("product", product, "issued", 0, "held", 0, "locked", 0, "surrendered", 0, "cancelled", 0, "balanced", true);
    }

    public JsonObject audit() {
        return ok(get("auditor", "/api/v1/supply/audit")).json();
    }

    /** The ledger's self-check, where the ledger offers one (the embedded ledger does, Fabric answers 404). */
    public Optional<JsonObject> verify() {
        Response r = get("auditor", "/api/v1/ledger/verify");
        return r.status() == 404 ? Optional.empty() : Optional.of(ok(r).json());
    }

    /** An account as the registry sees it. */
    public JsonObject account(String id) {
        return ok(get("registry", "/api/v1/accounts/" + id)).json();
    }

    public long holding(String accountId, String product) {
        for (JsonElement h : account(accountId).getAsJsonArray("holdings")) {
            if (h.getAsJsonObject().get("product").getAsString().equals(product)) {
                return h.getAsJsonObject().get("quantity").getAsLong();
            }
        }
        return 0;
    }

    private static Response ok(Response r) {
        if (r.status() != 200) {
            throw new AssertionError("expected 200, got " + r);
        }
        return r;
    }
}
