package cn.ets.registry.gateway.audit;

import static cn.ets.registry.gateway.testing.HttpAssertions.created;
import static org.assertj.core.api.Assertions.assertThat;

import cn.ets.registry.gateway.testing.EmbeddedGateway;
import cn.ets.registry.gateway.testing.Json;
import cn.ets.registry.gateway.testing.RegistryClient;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code audit --against URL [--token T]}: a gateway that reports the ledger as its blocks say
 * passes; one that reports a different supply or holding (a fake standing in front of the real
 * gateway, changing one figure of its answers) is caught, with what it said and what the blocks say.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GatewayComparisonTest {
    private EmbeddedGateway gateway;
    private RegistryClient c;
    private Path dataDir;
    private AuditRun run;

    @BeforeAll
    void ledger(@TempDir Path dir) {
        dataDir = dir;
        gateway = EmbeddedGateway.start(dir, false);
        c = gateway.client();
        created(c.post(
                "mee", "/api/v1/issuances", Json.obj("requestId", "gc-i", "product", "CEA-2024", "quantity", 1_000)));
        created(c.post(
                "mee",
                "/api/v1/distributions",
                Json.obj(
                        "requestId",
                        "gc-d",
                        "product",
                        "CEA-2024",
                        "from",
                        "MEE",
                        "to",
                        "PROVINCE-HB",
                        "quantity",
                        400)));
        run = AuditCommand.audit(
                "embedded:" + dataDir, AuditOptions.defaults().withMaxUnendorsedAge(Duration.ofDays(1)));
        assertThat(run.report().findings()).isEmpty();
    }

    @AfterAll
    void stop() {
        gateway.close();
    }

    @Test
    void the_gateway_that_reports_what_the_blocks_say_passes_supply_and_every_account() {
        AuditReport r = GatewayComparison.compare(run.report(), run.replay(), c.baseUrl(), c.token("registry"));
        assertThat(r.findings()).isEmpty();
        assertThat(r.notes()).anyMatch(n -> n.startsWith("the supply reported by"));
        assertThat(r.notes()).anyMatch(n -> n.startsWith("2 accounts compared holding by holding"));
    }

    @Test
    void a_gateway_reporting_one_tonne_more_in_circulation_is_caught() throws Exception {
        try (Fake fake = new Fake(c.baseUrl(), body -> body.replace("\"held\":1000", "\"held\":1001"))) {
            AuditReport r = GatewayComparison.compare(run.report(), run.replay(), fake.url(), null);
            assertThat(r.findings()).singleElement().satisfies(f -> {
                assertThat(f.check()).isEqualTo("gateway");
                assertThat(f.detail()).contains("held 1001").contains("held 1000");
            });
        }
    }

    @Test
    void a_gateway_reporting_a_holding_the_blocks_do_not_show_is_caught() throws Exception {
        try (Fake fake = new Fake(c.baseUrl(), body -> body.replace("\"quantity\":400", "\"quantity\":40"))) {
            AuditReport r = GatewayComparison.compare(run.report(), run.replay(), fake.url(), c.token("mee"));
            assertThat(r.findings())
                    .singleElement()
                    .satisfies(f -> assertThat(f.detail())
                            .startsWith("account PROVINCE-HB: the gateway reports {CEA-2024=40 t (0 locked)}"));
        }
    }

    /** A gateway in front of the real one that changes its answers' bodies. */
    private static final class Fake implements AutoCloseable {
        private final HttpServer server;

        Fake(String upstream, UnaryOperator<String> change) throws IOException {
            HttpClient http = HttpClient.newHttpClient();
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", exchange -> {
                HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(upstream + exchange.getRequestURI()));
                String auth = exchange.getRequestHeaders().getFirst("Authorization");
                if (auth != null) {
                    b.header("Authorization", auth);
                }
                try {
                    HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
                    byte[] body = change.apply(r.body()).getBytes(StandardCharsets.UTF_8);
                    exchange.sendResponseHeaders(r.statusCode(), body.length);
                    try (OutputStream out = exchange.getResponseBody()) {
                        out.write(body);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    exchange.sendResponseHeaders(500, -1);
                }
            });
            server.start();
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort();
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }
}
