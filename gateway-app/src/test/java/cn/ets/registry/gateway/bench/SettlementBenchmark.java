package cn.ets.registry.gateway.bench;

import cn.ets.registry.gateway.Registry;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Settlement throughput through the REST gateway: disjoint accounts versus one hot seller, single
 * posts versus the batch endpoint (which orders trades per account), on the embedded ledger and,
 * with --network, on the real Fabric network. Prints figures and ratios of one run.
 */
@Command(name = "settlement-benchmark", mixinStandardHelpOptions = true)
public final class SettlementBenchmark implements Callable<Integer> {
    @Option(
            names = "--network",
            description = "network.json of a running Fabric network; without it only the embedded ledger is measured")
    Path network;

    @Option(names = "--trades", defaultValue = "300", description = "trades per scenario (default ${DEFAULT-VALUE})")
    int trades;

    @Option(names = "--concurrency", defaultValue = "32", description = "requests in flight (default ${DEFAULT-VALUE})")
    int concurrency;

    @Option(
            names = "--dvp",
            description = "measure DvP (post → bank confirms → settled) and pre-trade reservations beside single-step"
                    + " settlement, instead of the hot-seller scenarios")
    boolean dvp;

    private final HttpClient http = HttpClient.newHttpClient();

    /** One unit of work of a worker: its HTTP calls; answers null when it went through, else the refusal's code. */
    interface Step {
        String run(int worker) throws Exception;
    }

    record Result(
            String label, int ok, int rejected, double seconds, double p50, double p95, long conflicts, long retries) {
        double tps() {
            return ok / seconds;
        }
    }

    @Override
    public Integer call() throws Exception {
        List<Result> results = new ArrayList<>();
        Path dir = Files.createTempDirectory("bench");
        try (Registry embedded = Registry.embedded(dir.resolve("embedded"), true)) {
            embedded.start("127.0.0.1", 0);
            results.addAll(scenarios("embedded", embedded));
        }
        if (network != null) {
            try (Registry fabric = Registry.fabric(dir.resolve("fabric"), network, null)) {
                fabric.start("127.0.0.1", 0);
                results.addAll(scenarios("fabric", fabric));
            }
        }
        System.out.println();
        System.out.printf(
                "%-34s %7s %6s %8s %8s %8s %10s %8s%n",
                "scenario", "settled", "rej", "tx/s", "p50 ms", "p95 ms", "conflicts", "retries");
        for (Result r : results) {
            System.out.printf(
                    "%-34s %7d %6d %8.1f %8.0f %8.0f %10d %8d%n",
                    r.label, r.ok, r.rejected, r.tps(), r.p50, r.p95, r.conflicts, r.retries);
        }
        System.out.println();
        if (dvp) {
            for (String ledger : network == null ? List.of("embedded") : List.of("embedded", "fabric")) {
                ratio(results, ledger + " disjoint single", ledger + " dvp post+confirm");
                ratio(results, ledger + " disjoint single", ledger + " reserve then settle");
            }
            return 0;
        }
        ratio(results, "embedded disjoint single", "embedded hot seller single");
        if (network != null) {
            ratio(results, "fabric disjoint single", "fabric hot seller single");
            ratio(results, "fabric hot seller batch", "fabric hot seller single");
            ratio(results, "embedded disjoint single", "fabric disjoint single");
        }
        return 0;
    }

    private static void ratio(List<Result> rs, String a, String b) {
        Result x = rs.stream().filter(r -> r.label.equals(a)).findFirst().orElseThrow();
        Result y = rs.stream().filter(r -> r.label.equals(b)).findFirst().orElseThrow();
        System.out.printf("ratio  %-26s / %-26s = %.2f (throughput)%n", a, b, x.tps() / y.tps());
    }

    private List<Result> scenarios(String ledger, Registry registry) throws Exception {
        String url = "http://127.0.0.1:" + registry.port();
        Map<String, String> tok = new HashMap<>();
        registry.identities().all().forEach(c -> tok.put(c.name(), c.token()));
        String run = Long.toString(System.nanoTime(), 36);
        int accounts = 2 * concurrency;
        System.out.printf("[bench] %s: setting up %d funded units%n", ledger, accounts);
        post(
                url,
                tok.get("mee"),
                "/api/v1/issuances",
                "{\"requestId\":\"bi-" + run + "\",\"product\":\"CEA-2024\",\"quantity\":100000000}");
        post(
                url,
                tok.get("mee"),
                "/api/v1/distributions",
                "{\"requestId\":\"bd-" + run
                        + "\",\"product\":\"CEA-2024\",\"from\":\"MEE\",\"to\":\"PROVINCE-HB\",\"quantity\":100000000}");
        List<String> units = new ArrayList<>();
        for (int i = 0; i < accounts; i++) {
            String id = "B" + run + "-" + i;
            post(
                    url,
                    tok.get("province-HB"),
                    "/api/v1/accounts",
                    "{\"id\":\"" + id
                            + "\",\"type\":\"UNIT\",\"name\":\"bench\",\"province\":\"HB\",\"sector\":\"POWER\"}");
            post(
                    url,
                    tok.get("province-HB"),
                    "/api/v1/distributions",
                    "{\"requestId\":\"bu-" + id + "\",\"product\":\"CEA-2024\",\"from\":\"PROVINCE-HB\",\"to\":\"" + id
                            + "\",\"quantity\":1000000}");
            units.add(id);
        }
        List<Result> out = new ArrayList<>();
        AtomicInteger seq = new AtomicInteger();
        // Disjoint: trade i goes between a pair of accounts no other in-flight trade touches.
        out.add(single(
                ledger + " disjoint single",
                url,
                tok.get("exchange"),
                w -> trade(run + "-d-" + seq.incrementAndGet(), units.get(2 * w), units.get(2 * w + 1))));
        if (dvp) {
            out.addAll(dvpScenarios(ledger, url, tok, run, units, seq));
            return out;
        }
        // Hot seller: every trade sells from the same account, posted one by one in parallel.
        out.add(single(
                ledger + " hot seller single",
                url,
                tok.get("exchange"),
                w -> trade(run + "-h-" + seq.incrementAndGet(), units.get(0), units.get(1 + w))));
        // Hot seller through the batch endpoint: the gateway orders the seller's trades itself.
        List<String> batch = new ArrayList<>();
        for (int i = 0; i < trades; i++) {
            batch.add(trade(run + "-b-" + seq.incrementAndGet(), units.get(0), units.get(1 + i % (accounts - 1))));
        }
        long c0 = conflicts(url)[0];
        long r0 = conflicts(url)[1];
        long t0 = System.nanoTime();
        JsonObject reply = post(
                url,
                tok.get("exchange"),
                "/api/v1/settlements/batch",
                "{\"trades\":[" + String.join(",", batch) + "]}");
        double secs = (System.nanoTime() - t0) / 1e9;
        int ok = 0;
        for (var r : reply.getAsJsonArray("results")) {
            ok += "SETTLED".equals(r.getAsJsonObject().get("status").getAsString()) ? 1 : 0;
        }
        long[] c1 = conflicts(url);
        out.add(new Result(
                ledger + " hot seller batch", ok, trades - ok, secs, Double.NaN, Double.NaN, c1[0] - c0, c1[1] - r0));
        return out;
    }

    /** {@code concurrency} workers, each posting its share of the trades one after another; worker w builds its trades with {@code body(w)}. */
    private Result single(String label, String url, String token, IntFunction<String> body) throws Exception {
        return timed(label, url, w -> refusal(send(url, token, "/api/v1/settlements", body.apply(w)), 201));
    }

    /**
     * DvP beside single-step settlement, disjoint accounts: the exchange posts, the bank confirms
     * (latency and throughput post → settled, two transactions); and the cost of a reservation: the
     * exchange reserves the seller's units, then the trade cites the reservation.
     */
    private List<Result> dvpScenarios(
            String ledger, String url, Map<String, String> tok, String run, List<String> units, AtomicInteger seq)
            throws Exception {
        for (String u : units) {
            send(
                    url,
                    tok.get("bank"),
                    "PUT",
                    "/api/v1/accounts/" + u + "/funds-account",
                    "{\"requestId\":\"bf-" + u + "\",\"reference\":\"6222-" + u + "\"}");
        }
        List<Result> out = new ArrayList<>();
        out.add(timed(ledger + " dvp post+confirm", url, w -> {
            String id = run + "-v-" + seq.incrementAndGet();
            String refused = refusal(
                    send(url, tok.get("exchange"), "/api/v1/dvp", dvpTrade(id, units.get(2 * w), units.get(2 * w + 1))),
                    201);
            if (refused != null) {
                return refused;
            }
            return refusal(
                    send(
                            url,
                            tok.get("bank"),
                            "/api/v1/dvp/" + id + "/confirm",
                            "{\"requestId\":\"c-" + id + "\",\"fundsRef\":\"FT-" + id + "\"}"),
                    200);
        }));
        out.add(timed(
                ledger + " reserve only",
                url,
                w -> refusal(
                        send(
                                url,
                                tok.get("exchange"),
                                "/api/v1/reservations",
                                reservation(run + "-r-" + seq.incrementAndGet(), units.get(2 * w))),
                        201)));
        out.add(timed(ledger + " reserve then settle", url, w -> {
            String rid = run + "-rs-" + seq.incrementAndGet();
            String refused = refusal(
                    send(url, tok.get("exchange"), "/api/v1/reservations", reservation(rid, units.get(2 * w))), 201);
            if (refused != null) {
                return refused;
            }
            String t = trade(run + "-t-" + seq.incrementAndGet(), units.get(2 * w), units.get(2 * w + 1));
            return refusal(
                    send(
                            url,
                            tok.get("exchange"),
                            "/api/v1/settlements",
                            t.substring(0, t.length() - 1) + ",\"reservationId\":\"" + rid + "\"}"),
                    201);
        }));
        return out;
    }

    private static String dvpTrade(String id, String seller, String buyer) {
        OffsetDateTime now = OffsetDateTime.now(ZoneId.of("Asia/Shanghai")).withNano(0);
        return "{\"tradeId\":\"" + id + "\",\"product\":\"CEA-2024\",\"seller\":\"" + seller + "\",\"buyer\":\""
                + buyer + "\",\"quantity\":10,\"price\":\"95.00\",\"mode\":\"LISTED\",\"tradedAt\":\""
                + now.minusMinutes(1) + "\",\"cutOff\":\"" + now.plusHours(2) + "\"}";
    }

    private static String reservation(String id, String seller) {
        return "{\"reservationId\":\"" + id + "\",\"account\":\"" + seller
                + "\",\"product\":\"CEA-2024\",\"quantity\":10,\"orderRef\":\"O-" + id + "\"}";
    }

    /** Null when the answer has the expected status, else the refusal's code. */
    private static String refusal(HttpResponse<String> r, int expected) {
        if (r.statusCode() == expected) {
            return null;
        }
        return JsonParser.parseString(r.body())
                .getAsJsonObject()
                .getAsJsonObject("error")
                .get("code")
                .getAsString();
    }

    /** {@code concurrency} workers, each running its share of {@code trades} steps one after another; each step timed whole. */
    private Result timed(String label, String url, Step step) throws Exception {
        System.out.printf("[bench] %s: %d trades, %d in flight%n", label, trades, concurrency);
        long[] before = conflicts(url);
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        List<Double> latencies = Collections.synchronizedList(new ArrayList<>());
        Map<String, Integer> refusals = new ConcurrentHashMap<>();
        AtomicInteger ok = new AtomicInteger();
        AtomicInteger rejected = new AtomicInteger();
        long t0 = System.nanoTime();
        List<Future<?>> fs = new ArrayList<>();
        for (int w = 0; w < concurrency; w++) {
            int worker = w;
            int share = trades / concurrency + (w < trades % concurrency ? 1 : 0);
            fs.add(pool.submit(() -> {
                for (int k = 0; k < share; k++) {
                    long s = System.nanoTime();
                    String refused = step.run(worker);
                    latencies.add((System.nanoTime() - s) / 1e6);
                    if (refused == null) {
                        ok.incrementAndGet();
                    } else {
                        rejected.incrementAndGet();
                        refusals.merge(refused, 1, Integer::sum);
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : fs) {
            f.get();
        }
        double secs = (System.nanoTime() - t0) / 1e9;
        pool.shutdown();
        long[] after = conflicts(url);
        if (!refusals.isEmpty()) {
            System.out.println("[bench]   refusals: " + refusals);
        }
        List<Double> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        return new Result(
                label,
                ok.get(),
                rejected.get(),
                secs,
                sorted.get(sorted.size() / 2),
                sorted.get((int) (sorted.size() * 0.95)),
                after[0] - before[0],
                after[1] - before[1]);
    }

    private static String trade(String id, String seller, String buyer) {
        return "{\"tradeId\":\"" + id + "\",\"product\":\"CEA-2024\",\"seller\":\"" + seller + "\",\"buyer\":\"" + buyer
                + "\",\"quantity\":10,\"price\":\"95.00\",\"mode\":\"LISTED\",\"tradedAt\":\"2025-11-20T10:00:00+08:00\"}";
    }

    private long[] conflicts(String url) throws Exception {
        JsonObject h = JsonParser.parseString(http.send(
                                HttpRequest.newBuilder(URI.create(url + "/health"))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString())
                        .body())
                .getAsJsonObject();
        return new long[] {
            h.has("mvccConflicts") ? h.get("mvccConflicts").getAsLong() : 0,
            h.has("mvccRetries") ? h.get("mvccRetries").getAsLong() : 0
        };
    }

    private JsonObject post(String url, String token, String path, String json) throws Exception {
        HttpResponse<String> r = send(url, token, path, json);
        if (r.statusCode() >= 300) {
            throw new IllegalStateException(path + " -> " + r.statusCode() + " " + r.body());
        }
        return JsonParser.parseString(r.body()).getAsJsonObject();
    }

    private HttpResponse<String> send(String url, String token, String path, String json) throws Exception {
        return send(url, token, "POST", path, json);
    }

    private HttpResponse<String> send(String url, String token, String method, String path, String json)
            throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(url + path))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(json))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new SettlementBenchmark()).execute(args));
    }
}
