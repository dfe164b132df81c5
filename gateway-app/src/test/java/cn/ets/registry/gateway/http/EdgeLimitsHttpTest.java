package cn.ets.registry.gateway.http;

import static cn.ets.registry.gateway.testing.HttpAssertions.created;
import static org.assertj.core.api.Assertions.assertThat;

import cn.ets.registry.gateway.testing.EmbeddedGateway;
import cn.ets.registry.gateway.testing.Json;
import cn.ets.registry.gateway.testing.RawHttp;
import cn.ets.registry.gateway.testing.RegistryClient;
import cn.ets.registry.gateway.testing.RegistryClient.Response;
import cn.ets.registry.gateway.testing.RegistryState;
import com.google.gson.JsonParser;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTTP edge's limits, each against the client that found it: bodies counted as they are read
 * whatever the framing, JSON only, tokens compared byte for byte on a reused connection, slow
 * bodies that cannot take the server's threads from others or from /health, Jetty's own refusals
 * in the JSON error format, and what goes with a token (challenge, no caching, owner-only files).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EdgeLimitsHttpTest {
    private static final List<String> ACCOUNTS = List.of("MEE", "PROVINCE-HB");

    private EmbeddedGateway gateway;
    private RegistryClient c;
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    @BeforeAll
    void start(@TempDir Path dir) {
        gateway = EmbeddedGateway.start(dir.resolve("data"), false);
        c = gateway.client();
        created(c.post(
                "mee", "/api/v1/issuances", Json.obj("requestId", "edge-0", "product", "CEA-2024", "quantity", 5)));
    }

    @AfterAll
    void stop() {
        gateway.close();
    }

    private static String issuance(String id, String padding) {
        return "{\"requestId\":\"" + id + "\",\"product\":\"CEA-2024\",\"quantity\":10}" + padding;
    }

    @Test
    void a_chunked_body_is_limited_to_4_MB_counted_as_it_is_read() throws Exception {
        // valid JSON (trailing white space) of 5 MB, sent in chunks without a Content-Length
        byte[] head = issuance("edge-chunked", "").getBytes(StandardCharsets.UTF_8);
        InputStream body = new SequenceInputStream(
                new ByteArrayInputStream(head),
                new ByteArrayInputStream(" ".repeat(5_000_000).getBytes()));
        RegistryState before = RegistryState.of(c, ACCOUNTS);
        HttpResponse<String> r = http.send(
                HttpRequest.newBuilder(URI.create(c.baseUrl() + "/api/v1/issuances"))
                        .header("Authorization", "Bearer " + c.token("mee"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(413);
        assertThat(new Response(r.statusCode(), r.body()).code()).isEqualTo("PAYLOAD_TOO_LARGE");
        assertThat(RegistryState.of(c, ACCOUNTS)).isEqualTo(before);
        // the same body within the limit is fine
        Response small = c.send("POST", "/api/v1/issuances", "Bearer " + c.token("mee"), issuance("edge-small", "  "));
        assertThat(small.status()).as("%s", small).isEqualTo(201);
    }

    @Test
    void a_body_must_be_sent_as_json() {
        RegistryState before = RegistryState.of(c, ACCOUNTS);
        try (RawHttp raw = new RawHttp(c.baseUrl())) {
            for (String type :
                    new String[] {"text/plain", "application/x-www-form-urlencoded", "application/json; charset=latin1"
                    }) {
                RawHttp.Answer a = raw.exchange(
                        "POST",
                        "/api/v1/issuances",
                        Map.of("Authorization", "Bearer " + c.token("mee"), "Content-Type", type),
                        issuance("edge-type-" + type.length(), ""));
                assertThat(a.status()).as("%s: %s", type, a).isEqualTo(415);
                assertThat(a.body()).contains("UNSUPPORTED_MEDIA_TYPE");
            }
            RawHttp.Answer none = raw.exchange(
                    "POST",
                    "/api/v1/issuances",
                    Map.of("Authorization", "Bearer " + c.token("mee")),
                    issuance("edge-type-none", ""));
            assertThat(none.status()).as("%s", none).isEqualTo(415);
        }
        assertThat(RegistryState.of(c, ACCOUNTS)).isEqualTo(before);
    }

    @Test
    void a_token_matches_only_byte_for_byte_on_a_reused_connection() {
        String token = c.token("auditor");
        String variant = swapCase(token);
        try (RawHttp raw = new RawHttp(c.baseUrl())) {
            assertThat(get(raw, token).status()).isEqualTo(200);
            assertThat(get(raw, variant).status())
                    .as("the token in other letter case")
                    .isEqualTo(401);
            assertThat(get(raw, token).status())
                    .as("the right token after a variant")
                    .isEqualTo(200);
            assertThat(get(raw, variant).status()).isEqualTo(401);
        }
    }

    private static RawHttp.Answer get(RawHttp raw, String token) {
        return raw.exchange("GET", "/api/v1/supply", Map.of("Authorization", "Bearer " + token), null);
    }

    private static String swapCase(String s) {
        StringBuilder b = new StringBuilder();
        for (char ch : s.toCharArray()) {
            b.append(Character.isUpperCase(ch) ? Character.toLowerCase(ch) : Character.toUpperCase(ch));
        }
        return b.toString();
    }

    @Test
    void slow_bodies_from_one_caller_cannot_take_the_threads_of_others_or_of_health() throws Exception {
        List<RawHttp> slow = new ArrayList<>();
        try {
            for (int i = 0; i < 300; i++) {
                RawHttp raw = new RawHttp(c.baseUrl());
                raw.write("POST /api/v1/issuances HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
                        + c.token("exchange") + "\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n"
                        + "{\"requestId\"");
                slow.add(raw);
            }
            long t0 = System.nanoTime();
            Response health = c.send("GET", "/health", null, null);
            long healthMs = (System.nanoTime() - t0) / 1_000_000;
            assertThat(health.status()).isEqualTo(200);
            assertThat(healthMs).as("/health behind 300 stalled bodies").isLessThan(3_000);
            t0 = System.nanoTime();
            Response other = c.get("mee", "/api/v1/supply");
            assertThat(other.status()).isEqualTo(200);
            assertThat((System.nanoTime() - t0) / 1_000_000)
                    .as("another caller's request")
                    .isLessThan(3_000);
            // the stalled caller's requests beyond its share were refused at once
            int refused = 0;
            for (RawHttp raw : slow.subList(slow.size() - 100, slow.size())) {
                raw.socket().setSoTimeout(5_000);
                RawHttp.Answer a = raw.read();
                assertThat(a.status()).as("%s", a).isEqualTo(429);
                assertThat(a.headers()).containsKey("retry-after");
                refused++;
            }
            assertThat(refused).isEqualTo(100);
        } finally {
            slow.forEach(RawHttp::close);
        }
    }

    @Test
    void what_jetty_refuses_itself_is_answered_in_the_json_error_format() {
        try (RawHttp raw = new RawHttp(c.baseUrl())) {
            raw.write("GET /api/v1/accounts/%00 HTTP/1.1\r\nHost: localhost\r\n\r\n");
            assertJsonError(raw.read(), 400);
        }
        try (RawHttp raw = new RawHttp(c.baseUrl())) {
            raw.write("GET /" + "a".repeat(20_000) + " HTTP/1.1\r\nHost: localhost\r\n\r\n");
            assertJsonError(raw.read(), 414);
        }
        try (RawHttp raw = new RawHttp(c.baseUrl())) {
            raw.write("GET /health HTTP/1.1\r\nHost: localhost\r\nX-Big: " + "a".repeat(20_000) + "\r\n\r\n");
            assertJsonError(raw.read(), 431);
        }
    }

    private static void assertJsonError(RawHttp.Answer a, int status) {
        assertThat(a.status()).as("%s", a).isEqualTo(status);
        assertThat(a.headers().get("content-type")).startsWith("application/json");
        var error = JsonParser.parseString(a.body()).getAsJsonObject().getAsJsonObject("error");
        assertThat(error.get("code").getAsString()).isNotBlank();
        assertThat(error.get("message").getAsString()).isNotBlank();
    }

    @Test
    void an_unauthenticated_answer_carries_the_bearer_challenge() {
        try (RawHttp raw = new RawHttp(c.baseUrl())) {
            RawHttp.Answer a = raw.exchange("GET", "/api/v1/supply", Map.of(), null);
            assertThat(a.status()).isEqualTo(401);
            assertThat(a.headers().get("www-authenticate")).startsWith("Bearer");
        }
    }

    @Test
    void the_event_stream_answers_406_to_who_does_not_accept_it() {
        try (RawHttp raw = new RawHttp(c.baseUrl())) {
            RawHttp.Answer a = raw.exchange(
                    "GET", "/api/v1/events", Map.of("Authorization", "Bearer " + c.token("auditor")), null);
            assertThat(a.status()).as("%s", a).isEqualTo(406);
            assertThat(a.body()).contains("NOT_ACCEPTABLE");
        }
    }

    @Test
    void an_answer_carrying_a_token_is_not_to_be_cached() {
        try (RawHttp raw = new RawHttp(c.baseUrl())) {
            RawHttp.Answer a = raw.exchange(
                    "POST",
                    "/api/v1/accounts",
                    Map.of("Authorization", "Bearer " + c.token("province-HB"), "Content-Type", "application/json"),
                    "{\"id\":\"HB-EDGE-1\",\"type\":\"UNIT\",\"name\":\"Edge\",\"province\":\"HB\",\"sector\":\"POWER\"}");
            assertThat(a.status()).as("%s", a).isEqualTo(201);
            assertThat(a.body()).contains("\"token\"");
            assertThat(a.headers().get("cache-control")).isEqualTo("no-store");
        }
    }

    @Test
    void the_data_dir_is_the_owners_alone() throws IOException {
        Path data = gateway.dataDir();
        Set<PosixFilePermission> folder = Set.of(
                PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE);
        Set<PosixFilePermission> file = Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        assertThat(Files.getPosixFilePermissions(data)).isEqualTo(folder);
        assertThat(Files.getPosixFilePermissions(data.resolve("ledger"))).isEqualTo(folder);
        assertThat(Files.getPosixFilePermissions(data.resolve("credentials.json")))
                .isEqualTo(file);
        try (Stream<Path> keys =
                Files.walk(data).filter(p -> p.getFileName().toString().equals("key.pem"))) {
            List<Path> all = keys.toList();
            assertThat(all).isNotEmpty();
            for (Path k : all) {
                assertThat(Files.getPosixFilePermissions(k)).as("%s", k).isEqualTo(file);
            }
        }
    }
}
