package cn.ets.registry.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ets.registry.gateway.testing.GatewayProcess;
import cn.ets.registry.gateway.testing.Json;
import cn.ets.registry.gateway.testing.RegistryClient;
import cn.ets.registry.gateway.testing.RegistryClient.Response;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 of the gateway process in the middle of concurrent settlements: after a restart on the same
 * data dir the log is intact and matches state, supply balances, every acknowledged trade is settled,
 * and every trade is either fully settled (both holdings moved) or absent — never half.
 */
class CrashTest {
    private static final String P = "CEA-2024";
    private static final int UNITS = 6;
    private static final long START = 10_000;

    enum Outcome {
        ACKNOWLEDGED,
        REJECTED,
        UNKNOWN
    }

    record Trade(String id, String seller, String buyer, long quantity) {
        JsonObject json() {
            return Json.obj(
                    "tradeId",
                    id,
                    "product",
                    P,
                    "seller",
                    seller,
                    "buyer",
                    buyer,
                    "quantity",
                    quantity,
                    "price",
                    "77.70",
                    "mode",
                    "LISTED",
                    "tradedAt",
                    "2025-12-15T10:30:00+08:00");
        }
    }

    @Test
    void a_killed_gateway_restarts_with_every_trade_settled_in_full_or_not_at_all(@TempDir Path dir) throws Exception {
        long seed = System.nanoTime();
        Path data = dir.resolve("data");
        Path log = dir.resolve("gateway.log");
        List<String> units = new ArrayList<>();
        Map<String, Trade> trades = new ConcurrentHashMap<>();
        Map<String, Outcome> outcomes = new ConcurrentHashMap<>();
        try {
            try (GatewayProcess g = GatewayProcess.start(data, log)) {
                RegistryClient c = g.client();
                assertThat(c.post(
                                        "mee",
                                        "/api/v1/issuances",
                                        Json.obj("requestId", "k-iss", "product", P, "quantity", UNITS * START))
                                .status())
                        .isEqualTo(201);
                assertThat(c.post(
                                        "mee",
                                        "/api/v1/distributions",
                                        Json.obj(
                                                "requestId",
                                                "k-d",
                                                "product",
                                                P,
                                                "from",
                                                "MEE",
                                                "to",
                                                "PROVINCE-HB",
                                                "quantity",
                                                UNITS * START))
                                .status())
                        .isEqualTo(201);
                for (int i = 0; i < UNITS; i++) {
                    String u = "HB-K" + i;
                    units.add(u);
                    assertThat(c.post(
                                            "province-HB",
                                            "/api/v1/accounts",
                                            Json.obj(
                                                    "id",
                                                    u,
                                                    "type",
                                                    "UNIT",
                                                    "name",
                                                    u,
                                                    "province",
                                                    "HB",
                                                    "sector",
                                                    "POWER"))
                                    .status())
                            .isEqualTo(201);
                    assertThat(c.post(
                                            "province-HB",
                                            "/api/v1/distributions",
                                            Json.obj(
                                                    "requestId",
                                                    "k-d" + i,
                                                    "product",
                                                    P,
                                                    "from",
                                                    "PROVINCE-HB",
                                                    "to",
                                                    u,
                                                    "quantity",
                                                    START))
                                    .status())
                            .isEqualTo(201);
                }
                drive(g, c, units, trades, outcomes, seed);
            }

            try (GatewayProcess g = GatewayProcess.start(data, log)) {
                RegistryClient c = g.client();
                JsonObject v = c.verify().orElseThrow();
                assertThat(v.get("chainIntact").getAsBoolean()).as("%s", v).isTrue();
                assertThat(v.get("stateMatchesLog").getAsBoolean()).as("%s", v).isTrue();
                JsonObject audit = c.audit();
                assertThat(audit.get("balanced").getAsBoolean()).as("%s", audit).isTrue();
                assertThat(c.supplyOf(P).get("issued").getAsLong()).isEqualTo(UNITS * START);

                Map<String, Long> expected = new HashMap<>();
                units.forEach(u -> expected.put(u, START));
                int settled = 0;
                for (Trade t : trades.values()) {
                    Response r = c.get("exchange", "/api/v1/settlements/" + t.id());
                    Outcome o = outcomes.getOrDefault(t.id(), Outcome.UNKNOWN);
                    assertThat(r.status()).as("trade %s (%s): %s", t.id(), o, r).isIn(200, 404);
                    if (o == Outcome.ACKNOWLEDGED) {
                        assertThat(r.status())
                                .as("acknowledged trade %s must survive the kill", t.id())
                                .isEqualTo(200);
                    }
                    if (o == Outcome.REJECTED) {
                        assertThat(r.status()).as("rejected trade %s", t.id()).isEqualTo(404);
                    }
                    if (r.status() == 200) {
                        JsonObject s = r.json();
                        assertThat(s.get("seller").getAsString()).isEqualTo(t.seller());
                        assertThat(s.get("buyer").getAsString()).isEqualTo(t.buyer());
                        assertThat(s.get("quantity").getAsLong()).isEqualTo(t.quantity());
                        expected.merge(t.seller(), -t.quantity(), Long::sum);
                        expected.merge(t.buyer(), t.quantity(), Long::sum);
                        settled++;
                    }
                }
                for (String u : units) {
                    assertThat(c.holding(u, P))
                            .as("holding of %s = start ± every settled trade", u)
                            .isEqualTo(expected.get(u));
                }
                assertThat(settled).as("trades settled before the kill").isGreaterThan(0);
                System.out.printf(
                        "crash test (seed %d): %d trades posted, outcomes %s, %d settled on the ledger%n",
                        seed, trades.size(), count(outcomes), settled);

                // a client retrying its in-doubt trades gets each settled exactly once
                for (Trade t : trades.values()) {
                    if (outcomes.getOrDefault(t.id(), Outcome.UNKNOWN) == Outcome.UNKNOWN) {
                        boolean wasSettled = c.get("exchange", "/api/v1/settlements/" + t.id())
                                        .status()
                                == 200;
                        Response retry = c.post("exchange", "/api/v1/settlements", t.json());
                        if (retry.status() == 201) {
                            assertThat(retry.replayed())
                                    .as("retry of %s", t.id())
                                    .isEqualTo(wasSettled);
                            if (!wasSettled) {
                                expected.merge(t.seller(), -t.quantity(), Long::sum);
                                expected.merge(t.buyer(), t.quantity(), Long::sum);
                            }
                        } else {
                            assertThat(wasSettled).isFalse();
                            assertThat(retry.code()).isEqualTo("INSUFFICIENT_HOLDINGS");
                        }
                    }
                }
                for (String u : units) {
                    assertThat(c.holding(u, P))
                            .as("holding of %s after retries", u)
                            .isEqualTo(expected.get(u));
                }
                assertThat(c.audit().get("balanced").getAsBoolean()).isTrue();
            }
        } catch (AssertionError | RuntimeException e) {
            throw new AssertionError(
                    "seed " + seed + ", " + trades.size() + " trades, outcomes " + count(outcomes)
                            + "\n--- gateway log tail ---\n" + tailOf(log) + "\n" + e.getMessage(),
                    e);
        }
    }

    /** Four threads post single trades, one posts batches; the process is killed while they are in flight. */
    private static void drive(
            GatewayProcess g,
            RegistryClient c,
            List<String> units,
            Map<String, Trade> trades,
            Map<String, Outcome> outcomes,
            long seed)
            throws InterruptedException {
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger acknowledged = new AtomicInteger();
        CountDownLatch enough = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(5);
        for (int w = 0; w < 5; w++) {
            int worker = w;
            pool.submit(() -> {
                Random r = new Random(seed + worker);
                int n = 0;
                while (!stop.get()) {
                    List<Trade> batch = new ArrayList<>();
                    for (int k = 0; k < (worker == 4 ? 10 : 1); k++) {
                        int s = r.nextInt(units.size());
                        int b = (s + 1 + r.nextInt(units.size() - 1)) % units.size();
                        Trade t = new Trade("K" + worker + "-" + n++, units.get(s), units.get(b), 1 + r.nextInt(50));
                        trades.put(t.id(), t);
                        batch.add(t);
                    }
                    try {
                        if (batch.size() == 1) {
                            Response resp = c.post(
                                    "exchange",
                                    "/api/v1/settlements",
                                    batch.get(0).json());
                            outcomes.put(
                                    batch.get(0).id(), resp.status() == 201 ? Outcome.ACKNOWLEDGED : Outcome.REJECTED);
                        } else {
                            JsonArray arr = new JsonArray();
                            batch.forEach(t -> arr.add(t.json()));
                            Response resp = c.post("exchange", "/api/v1/settlements/batch", Json.obj("trades", arr));
                            if (resp.status() == 200) {
                                for (JsonElement e : resp.json().getAsJsonArray("results")) {
                                    JsonObject o = e.getAsJsonObject();
                                    outcomes.put(
                                            o.get("tradeId").getAsString(),
                                            o.get("status").getAsString().equals("SETTLED")
                                                    ? Outcome.ACKNOWLEDGED
                                                    : Outcome.REJECTED);
                                }
                            }
                        }
                        if (acknowledged.addAndGet(batch.size()) >= 80) {
                            enough.countDown();
                        }
                    } catch (RuntimeException e) {
                        // the process died under this request: its outcome is unknown to the client
                    }
                }
            });
        }
        assertThat(enough.await(90, TimeUnit.SECONDS))
                .as("80 trades answered before the kill")
                .isTrue();
        g.kill();
        stop.set(true);
        pool.shutdown();
        assertThat(pool.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
    }

    private static Map<Outcome, Integer> count(Map<String, Outcome> outcomes) {
        Map<Outcome, Integer> m = new HashMap<>();
        outcomes.values().forEach(o -> m.merge(o, 1, Integer::sum));
        return m;
    }

    private static String tailOf(Path log) {
        try {
            String s = Files.readString(log);
            return s.length() > 3000 ? s.substring(s.length() - 3000) : s;
        } catch (Exception e) {
            return "(no log)";
        }
    }
}
