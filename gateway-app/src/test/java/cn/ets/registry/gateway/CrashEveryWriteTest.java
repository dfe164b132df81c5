package cn.ets.registry.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ets.registry.gateway.testing.GatewayProcess;
import cn.ets.registry.gateway.testing.Json;
import cn.ets.registry.gateway.testing.RegistryClient;
import cn.ets.registry.gateway.testing.RegistryClient.Response;
import com.google.gson.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 of the gateway at random moments while every kind of write is in flight — account
 * openings, issuances, distributions, settlements single and batched, cancellations, verified
 * emissions, surrenders, locks, deposits, allocation adjustments — twice, restarting on the same
 * data dir each time. After each restart: the log is intact and matches state, supply balances,
 * every acknowledged write is there (its replay says so, or it reads back), every write in doubt
 * is either there or can be sent again, and every opened account is usable with its token.
 */
class CrashEveryWriteTest {
    private static final String P = "CEA-2024";
    private static final String MONTH =
            YearMonth.now(ZoneId.of("Asia/Shanghai")).minusMonths(1).toString();

    enum Outcome {
        ACKNOWLEDGED,
        REFUSED,
        UNKNOWN
    }

    /** One write as the client sent it, and how to see it on the ledger. */
    record Write(String kind, String who, String method, String path, String body, String readBack) {}

    private final Map<Write, Outcome> writes = new ConcurrentHashMap<>();
    private final List<String> units = new CopyOnWriteArrayList<>();
    private final Map<String, String> tokens = new ConcurrentHashMap<>();
    private final Map<String, Boolean> deposited = new ConcurrentHashMap<>();
    private final AtomicInteger seq = new AtomicInteger();

    @Test
    void every_acknowledged_write_survives_and_every_account_stays_usable(@TempDir Path dir) throws Exception {
        long seed = System.nanoTime();
        Path data = dir.resolve("data");
        Path log = dir.resolve("gateway.log");
        Random random = new Random(seed);
        try {
            try (GatewayProcess g = GatewayProcess.start(data, log)) {
                RegistryClient c = g.client();
                assertThat(c.post(
                                        "mee",
                                        "/api/v1/issuances",
                                        Json.obj("requestId", "cw-iss", "product", P, "quantity", 10_000_000))
                                .status())
                        .isEqualTo(201);
                assertThat(c.post(
                                        "mee",
                                        "/api/v1/distributions",
                                        Json.obj(
                                                "requestId",
                                                "cw-d",
                                                "product",
                                                P,
                                                "from",
                                                "MEE",
                                                "to",
                                                "PROVINCE-HB",
                                                "quantity",
                                                5_000_000))
                                .status())
                        .isEqualTo(201);
                drive(g, c, seed, 1_000 + random.nextInt(3_000));
            }
            for (int round = 1; round <= 2; round++) {
                try (GatewayProcess g = GatewayProcess.start(data, log)) {
                    RegistryClient c = g.client();
                    check(c);
                    if (round == 1) {
                        drive(g, c, seed + 1, 1_000 + random.nextInt(3_000));
                    }
                }
            }
            System.out.printf("crash test of every write (seed %d): %s%n", seed, count());
        } catch (AssertionError | RuntimeException e) {
            throw new AssertionError(
                    "seed " + seed + ", writes " + count() + "\n--- gateway log tail ---\n" + tail(log) + "\n"
                            + e.getMessage(),
                    e);
        }
    }

    /** Four clients write at random for {@code killAfterMs}, then the process is killed under them. */
    private void drive(GatewayProcess g, RegistryClient c, long seed, long killAfterMs) throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        for (int w = 0; w < 4; w++) {
            Random r = new Random(seed * 31 + w);
            pool.submit(() -> {
                while (!stop.get()) {
                    Write write = next(r);
                    if (write == null) {
                        continue;
                    }
                    writes.put(write, Outcome.UNKNOWN);
                    try {
                        Response resp = send(c, write);
                        writes.put(write, acknowledged(write, resp) ? Outcome.ACKNOWLEDGED : Outcome.REFUSED);
                        if (write.kind().equals("open") && resp.status() == 201) {
                            String id = Json.parse(write.body())
                                    .getAsJsonObject()
                                    .get("id")
                                    .getAsString();
                            tokens.put(id, resp.str("token"));
                            units.add(id);
                        }
                    } catch (RuntimeException died) {
                        // the process died under this request: its outcome is unknown
                    }
                }
            });
        }
        Thread.sleep(killAfterMs);
        g.kill();
        stop.set(true);
        pool.shutdown();
        assertThat(pool.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        assertThat(writes.values()).as("writes acknowledged before the kill").contains(Outcome.ACKNOWLEDGED);
    }

    /** A batch is read back by its first trade: acknowledged when that trade was settled. */
    private static boolean acknowledged(Write w, Response r) {
        if (r.status() / 100 != 2) {
            return false;
        }
        return !w.kind().equals("batch")
                || r.json()
                        .getAsJsonArray("results")
                        .get(0)
                        .getAsJsonObject()
                        .get("status")
                        .getAsString()
                        .equals("SETTLED");
    }

    private Write next(Random r) {
        int n = seq.incrementAndGet();
        String id = "cw-" + n;
        if (units.size() < 2 || r.nextInt(8) == 0) {
            String unit = "HB-CW" + n;
            return new Write(
                    "open",
                    "province-HB",
                    "POST",
                    "/api/v1/accounts",
                    Json.write(Json.obj("id", unit, "type", "UNIT", "name", unit, "province", "HB", "sector", "POWER")),
                    null);
        }
        String u = units.get(r.nextInt(units.size()));
        String v = units.get(r.nextInt(units.size()));
        return switch (r.nextInt(11)) {
            case 0 ->
                new Write(
                        "issue",
                        "mee",
                        "POST",
                        "/api/v1/issuances",
                        Json.write(Json.obj("requestId", id, "product", P, "quantity", 1 + r.nextInt(100))),
                        null);
            case 1, 2 ->
                new Write(
                        "distribute",
                        "province-HB",
                        "POST",
                        "/api/v1/distributions",
                        Json.write(Json.obj(
                                "requestId",
                                id,
                                "product",
                                P,
                                "from",
                                "PROVINCE-HB",
                                "to",
                                u,
                                "quantity",
                                100 + r.nextInt(1000))),
                        null);
            case 3 ->
                u.equals(v)
                        ? null
                        : new Write(
                                "settle",
                                "exchange",
                                "POST",
                                "/api/v1/settlements",
                                Json.write(trade(id, u, v, 1 + r.nextInt(20))),
                                "/api/v1/settlements/" + id);
            case 4 ->
                u.equals(v)
                        ? null
                        : new Write(
                                "batch",
                                "exchange",
                                "POST",
                                "/api/v1/settlements/batch",
                                Json.write(Json.obj(
                                        "trades", List.of(trade(id + "a", u, v, 1), trade(id + "b", v, u, 1)))),
                                "/api/v1/settlements/" + id + "a");
            case 5 ->
                new Write(
                        "cancel",
                        u,
                        "POST",
                        "/api/v1/cancellations",
                        Json.write(Json.obj(
                                "requestId", id, "account", u, "product", P, "quantity", 1, "purpose", "crash test")),
                        null);
            case 6 ->
                new Write(
                        "emissions",
                        "province-HB",
                        "POST",
                        "/api/v1/emissions",
                        Json.write(Json.obj("unitId", u, "year", 2024, "verifiedEmissions", 1_000)),
                        "/api/v1/compliance/2024/" + u);
            case 7 ->
                new Write(
                        "surrender",
                        u,
                        "POST",
                        "/api/v1/surrenders",
                        Json.write(Json.obj(
                                "requestId",
                                id,
                                "unitId",
                                u,
                                "year",
                                2024,
                                "items",
                                List.of(Map.of("product", P, "quantity", 1)))),
                        null);
            case 8 ->
                new Write(
                        "lock",
                        "registry",
                        "POST",
                        "/api/v1/locks",
                        Json.write(Json.obj(
                                "requestId",
                                id,
                                "account",
                                u,
                                "product",
                                P,
                                "quantity",
                                1,
                                "kind",
                                "FREEZE",
                                "reason",
                                "crash test")),
                        null);
            case 9 ->
                deposited.putIfAbsent(u, true) != null
                        ? null
                        : new Write(
                                "deposit",
                                u,
                                "POST",
                                "/api/v1/deposits",
                                Json.write(Json.obj(
                                        "unitId", u, "month", MONTH, "sha256", "d".repeat(64), "sm3", "e".repeat(64))),
                                "/api/v1/deposits/" + u + "/" + MONTH);
            default ->
                new Write(
                        "adjust",
                        "province-HB",
                        "POST",
                        "/api/v1/allocations/adjustments",
                        Json.write(Json.obj(
                                "requestId",
                                id,
                                "unitId",
                                u,
                                "year",
                                2024,
                                "quantity",
                                1,
                                "reason",
                                "CAPACITY_CHANGE")),
                        null);
        };
    }

    private static JsonObject trade(String id, String seller, String buyer, long q) {
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
                q,
                "price",
                "66.60",
                "mode",
                "LISTED",
                "tradedAt",
                "2025-12-15T10:30:00+08:00");
    }

    private Response send(RegistryClient c, Write w) {
        if (tokens.containsKey(w.who())) {
            c.addIdentity(w.who(), tokens.get(w.who()));
        }
        return w.method().equals("PUT") ? c.put(w.who(), w.path(), w.body()) : c.post(w.who(), w.path(), w.body());
    }

    /** After a restart: the ledger is whole, and every acknowledged write is there. */
    private void check(RegistryClient c) {
        tokens.forEach(c::addIdentity);
        JsonObject v = c.verify().orElseThrow();
        assertThat(v.get("chainIntact").getAsBoolean()).as("%s", v).isTrue();
        assertThat(v.get("stateMatchesLog").getAsBoolean()).as("%s", v).isTrue();
        assertThat(c.audit().get("balanced").getAsBoolean()).isTrue();

        // openings in doubt are completed by sending them again: no account is left without its credential
        for (Map.Entry<Write, Outcome> e : writes.entrySet()) {
            Write w = e.getKey();
            if (w.kind().equals("open") && e.getValue() != Outcome.REFUSED) {
                String id = Json.parse(w.body()).getAsJsonObject().get("id").getAsString();
                Response again = send(c, w);
                assertThat(again.status())
                        .as("opening %s (%s) sent again: %s", id, e.getValue(), again)
                        .isEqualTo(201);
                if (e.getValue() == Outcome.ACKNOWLEDGED) {
                    assertThat(again.replayed()).isTrue();
                    assertThat(again.str("token")).isEqualTo(tokens.get(id));
                } else {
                    tokens.put(id, again.str("token"));
                    units.add(id);
                    writes.put(w, Outcome.ACKNOWLEDGED);
                }
                c.addIdentity(id, tokens.get(id));
            }
        }
        for (String unit : tokens.keySet()) {
            assertThat(c.get(unit, "/api/v1/accounts/" + unit).status())
                    .as("account %s usable with its token", unit)
                    .isEqualTo(200);
        }
        for (Map.Entry<Write, Outcome> e : new HashMap<>(writes).entrySet()) {
            Write w = e.getKey();
            if (w.kind().equals("open") || e.getValue() == Outcome.REFUSED) {
                continue;
            }
            if (w.readBack() != null) {
                Response r = c.get(readerOf(w), w.readBack());
                if (e.getValue() == Outcome.ACKNOWLEDGED) {
                    assertThat(r.status())
                            .as("acknowledged %s %s read back: %s", w.kind(), w.body(), r)
                            .isEqualTo(200);
                    if (w.kind().equals("emissions")) {
                        assertThat(r.num("obligation")).isEqualTo(1_000);
                    }
                } else {
                    assertThat(r.status()).as("%s in doubt: %s", w.kind(), r).isIn(200, 404);
                }
                continue;
            }
            // replayable writes: the same command again says whether it was already there
            Response again = send(c, w);
            if (e.getValue() == Outcome.ACKNOWLEDGED) {
                assertThat(again.status())
                        .as("acknowledged %s %s sent again: %s", w.kind(), w.body(), again)
                        .isIn(200, 201);
                assertThat(again.replayed())
                        .as("acknowledged %s %s is on the ledger", w.kind(), w.body())
                        .isTrue();
            } else if (again.status() / 100 == 2) {
                writes.put(w, Outcome.ACKNOWLEDGED);
            }
        }
    }

    private static String readerOf(Write w) {
        return switch (w.kind()) {
            case "settle", "batch" -> "exchange";
            default -> "auditor";
        };
    }

    private Map<String, Integer> count() {
        Map<String, Integer> m = new HashMap<>();
        writes.forEach((w, o) -> m.merge(w.kind() + ":" + o, 1, Integer::sum));
        return m;
    }

    private static String tail(Path log) {
        try {
            String s = Files.readString(log);
            return s.length() > 3000 ? s.substring(s.length() - 3000) : s;
        } catch (Exception e) {
            return "(no log)";
        }
    }
}
