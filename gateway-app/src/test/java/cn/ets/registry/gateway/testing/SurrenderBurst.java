package cn.ets.registry.gateway.testing;

import cn.ets.registry.gateway.testing.RegistryClient.Response;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;

/**
 * The compliance-deadline burst: N units, each with verified emissions of a year and the units to
 * cover them, all surrender at the same moment, each with its own identity. Prepared through the
 * REST API as the organisations would (funding through the settlement batch endpoint, so even
 * thousands of units are funded in a few transactions). The end-to-end test and the benchmark
 * both run it.
 */
public final class SurrenderBurst {
    /** Tonnes each unit emitted, holds and surrenders. */
    static final long EMISSIONS = 1_000;

    private static final int BATCH = 500;

    private final RegistryClient c;
    private final String run;
    private final int year;
    private final String product;
    private final List<String> units = new ArrayList<>();

    public SurrenderBurst(RegistryClient client, String runId, int year) {
        this.c = client;
        this.run = runId;
        this.year = year;
        this.product = "CEA-" + year;
    }

    /** One burst: how many surrenders were answered 201, the refusals by code, the wall time and each latency. */
    public record Outcome(
            int units, int surrendered, Map<String, Integer> failures, double seconds, List<Double> latenciesMs) {
        public double rate() {
            return surrendered / seconds;
        }

        public double percentileMs(double p) {
            List<Double> sorted = new ArrayList<>(latenciesMs);
            Collections.sort(sorted);
            return sorted.isEmpty() ? Double.NaN : sorted.get(Math.min(sorted.size() - 1, (int) (sorted.size() * p)));
        }
    }

    /** Opens {@code n} units of Hubei, records their emissions of the year and gives each what it owes. */
    public SurrenderBurst prepare(int n, int parallel) throws Exception {
        TestCalendar.open(c, String.valueOf(year), "2024");
        String dealer = "HB-" + run + "-DEALER";
        openUnit(dealer);
        long total = EMISSIONS * n;
        HttpAssertions.created(c.post(
                "mee",
                "/api/v1/issuances",
                Json.obj("requestId", run + "-iss", "product", product, "quantity", total)));
        HttpAssertions.created(c.post(
                "mee",
                "/api/v1/distributions",
                Json.obj(
                        "requestId",
                        run + "-dp",
                        "product",
                        product,
                        "from",
                        "MEE",
                        "to",
                        "PROVINCE-HB",
                        "quantity",
                        total)));
        HttpAssertions.created(c.post(
                "province-HB",
                "/api/v1/distributions",
                Json.obj(
                        "requestId",
                        run + "-dd",
                        "product",
                        product,
                        "from",
                        "PROVINCE-HB",
                        "to",
                        dealer,
                        "quantity",
                        total)));
        for (int i = 0; i < n; i++) {
            units.add("HB-" + run + "-B" + i);
        }
        inParallel(parallel, n, i -> {
            openUnit(units.get(i));
            HttpAssertions.created(c.post(
                    "province-HB",
                    "/api/v1/emissions",
                    Json.obj("unitId", units.get(i), "year", year, "verifiedEmissions", EMISSIONS)));
        });
        for (int from = 0; from < n; from += BATCH) {
            JsonArray trades = new JsonArray();
            for (int i = from; i < Math.min(n, from + BATCH); i++) {
                trades.add(Json.obj(
                        "tradeId",
                        run + "-f" + i,
                        "product",
                        product,
                        "seller",
                        dealer,
                        "buyer",
                        units.get(i),
                        "quantity",
                        EMISSIONS,
                        "price",
                        "90.00",
                        "mode",
                        "LISTED",
                        "tradedAt",
                        "2025-11-14T10:30:00+08:00"));
            }
            JsonObject r = HttpAssertions.ok(
                            c.post("exchange", "/api/v1/settlements/batch", Json.obj("trades", trades)))
                    .json();
            for (var e : r.getAsJsonArray("results")) {
                if (!"SETTLED".equals(e.getAsJsonObject().get("status").getAsString())) {
                    throw new IllegalStateException("funding a unit failed: " + e);
                }
            }
        }
        return this;
    }

    /** Every unit surrenders what it owes, all released at once. */
    public Outcome surrender() throws Exception {
        int n = units.size();
        Map<String, Integer> failures = new TreeMap<>();
        List<Double> latencies = Collections.synchronizedList(new ArrayList<>());
        Map<String, Integer> byCode = new ConcurrentHashMap<>();
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(n);
        List<Future<Response>> answers = new ArrayList<>();
        for (String u : units) {
            answers.add(pool.submit(() -> {
                go.await();
                long t0 = System.nanoTime();
                Response r = c.post(
                        u,
                        "/api/v1/surrenders",
                        Json.obj(
                                "requestId",
                                run + "-s-" + u,
                                "unitId",
                                u,
                                "year",
                                year,
                                "items",
                                List.of(Map.of("product", product, "quantity", EMISSIONS))));
                latencies.add((System.nanoTime() - t0) / 1e6);
                return r;
            }));
        }
        long t0 = System.nanoTime();
        go.countDown();
        int ok = 0;
        for (Future<Response> f : answers) {
            Response r = f.get();
            if (r.status() == 201) {
                ok++;
            } else {
                byCode.merge(r.status() + " " + r.code(), 1, Integer::sum);
            }
        }
        double secs = (System.nanoTime() - t0) / 1e9;
        pool.shutdown();
        failures.putAll(byCode);
        return new Outcome(n, ok, failures, secs, new ArrayList<>(latencies));
    }

    public List<String> units() {
        return List.copyOf(units);
    }

    public String product() {
        return product;
    }

    private void openUnit(String id) {
        JsonObject a = HttpAssertions.created(c.post(
                        "province-HB",
                        "/api/v1/accounts",
                        Json.obj("id", id, "type", "UNIT", "name", "Unit " + id, "province", "HB", "sector", "POWER")))
                .json();
        c.addIdentity(id, a.get("token").getAsString(), "province-HB");
    }

    private static void inParallel(int parallel, int n, IntConsumer step) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(parallel);
        try {
            List<Future<?>> fs = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int k = i;
                fs.add(pool.submit(() -> step.accept(k)));
            }
            for (Future<?> f : fs) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
    }
}
