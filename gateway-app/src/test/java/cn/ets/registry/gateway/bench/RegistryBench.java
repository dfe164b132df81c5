package cn.ets.registry.gateway.bench;

import cn.ets.registry.gateway.Registry;
import cn.ets.registry.gateway.testing.Json;
import cn.ets.registry.gateway.testing.RegistryClient;
import cn.ets.registry.gateway.testing.RegistryClient.Response;
import cn.ets.registry.gateway.testing.SurrenderBurst;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.Security;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The registry's benchmark (scripts/bench.sh): every scenario through the REST gateway, on the
 * embedded ledger and, with --network, on a running Fabric network; one table and, with --json, the
 * same figures as JSON. Ratios are to the no-op submit of the same ledger in the same run, so
 * they hold up better than the rates on a shared machine. The gateway runs in this JVM, next to
 * the clients driving it: its CPU figure includes theirs.
 */
@Command(name = "bench", mixinStandardHelpOptions = true)
public final class RegistryBench implements Callable<Integer> {
    @Option(names = "--network", description = "network.json of a running Fabric network")
    Path network;

    @Option(names = "--runtime", description = "the network's runtime directory (pids/, for CPU per process group)")
    Path runtime;

    @Option(names = "--json", description = "also write the figures as JSON to this file")
    Path json;

    @Option(
            names = "--quick",
            description = "fewer operations per scenario and the burst at 300 only (under 5 minutes)")
    boolean quick;

    @Option(names = "--skip-embedded", description = "only the Fabric scenarios")
    boolean skipEmbedded;

    @Option(names = "--clients", defaultValue = "32", description = "clients in flight (default ${DEFAULT-VALUE})")
    int clients;

    private static final String SETTLED_PRODUCT = "CEA-2024";

    /** One scenario's figures. */
    record Row(
            String name,
            int ops,
            double seconds,
            List<Double> latenciesMs,
            Map<String, Integer> failures,
            Map<String, Long> retried,
            Map<String, Double> coreMsPerOp) {
        double rate() {
            return ops / seconds;
        }

        double p(double q) {
            if (latenciesMs.isEmpty()) {
                return seconds * 1000;
            }
            List<Double> s = new ArrayList<>(latenciesMs);
            Collections.sort(s);
            return s.get(Math.min(s.size() - 1, (int) (s.size() * q)));
        }

        int failed() {
            return failures.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    private final List<Row> rows = new ArrayList<>();
    private final Map<String, Double> noop = new LinkedHashMap<>();

    @Override
    public Integer call() throws Exception {
        Security.addProvider(new BouncyCastleProvider());
        Map<String, Object> calStart = calibration();
        System.out.printf(
                "[bench] calibration at start: ECDSA P-256 (Bouncy Castle) %s sign/s, %s verify/s on %d cores, load %s%n",
                calStart.get("signPerSecond"),
                calStart.get("verifyPerSecond"),
                Runtime.getRuntime().availableProcessors(),
                calStart.get("loadAverage"));
        Path dir = Files.createTempDirectory("bench");
        if (!skipEmbedded) {
            try (Registry embedded = Registry.embedded(dir.resolve("embedded"), true)) {
                embedded.start("127.0.0.1", 0);
                scenarios("embedded", embedded, null);
            }
        }
        if (network != null) {
            try (Registry fabric = Registry.fabric(dir.resolve("fabric"), network, null)) {
                fabric.start("127.0.0.1", 0);
                scenarios("fabric", fabric, runtime);
            }
        }
        Map<String, Object> calEnd = calibration();
        System.out.printf(
                "[bench] calibration at end: ECDSA P-256 (Bouncy Castle) %s sign/s, %s verify/s, load %s%n",
                calEnd.get("signPerSecond"), calEnd.get("verifyPerSecond"), calEnd.get("loadAverage"));
        print();
        if (json != null) {
            writeJson(calStart, calEnd);
            System.out.println("[bench] JSON written to " + json);
        }
        return 0;
    }

    private void scenarios(String ledger, Registry registry, Path runtimeDir) throws Exception {
        RegistryClient c = RegistryClient.of(registry);
        String url = c.baseUrl();
        String run = Long.toString(System.nanoTime(), 36).toUpperCase();
        int n = quick ? 300 : 1000;
        CpuMeter cpu = new CpuMeter(runtimeDir);
        int accounts = 2 * clients;
        System.out.printf("[bench] %s: preparing %d funded accounts%n", ledger, accounts + 101);
        List<String> units = fundedUnits(c, run, accounts + 101, 1_000_000);

        // no-op submit: one closing price per (product, day), a key nobody else writes
        String product = "CEA-" + (2040 + ThreadLocalRandom.current().nextInt(60));
        LocalDate start = LocalDate.now(ZoneId.of("Asia/Shanghai"))
                .minusDays(2 + ThreadLocalRandom.current().nextInt(2_000_000));
        AtomicInteger day = new AtomicInteger();
        // Warm-up, not measured: the first calls of a fresh chaincode JVM and gateway cost several
        // times the later ones, and would make the no-op measured first look dear.
        for (int i = 0; i < (quick ? 100 : 300); i++) {
            c.post(
                    "exchange",
                    "/api/v1/prices/closing",
                    Json.obj(
                            "product",
                            product,
                            "date",
                            start.minusDays(day.incrementAndGet()).toString(),
                            "price",
                            "60.00"));
            c.post(
                    "exchange",
                    "/api/v1/settlements",
                    trade(run + "-warm" + i, units.get(i % accounts), units.get((i + 1) % accounts), 1));
        }
        Row noopRow = load(
                ledger + " no-op submit",
                c,
                cpu,
                n,
                clients,
                w -> () -> c.post(
                        "exchange",
                        "/api/v1/prices/closing",
                        Json.obj(
                                "product",
                                product,
                                "date",
                                start.minusDays(day.incrementAndGet()).toString(),
                                "price",
                                "60.00")));
        noop.put(ledger, noopRow.rate());
        load(
                ledger + " evaluate (read an account)",
                c,
                cpu,
                n,
                clients,
                w -> () -> c.get("registry", "/api/v1/accounts/" + units.get(w)));

        AtomicInteger seq = new AtomicInteger();
        load(
                ledger + " single settlement, spread accounts",
                c,
                cpu,
                n,
                clients,
                w -> () -> c.post(
                        "exchange",
                        "/api/v1/settlements",
                        trade(run + "-s" + seq.incrementAndGet(), units.get(2 * w), units.get(2 * w + 1), 1)));
        // one hot seller: 100 trades posted at once, one per client
        load(
                ledger + " hot seller, 100 one-by-one",
                c,
                cpu,
                100,
                100,
                w -> () -> c.post(
                        "exchange",
                        "/api/v1/settlements",
                        trade(
                                run + "-h" + seq.incrementAndGet(),
                                units.get(accounts),
                                units.get(accounts + 1 + w),
                                1)));
        for (int size : new int[] {10, 100, 1000}) {
            JsonArray trades = new JsonArray();
            for (int i = 0; i < size; i++) {
                int a = (2 * i) % accounts;
                trades.add(trade(run + "-b" + size + "-" + i, units.get(a), units.get(a + 1), 1));
            }
            batches(ledger + " batch of " + size, c, cpu, new JsonArray[] {trades});
        }
        // sustained: batches of 1,000 one after the other, after the three above warmed the code up
        int rounds = quick ? 5 : 20;
        JsonArray[] sustained = new JsonArray[rounds];
        for (int k = 0; k < rounds; k++) {
            sustained[k] = new JsonArray();
            for (int i = 0; i < 1000; i++) {
                int a = (2 * i) % accounts;
                sustained[k].add(trade(run + "-w" + k + "-" + i, units.get(a), units.get(a + 1), 1));
            }
        }
        batches(ledger + " batches of 1000, " + rounds + " in a row", c, cpu, sustained);
        for (int burst : quick ? new int[] {300} : new int[] {300, 3600}) {
            System.out.printf("[bench] %s: preparing %d units for the burst%n", ledger, burst);
            SurrenderBurst b = new SurrenderBurst(c, run + "U" + burst, 2032).prepare(burst, 16);
            Map<String, Long> before = health(url);
            cpu.start();
            long t0 = System.nanoTime();
            SurrenderBurst.Outcome o = b.surrender();
            double secs = (System.nanoTime() - t0) / 1e9;
            rows.add(new Row(
                    ledger + " deadline burst, " + burst + " units",
                    o.surrendered(),
                    secs,
                    o.latenciesMs(),
                    o.failures(),
                    delta(before, health(url)),
                    cpu.perOp(o.units())));
            report(rows.get(rows.size() - 1));
        }
    }

    /** {@code ops} requests from {@code parallel} clients; client w sends the requests {@code body.apply(w)} makes. */
    private Row load(
            String name, RegistryClient c, CpuMeter cpu, int ops, int parallel, IntFunction<Callable<Response>> body)
            throws Exception {
        Map<String, Long> before = health(c.baseUrl());
        ExecutorService pool = Executors.newFixedThreadPool(parallel);
        List<Double> latencies = Collections.synchronizedList(new ArrayList<>());
        Map<String, Integer> failures = new ConcurrentHashMap<>();
        AtomicInteger ok = new AtomicInteger();
        cpu.start();
        long t0 = System.nanoTime();
        List<Future<?>> fs = new ArrayList<>();
        for (int w = 0; w < parallel; w++) {
            int worker = w;
            int share = ops / parallel + (w < ops % parallel ? 1 : 0);
            fs.add(pool.submit(() -> {
                Callable<Response> send = body.apply(worker);
                for (int k = 0; k < share; k++) {
                    long s = System.nanoTime();
                    Response r = send.call();
                    latencies.add((System.nanoTime() - s) / 1e6);
                    if (r.status() < 300) {
                        ok.incrementAndGet();
                    } else {
                        failures.merge(r.status() + " " + r.code(), 1, Integer::sum);
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
        Row row = new Row(
                name,
                ok.get(),
                secs,
                new ArrayList<>(latencies),
                new TreeMap<>(failures),
                delta(before, health(c.baseUrl())),
                cpu.perOp(ops));
        rows.add(row);
        report(row);
        return row;
    }

    /** Batches posted one after the other; each trade settled counts, each refused one is a failure. */
    private void batches(String name, RegistryClient c, CpuMeter cpu, JsonArray[] batches) throws Exception {
        Map<String, Long> before = health(c.baseUrl());
        Map<String, Integer> failures = new TreeMap<>();
        List<Double> latencies = new ArrayList<>();
        int ok = 0;
        int total = 0;
        cpu.start();
        long t0 = System.nanoTime();
        for (JsonArray trades : batches) {
            long s = System.nanoTime();
            Response r = c.post("exchange", "/api/v1/settlements/batch", Json.obj("trades", trades));
            latencies.add((System.nanoTime() - s) / 1e6);
            total += trades.size();
            if (r.status() != 200) {
                failures.merge(r.status() + " " + r.code(), trades.size(), Integer::sum);
                continue;
            }
            for (var e : r.json().getAsJsonArray("results")) {
                if ("SETTLED".equals(e.getAsJsonObject().get("status").getAsString())) {
                    ok++;
                } else {
                    failures.merge(
                            e.getAsJsonObject()
                                    .getAsJsonObject("error")
                                    .get("code")
                                    .getAsString(),
                            1,
                            Integer::sum);
                }
            }
        }
        double secs = (System.nanoTime() - t0) / 1e9;
        Row row = new Row(name, ok, secs, latencies, failures, delta(before, health(c.baseUrl())), cpu.perOp(total));
        rows.add(row);
        report(row);
    }

    /** Opens {@code n} Hubei units and gives each {@code quantity} of CEA-2024 (through a dealer and batch trades). */
    static List<String> fundedUnits(RegistryClient c, String run, int n, long quantity) throws Exception {
        String dealer = "HB-" + run + "-D";
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ids.add("HB-" + run + "-A" + i);
        }
        List<String> all = new ArrayList<>(ids);
        all.add(dealer);
        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<Future<Response>> opened = new ArrayList<>();
        for (String id : all) {
            opened.add(pool.submit(() -> retrying(() -> c.post(
                    "province-HB",
                    "/api/v1/accounts",
                    Json.obj("id", id, "type", "UNIT", "name", "bench " + id, "province", "HB", "sector", "POWER")))));
        }
        for (Future<Response> f : opened) {
            expect(f.get(), 201);
        }
        pool.shutdown();
        long total = quantity * n;
        expect(
                c.post(
                        "mee",
                        "/api/v1/issuances",
                        Json.obj("requestId", run + "-fi", "product", SETTLED_PRODUCT, "quantity", total)),
                201);
        expect(
                c.post(
                        "mee",
                        "/api/v1/distributions",
                        Json.obj(
                                "requestId",
                                run + "-fp",
                                "product",
                                SETTLED_PRODUCT,
                                "from",
                                "MEE",
                                "to",
                                "PROVINCE-HB",
                                "quantity",
                                total)),
                201);
        expect(
                c.post(
                        "province-HB",
                        "/api/v1/distributions",
                        Json.obj(
                                "requestId",
                                run + "-fd",
                                "product",
                                SETTLED_PRODUCT,
                                "from",
                                "PROVINCE-HB",
                                "to",
                                dealer,
                                "quantity",
                                total)),
                201);
        for (int from = 0; from < n; from += 1000) {
            JsonArray trades = new JsonArray();
            for (int i = from; i < Math.min(n, from + 1000); i++) {
                trades.add(trade(run + "-f" + i, dealer, ids.get(i), quantity));
            }
            expect(c.post("exchange", "/api/v1/settlements/batch", Json.obj("trades", trades)), 200);
        }
        return ids;
    }

    /**
     * Set-up only: a request the gateway refused for want of time or room (408, 429, 503) is sent
     * again, as a client would; in the measured scenarios these count as failures.
     */
    static Response retrying(Callable<Response> send) throws Exception {
        for (int attempt = 1; ; attempt++) {
            Response r = send.call();
            if (attempt >= 5 || (r.status() != 408 && r.status() != 429 && r.status() != 503)) {
                return r;
            }
            Thread.sleep(500L * attempt);
        }
    }

    private static void expect(Response r, int status) {
        if (r.status() != status) {
            throw new IllegalStateException("setting up: expected " + status + ", got " + r);
        }
    }

    static JsonObject trade(String id, String seller, String buyer, long q) {
        return Json.obj(
                "tradeId",
                id,
                "product",
                SETTLED_PRODUCT,
                "seller",
                seller,
                "buyer",
                buyer,
                "quantity",
                q,
                "price",
                "95.00",
                "mode",
                "LISTED",
                "tradedAt",
                "2025-11-20T10:00:00+08:00");
    }

    /** The gateway's counters of transactions endorsed again (MVCC conflicts, differing endorsements, orderer refusals). */
    private static Map<String, Long> health(String url) {
        Map<String, Long> out = new TreeMap<>();
        JsonObject h = JsonParser.parseString(
                        RegistryClient.anonymous(url, "/health").body())
                .getAsJsonObject();
        for (String k : List.of("mvccConflicts", "mvccRetries", "endorsementMismatches", "ordererRetries")) {
            if (h.has(k)) {
                out.put(k, h.get(k).getAsLong());
            }
        }
        return out;
    }

    private static Map<String, Long> delta(Map<String, Long> a, Map<String, Long> b) {
        Map<String, Long> out = new TreeMap<>();
        b.forEach((k, v) -> out.put(k, v - a.getOrDefault(k, 0L)));
        return out;
    }

    private void report(Row r) {
        System.out.printf(
                "[bench] %-45s %6d ok %8.1f/s  p50 %6.0f  p99 %6.0f ms  failures %s  retried %s  core-ms/op %s%n",
                r.name(), r.ops(), r.rate(), r.p(0.5), r.p(0.99), r.failures(), r.retried(), r.coreMsPerOp());
    }

    private double ratio(Row r) {
        Double base = noop.get(r.name().split(" ", 2)[0]);
        return base == null ? Double.NaN : r.rate() / base;
    }

    private void print() {
        System.out.println();
        System.out.printf(
                "%-48s %9s %7s %7s %7s %7s %8s  %-22s %s%n",
                "scenario", "rate/s", "×no-op", "p50 ms", "p95 ms", "p99 ms", "failures", "retried", "core-ms per op");
        for (Row r : rows) {
            System.out.printf(
                    "%-48s %9.1f %7.2f %7.0f %7.0f %7.0f %8d  %-22s %s%n",
                    r.name(),
                    r.rate(),
                    ratio(r),
                    r.p(0.5),
                    r.p(0.95),
                    r.p(0.99),
                    r.failed(),
                    compact(r.retried()),
                    r.coreMsPerOp());
        }
    }

    private static String compact(Map<String, Long> m) {
        StringBuilder s = new StringBuilder();
        m.forEach((k, v) -> {
            if (v != 0 && !k.equals("mvccRetries")) {
                s.append(s.length() == 0 ? "" : " ").append(k).append('=').append(v);
            }
        });
        return s.length() == 0 ? "0" : s.toString();
    }

    private void writeJson(Map<String, Object> calStart, Map<String, Object> calEnd) throws Exception {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put(
                "machine",
                Map.of(
                        "cores", Runtime.getRuntime().availableProcessors(),
                        "os", System.getProperty("os.name") + " " + System.getProperty("os.arch"),
                        "java", System.getProperty("java.version")));
        out.put("calibrationStart", calStart);
        out.put("calibrationEnd", calEnd);
        List<Map<String, Object>> list = new ArrayList<>();
        for (Row r : rows) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", r.name());
            m.put("rate", round(r.rate()));
            m.put("ratioToNoop", round(ratio(r)));
            m.put("clientFailures", r.failures());
            m.put("p50Ms", round(r.p(0.5)));
            m.put("p95Ms", round(r.p(0.95)));
            m.put("p99Ms", round(r.p(0.99)));
            m.put("ops", r.ops());
            m.put("seconds", round(r.seconds()));
            m.put("retried", r.retried());
            m.put("coreMsPerOp", r.coreMsPerOp());
            list.add(m);
        }
        out.put("scenarios", list);
        Files.writeString(
                json,
                new GsonBuilder()
                        .setPrettyPrinting()
                        .serializeSpecialFloatingPointValues()
                        .create()
                        .toJson(out));
    }

    private static double round(double d) {
        return Double.isNaN(d) ? d : Math.round(d * 100) / 100.0;
    }

    /** ECDSA P-256 signatures and verifications per second (Bouncy Castle), about 1 s each: how fast this machine is right now. */
    static Map<String, Object> calibration() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC", "BC");
        g.initialize(new ECGenParameterSpec("secp256r1"), new SecureRandom());
        var kp = g.generateKeyPair();
        byte[] msg = new byte[256];
        Signature s = Signature.getInstance("SHA256withECDSA", "BC");
        byte[] sig = null;
        int signs = 0;
        long t0 = System.nanoTime();
        while (System.nanoTime() - t0 < 1_000_000_000L) {
            s.initSign(kp.getPrivate());
            s.update(msg);
            sig = s.sign();
            signs++;
        }
        double signRate = signs / ((System.nanoTime() - t0) / 1e9);
        Signature v = Signature.getInstance("SHA256withECDSA", "BC");
        int verifies = 0;
        t0 = System.nanoTime();
        while (System.nanoTime() - t0 < 1_000_000_000L) {
            v.initVerify(kp.getPublic());
            v.update(msg);
            v.verify(sig);
            verifies++;
        }
        double verifyRate = verifies / ((System.nanoTime() - t0) / 1e9);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("signPerSecond", Math.round(signRate));
        out.put("verifyPerSecond", Math.round(verifyRate));
        out.put(
                "loadAverage",
                round(ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
        return out;
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new RegistryBench()).execute(args));
    }
}
