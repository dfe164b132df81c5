package cn.ets.registry.gateway.e2e;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The REST contract as a client sees it: each identity is a gateway URL and a bearer token. On
 * the embedded ledger every identity shares one gateway; on Fabric each organisation has its own.
 */
public final class RegistryApi {
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final Map<String, Endpoint> identities = new ConcurrentHashMap<>();

    public record Endpoint(String baseUrl, String token) {
    }

    public record Reply(int status, JsonObject body) {
        public String code() {
            return body.has("error") ? body.getAsJsonObject("error").get("code").getAsString() : null;
        }

        public long num(String field) {
            return body.get(field).getAsLong();
        }

        public String str(String field) {
            return body.get(field).getAsString();
        }
    }

    public void add(String name, String baseUrl, String token) {
        identities.put(name, new Endpoint(Objects.requireNonNull(baseUrl), Objects.requireNonNull(token)));
    }

    public Endpoint endpoint(String name) {
        Endpoint e = identities.get(name);
        if (e == null) {
            throw new IllegalArgumentException("no identity " + name);
        }
        return e;
    }

    public Reply post(String as, String path, String json) {
        return send(as, HttpRequest.newBuilder().POST(HttpRequest.BodyPublishers.ofString(json)), path);
    }

    public Reply put(String as, String path, String json) {
        return send(as, HttpRequest.newBuilder().PUT(HttpRequest.BodyPublishers.ofString(json)), path);
    }

    public Reply get(String as, String path) {
        return send(as, HttpRequest.newBuilder().GET(), path);
    }

    private Reply send(String as, HttpRequest.Builder b, String path) {
        Endpoint e = endpoint(as);
        HttpRequest req = b.uri(URI.create(e.baseUrl() + path)).timeout(Duration.ofSeconds(120))
                .header("Authorization", "Bearer " + e.token()).header("Content-Type", "application/json").build();
        try {
            HttpResponse<String> r = http.send(req, HttpResponse.BodyHandlers.ofString());
            JsonObject body = r.body().isBlank() ? new JsonObject() : JsonParser.parseString(r.body()).getAsJsonObject();
            return new Reply(r.statusCode(), body);
        } catch (Exception ex) {
            throw new IllegalStateException("request " + path + " as " + as + " failed: " + ex.getMessage(), ex);
        }
    }
}
