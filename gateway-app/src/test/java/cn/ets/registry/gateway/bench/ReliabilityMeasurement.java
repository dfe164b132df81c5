package cn.ets.registry.gateway.bench;

import cn.ets.registry.gateway.testing.GatewayProcess;
import cn.ets.registry.gateway.testing.Json;
import cn.ets.registry.gateway.testing.RawHttp;
import cn.ets.registry.gateway.testing.RegistryClient;
import cn.ets.registry.gateway.testing.RegistryClient.Response;
import com.google.gson.JsonArray;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What one client can do to everyone else, measured on a gateway process (embedded ledger, fsync
 * on, the JVM's default options as {@code java -jar} runs it): write latency idle, with 4 event readers that never read and with 2 callers looping on
 * /ledger/verify; what the limits refuse under a flood of bodies that never finish, and how long
 * /health and another caller wait meanwhile; log bytes per request. Prints the figures of one run.
 */
public final class ReliabilityMeasurement {
    private static final int WRITES = Integer.getInteger("writes", 300);
    private final AtomicInteger ids = new AtomicInteger();

    public static void main(String[] args) throws Exception {
        new ReliabilityMeasurement().run();
        System.exit(0);
    }

    void run() throws Exception {
        Path dir = Files.createTempDirectory("measure");
        Path log = dir.resolve("gateway.log");
        try (GatewayProcess g = GatewayProcess.start(dir.resolve("data"), log, List.of())) {
            RegistryClient c = g.client();
            history(c);
            long logStart = Files.size(log);
            int requestsBefore = requestLines(log);

            double[] idle = writes(c);
            double[] stalled;
            List<Socket> readers = new ArrayList<>();
            try {
                for (int i = 0; i < 4; i++) {
                    readers.add(stalledReader(c));
                }
                Thread.sleep(1_000);
                stalled = writes(c);
            } finally {
                for (Socket s : readers) {
                    s.close();
                }
            }
            double[] verifying;
            AtomicBoolean stop = new AtomicBoolean();
            AtomicInteger verifications = new AtomicInteger();
            AtomicInteger verifyRefused = new AtomicInteger();
            ExecutorService loops = Executors.newFixedThreadPool(2);
            for (String who : List.of("auditor", "registry")) {
                loops.submit(() -> {
                    while (!stop.get()) {
                        int s = c.get(who, "/api/v1/ledger/verify").status();
                        (s == 200 ? verifications : verifyRefused).incrementAndGet();
                    }
                });
            }
            try {
                Thread.sleep(500);
                verifying = writes(c);
            } finally {
                stop.set(true);
                loops.shutdown();
                loops.awaitTermination(60, TimeUnit.SECONDS);
            }

            System.out.printf("%nwrite latency (%d sequential issuances, fsync on)%n", WRITES);
            System.out.printf(
                    "| scenario | p50 ms | p99 ms | p50 / idle | p99 / idle |%n| --- | --- | --- | --- | --- |%n");
            row("idle", idle, idle);
            row("4 stalled event readers", stalled, idle);
            row("2 looping verifiers", verifying, idle);
            System.out.printf(
                    "(verifiers: %d verifications done, %d asked for while one ran or right after: 429)%n",
                    verifications.get(), verifyRefused.get());

            flood(c);

            long logBytes = Files.size(log) - logStart;
            int requests = requestLines(log) - requestsBefore;
            System.out.printf(
                    "%nlog: %d bytes for %d requests = %d bytes per request%n",
                    logBytes, requests, requests == 0 ? 0 : logBytes / requests);
        }
    }

    /** Some history with large events (batches of 200 trades), so a reader that does not read fills its socket. */
    private void history(RegistryClient c) {
        c.post(
                "mee",
                "/api/v1/issuances",
                Json.obj("requestId", "m-iss", "product", "CEA-2024", "quantity", 1_000_000));
        c.post(
                "mee",
                "/api/v1/distributions",
                Json.obj(
                        "requestId",
                        "m-d",
                        "product",
                        "CEA-2024",
                        "from",
                        "MEE",
                        "to",
                        "PROVINCE-HB",
                        "quantity",
                        1_000_000));
        for (String u : List.of("HB-M1", "HB-M2")) {
            c.post(
                    "province-HB",
                    "/api/v1/accounts",
                    Json.obj("id", u, "type", "UNIT", "name", u, "province", "HB", "sector", "POWER"));
            c.post(
                    "province-HB",
                    "/api/v1/distributions",
                    Json.obj(
                            "requestId",
                            "m-" + u,
                            "product",
                            "CEA-2024",
                            "from",
                            "PROVINCE-HB",
                            "to",
                            u,
                            "quantity",
                            100_000));
        }
        for (int b = 0; b < 20; b++) {
            JsonArray trades = new JsonArray();
            for (int i = 0; i < 200; i++) {
                trades.add(Json.obj(
                        "tradeId",
                        "MH-" + b + "-" + i,
                        "product",
                        "CEA-2024",
                        "seller",
                        i % 2 == 0 ? "HB-M1" : "HB-M2",
                        "buyer",
                        i % 2 == 0 ? "HB-M2" : "HB-M1",
                        "quantity",
                        1,
                        "price",
                        "70.00",
                        "mode",
                        "LISTED",
                        "tradedAt",
                        "2025-12-15T10:30:00+08:00"));
            }
            c.post("exchange", "/api/v1/settlements/batch", Json.obj("trades", trades));
        }
    }

    private double[] writes(RegistryClient c) {
        List<Double> ms = new ArrayList<>();
        for (int i = 0; i < WRITES; i++) {
            long t0 = System.nanoTime();
            Response r = c.post(
                    "mee",
                    "/api/v1/issuances",
                    Json.obj("requestId", "m-w-" + ids.incrementAndGet(), "product", "CEA-2024", "quantity", 1));
            if (r.status() != 201) {
                throw new IllegalStateException("issuance answered " + r);
            }
            ms.add((System.nanoTime() - t0) / 1e6);
        }
        Collections.sort(ms);
        return new double[] {ms.get(ms.size() / 2), ms.get((int) Math.ceil(ms.size() * 0.99) - 1)};
    }

    private static void row(String label, double[] v, double[] idle) {
        System.out.printf("| %s | %.1f | %.1f | %.2f | %.2f |%n", label, v[0], v[1], v[0] / idle[0], v[1] / idle[1]);
    }

    /** Subscribes from block 0 with a tiny receive window and never reads. */
    private static Socket stalledReader(RegistryClient c) throws Exception {
        String base = c.baseUrl();
        int port = Integer.parseInt(base.substring(base.lastIndexOf(':') + 1));
        Socket s = new Socket();
        s.setReceiveBufferSize(4096);
        s.connect(new InetSocketAddress("127.0.0.1", port));
        s.getOutputStream()
                .write(("GET /api/v1/events?fromBlock=0 HTTP/1.1\r\nHost: localhost\r\nAccept: text/event-stream\r\n"
                                + "Authorization: Bearer " + c.token("auditor") + "\r\n\r\n")
                        .getBytes(StandardCharsets.UTF_8));
        s.getOutputStream().flush();
        return s;
    }

    /** 500 bodies that never finish, from one caller; then /health and another caller, timed. */
    private static void flood(RegistryClient c) throws Exception {
        List<RawHttp> slow = new ArrayList<>();
        try {
            for (int i = 0; i < 500; i++) {
                RawHttp raw = new RawHttp(c.baseUrl());
                raw.write("POST /api/v1/issuances HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
                        + c.token("exchange") + "\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{");
                slow.add(raw);
            }
            Thread.sleep(500);
            long t0 = System.nanoTime();
            int health = c.send("GET", "/health", null, null).status();
            double healthMs = (System.nanoTime() - t0) / 1e6;
            t0 = System.nanoTime();
            int other = c.get("mee", "/api/v1/supply").status();
            double otherMs = (System.nanoTime() - t0) / 1e6;
            int refused = 0;
            int waiting = 0;
            for (RawHttp raw : slow) {
                raw.socket().setSoTimeout(200);
                try {
                    if (raw.read().status() == 429) {
                        refused++;
                    }
                } catch (RuntimeException stillReading) {
                    waiting++;
                }
            }
            System.out.printf(
                    "%nslow-body flood: 500 POSTs that never finish their body, one caller%n"
                            + "| refused at once (429) | held (reading the body until the read timeout) | /health | another caller's GET |%n"
                            + "| --- | --- | --- | --- |%n| %d | %d | %d in %.1f ms | %d in %.1f ms |%n",
                    refused, waiting, health, healthMs, other, otherMs);
        } finally {
            slow.forEach(RawHttp::close);
        }
    }

    private static int requestLines(Path log) throws Exception {
        return (int)
                Files.readString(log).lines().filter(l -> l.contains("method=")).count();
    }
}
