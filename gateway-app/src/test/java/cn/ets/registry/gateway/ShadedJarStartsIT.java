package cn.ets.registry.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.File;
import java.io.IOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shaded jar as shipped (target/gateway-app.jar): small enough, and it still starts. Run by the
 * failsafe execution {@code shaded-jar-starts} of every {@code mvn verify}/{@code install}, after
 * {@code package}; the jar leaves out natives of unsupported platforms and unused parts of its
 * libraries, so this is what catches a trim that went too far.
 */
class ShadedJarStartsIT {
    private static final Path JAR = Path.of(System.getProperty("gateway.jar", "target/gateway-app.jar"));
    private static final long MAX_BYTES = Long.getLong("gateway.jar.maxBytes", 62_000_000L);
    private static final Duration START_TIMEOUT =
            Duration.ofSeconds(Long.getLong("gateway.jar.startTimeoutSeconds", 90));

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    void the_jar_is_under_its_size_limit() throws IOException {
        assertThat(JAR).as("the shaded jar (mvn package)").isRegularFile();
        long size = Files.size(JAR);
        System.out.printf(
                Locale.ROOT,
                "[shaded-jar] %s: %d bytes (%.1f MB), limit %d bytes (%.1f MB)%n",
                JAR.getFileName(),
                size,
                size / 1e6,
                MAX_BYTES,
                MAX_BYTES / 1e6);
        assertThat(size)
                .as("size of %s in bytes: a dependency or a native library came back?", JAR)
                .isLessThanOrEqualTo(MAX_BYTES);
    }

    @Test
    void java_jar_starts_and_reports_healthy(@TempDir Path tmp) throws Exception {
        int port = freePort();
        Path dataDir = tmp.resolve("data");
        Path log = JAR.resolveSibling("shaded-jar-start.log");
        List<String> cmd = List.of(
                java(),
                "-jar",
                JAR.toString(),
                "--host",
                "127.0.0.1",
                "--port",
                Integer.toString(port),
                "--data-dir",
                dataDir.toString());
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(cmd)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        try {
            String base = "http://127.0.0.1:" + port;
            JsonObject health = awaitHealthy(p, base + "/health", log);
            long ms = (System.nanoTime() - t0) / 1_000_000;
            System.out.printf(
                    Locale.ROOT,
                    "[shaded-jar] java -jar %s: /health 200 %s after %d ms (first start: CAs, identities, ledger)%n",
                    JAR.getFileName(),
                    health,
                    ms);

            // A few routes that lean on what the trimmed libraries still provide.
            assertThat(get(base + "/metrics", null).statusCode())
                    .as("/metrics (Prometheus text format)")
                    .isEqualTo(200);
            assertThat(get(base + "/openapi.json", null).statusCode())
                    .as("/openapi.json")
                    .isEqualTo(200);
            String token = token(dataDir.resolve("credentials.json"), "mee");
            HttpResponse<String> account = get(base + "/api/v1/accounts/MEE", token);
            assertThat(account.statusCode())
                    .as("GET /api/v1/accounts/MEE: %s", account.body())
                    .isEqualTo(200);
        } finally {
            stop(p);
        }
    }

    @Test
    void bouncy_castle_and_the_fabric_signer_in_the_jar_do_what_the_gateway_needs() throws Exception {
        Path log = JAR.resolveSibling("shaded-jar-crypto.log");
        // The jar first: every class but the check itself comes from it.
        String cp = JAR + File.pathSeparator + System.getProperty("gateway.testClasses", "target/test-classes");
        Process p = new ProcessBuilder(java(), "-cp", cp, ShadedJarCryptoCheck.class.getName())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor();
            fail("the crypto check did not finish within 60 s:%n%s", Files.readString(log));
        }
        String out = Files.readString(log);
        System.out.print(out.lines()
                .map(l -> "[shaded-jar] " + l + System.lineSeparator())
                .reduce("", String::concat));
        assertThat(p.exitValue())
                .as("crypto check against the shaded jar:%n%s", out)
                .isZero();
        assertThat(out).contains("crypto check: OK");
    }

    private JsonObject awaitHealthy(Process p, String url, Path log) throws Exception {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        String last = "no answer yet";
        while (System.nanoTime() < deadline) {
            if (!p.isAlive()) {
                fail("java -jar %s exited with %d before it was healthy:%n%s", JAR, p.exitValue(), tail(log));
            }
            try {
                HttpResponse<String> r = get(url, null);
                last = r.statusCode() + " " + r.body();
                if (r.statusCode() == 200) {
                    JsonObject h = JsonParser.parseString(r.body()).getAsJsonObject();
                    assertThat(h.get("status").getAsString())
                            .as("/health body %s", r.body())
                            .isEqualTo("UP");
                    return h;
                }
            } catch (ConnectException | HttpConnectTimeoutException notYet) {
                last = "not listening yet";
            }
            Thread.sleep(200);
        }
        fail("java -jar %s not healthy within %d s (last: %s):%n%s", JAR, START_TIMEOUT.toSeconds(), last, tail(log));
        return null;
    }

    private HttpResponse<String> get(String url, String token) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(10))
                .GET();
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String token(Path credentials, String name) throws IOException {
        for (JsonElement e : JsonParser.parseString(Files.readString(credentials))
                .getAsJsonObject()
                .getAsJsonArray("identities")) {
            if (e.getAsJsonObject().get("name").getAsString().equals(name)) {
                return e.getAsJsonObject().get("token").getAsString();
            }
        }
        throw new AssertionError("no identity " + name + " in " + credentials);
    }

    /** SIGTERM (the gateway's shutdown hook closes the ledger), then SIGKILL if it lingers. */
    private static void stop(Process p) throws InterruptedException {
        p.destroy();
        if (!p.waitFor(20, TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static String tail(Path log) throws IOException {
        List<String> lines = Files.exists(log) ? Files.readAllLines(log) : new ArrayList<>();
        return String.join(System.lineSeparator(), lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    }
}
