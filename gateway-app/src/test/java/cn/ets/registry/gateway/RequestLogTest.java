package cn.ets.registry.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ets.registry.gateway.testing.GatewayProcess;
import cn.ets.registry.gateway.testing.Json;
import cn.ets.registry.gateway.testing.RegistryClient;
import com.google.gson.JsonArray;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a request costs the gateway's log and the ledger's: one line per request, never its body,
 * a refusal on that one line (its code, no stack trace), and no ledger entry for a command that
 * changed nothing (a replay, a batch whose every trade was refused).
 */
class RequestLogTest {
    private static final String MARK = "logmark";

    @Test
    void each_request_is_one_line_without_its_body_and_a_no_op_leaves_no_ledger_entry(@TempDir Path dir)
            throws Exception {
        Path log = dir.resolve("gateway.log");
        try (GatewayProcess g = GatewayProcess.start(dir.resolve("data"), log)) {
            RegistryClient c = g.client();
            long startBytes = Files.size(log);
            int requests = 0;
            for (int i = 0; i < 10; i++) {
                c.post(
                        "mee",
                        "/api/v1/issuances",
                        Json.obj("requestId", MARK + "-ok-" + i, "product", "CEA-2024", "quantity", 10));
                c.post(
                        "mee",
                        "/api/v1/issuances",
                        Json.obj("requestId", MARK + "-bad-" + i, "product", "CEA-2024", "quantity", 0));
                c.post(
                        "registry",
                        "/api/v1/issuances",
                        Json.obj("requestId", MARK + "-no-" + i, "product", "CEA-2024", "quantity", 1));
                c.get("auditor", "/api/v1/supply");
                requests += 4;
            }
            long height = height(c);
            for (int i = 0; i < 10; i++) {
                c.post(
                        "mee",
                        "/api/v1/issuances",
                        Json.obj("requestId", MARK + "-ok-" + i, "product", "CEA-2024", "quantity", 10));
                JsonArray trades = new JsonArray();
                trades.add(Json.obj(
                        "tradeId", MARK + "-T-" + i,
                        "product", "CEA-2024",
                        "seller", "NOPE-" + MARK,
                        "buyer", "PROVINCE-HB",
                        "quantity", 1,
                        "price", "1.00",
                        "mode", "LISTED",
                        "tradedAt", "2025-12-15T10:30:00+08:00"));
                c.post("exchange", "/api/v1/settlements/batch", Json.obj("trades", trades));
                requests += 2;
            }
            assertThat(height(c))
                    .as("ledger height after replays and all-refused batches")
                    .isEqualTo(height);
            requests += 2; // the two health checks
            Thread.sleep(500); // the last lines reach the file

            byte[] all = Files.readAllBytes(log);
            String written = new String(Arrays.copyOfRange(all, (int) startBytes, all.length), StandardCharsets.UTF_8);
            List<String> lines = written.lines().filter(l -> !l.isBlank()).toList();
            assertThat(written).as("request bodies in the log").doesNotContain(MARK + "-");
            assertThat(lines)
                    .as("stack traces in the log")
                    .noneMatch(l -> l.startsWith("\tat ") || l.contains("Exception"));
            assertThat(lines.stream().filter(l -> l.contains("method=")).count())
                    .as("request lines")
                    .isEqualTo(requests);
            assertThat(lines).as("every line is a request line: %s", lines).allMatch(l -> l.contains("method="));
            assertThat(lines.stream()
                            .filter(l -> l.contains("code=INVALID_QUANTITY"))
                            .count())
                    .isEqualTo(10);
            long perRequest = written.getBytes(StandardCharsets.UTF_8).length / requests;
            System.out.printf(
                    "request log: %d requests, %d bytes, %d bytes per request%n",
                    requests, written.length(), perRequest);
            assertThat(perRequest).as("log bytes per request").isLessThan(200);
        }
    }

    private static long height(RegistryClient c) {
        return c.send("GET", "/health", null, null).json().get("height").getAsLong();
    }
}
