package cn.ets.registry.gateway.bench;

import cn.ets.registry.chaincode.json.CanonicalJson;
import cn.ets.registry.gateway.Registry;
import cn.ets.registry.gateway.audit.AuditCommand;
import cn.ets.registry.gateway.audit.AuditReport;
import cn.ets.registry.gateway.ledger.Ledger;
import cn.ets.registry.gateway.ledger.LedgerException;
import cn.ets.registry.gateway.ledger.LedgerIdentity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Audit throughput on the embedded ledger: writes a ledger of N transactions (issuance and
 * distribution to 200 units, then settlements between random units, straight through the
 * ledger port — no HTTP, no fsync), stops it cleanly, and audits it with the same code as
 * {@code java -jar gateway-app.jar audit}. Prints the figures of one run.
 */
@Command(name = "audit-benchmark", mixinStandardHelpOptions = true)
public final class AuditBenchmark implements Callable<Integer> {
    @Option(
            names = "--transactions",
            split = ",",
            defaultValue = "10000",
            description = "ledger sizes to audit (default ${DEFAULT-VALUE})")
    List<Integer> sizes;

    @Option(names = "--threads", defaultValue = "2")
    int threads;

    @Option(names = "--dir", description = "where to keep the ledgers (default: a temporary directory, deleted)")
    Path dir;

    @Option(
            names = "--fabric-network",
            description =
                    "also on this running Fabric network: write --fabric-transactions settlements, then audit from the Audit organisation's peer")
    Path fabricNetwork;

    @Option(names = "--fabric-transactions", defaultValue = "10000")
    int fabricTransactions;

    @Option(names = "--fabric-writers", defaultValue = "32", description = "concurrent writers on Fabric")
    int fabricWriters;

    private static final int UNITS = 200;

    @Override
    public Integer call() throws Exception {
        Path base = dir == null ? Files.createTempDirectory("audit-bench") : dir;
        List<String> rows = new ArrayList<>();
        for (int n : sizes) {
            Path data = base.resolve("ledger-" + n);
            long t0 = System.nanoTime();
            long written = generate(data, n);
            double genSeconds = (System.nanoTime() - t0) / 1e9;
            AuditReport r = AuditCommand.run("embedded:" + data, null, threads, m -> {}, Duration.ofDays(1));
            String row = String.format(
                    Locale.ROOT,
                    "%,10d entries written in %6.1f s (%,7.0f tx/s) | audit %6.1f s = %,8.0f tx/s | signatures %,9d, %5.1f CPU-s, %4.0f %% of CPU | %s",
                    written,
                    genSeconds,
                    written / genSeconds,
                    r.timing().seconds(),
                    r.timing().transactionsPerSecond(),
                    r.signaturesVerified(),
                    r.timing().signatureCpuSeconds(),
                    100 * r.timing().signatureShare(),
                    r.passed()
                            ? "PASSED"
                            : "FAILED " + r.findings().size() + " "
                                    + r.findings().get(0));
            System.out.println("[audit-bench] " + row);
            rows.add(row);
        }
        if (fabricNetwork != null) {
            rows.add(fabric(base.resolve("fabric-gateway")));
        }
        System.out.println("[audit-bench] machine: " + Runtime.getRuntime().availableProcessors()
                + " cores, audit threads " + threads);
        rows.forEach(r -> System.out.println("  " + r));
        return 0;
    }

    /** A ledger of about {@code n} entries; returns how many were written. */
    private static long generate(Path data, int n) throws Exception {
        try (Registry registry = Registry.embedded(data, false)) {
            Ledger ledger = registry.ledger();
            LedgerIdentity mee = registry.identities().identity("mee");
            LedgerIdentity hb = registry.identities().identity("province-HB");
            LedgerIdentity exchange = registry.identities().identity("exchange");
            long written = ledger.health().get("height") instanceof Long h ? h : 0;
            ledger.submit(
                    mee,
                    "issuance:issue",
                    json(Map.of("requestId", "bench-iss", "product", "CEA-2024", "quantity", 1_000_000_000L)));
            ledger.submit(
                    mee,
                    "distribution:distribute",
                    json(Map.of(
                            "requestId",
                            "bench-dist",
                            "product",
                            "CEA-2024",
                            "from",
                            "MEE",
                            "to",
                            "PROVINCE-HB",
                            "quantity",
                            1_000_000_000L)));
            written += 2;
            for (int u = 0; u < UNITS && written < n; u++) {
                ledger.submit(
                        hb,
                        "accounts:open",
                        json(Map.of(
                                "id",
                                unit(u),
                                "type",
                                "UNIT",
                                "name",
                                "Bench unit " + u,
                                "province",
                                "HB",
                                "sector",
                                "POWER")));
                ledger.submit(
                        hb,
                        "distribution:distribute",
                        json(Map.of(
                                "requestId",
                                "bench-d-" + u,
                                "product",
                                "CEA-2024",
                                "from",
                                "PROVINCE-HB",
                                "to",
                                unit(u),
                                "quantity",
                                1_000_000L)));
                written += 2;
            }
            Random random = new Random(42);
            long trade = 0;
            while (written < n) {
                int a = random.nextInt(UNITS);
                int b = (a + 1 + random.nextInt(UNITS - 1)) % UNITS;
                ledger.submit(
                        exchange,
                        "settlement:settle",
                        json(Map.of(
                                "tradeId",
                                "bench-T-" + trade++,
                                "product",
                                "CEA-2024",
                                "seller",
                                unit(a),
                                "buyer",
                                unit(b),
                                "quantity",
                                1L,
                                "price",
                                "88.50",
                                "mode",
                                "LISTED",
                                "tradedAt",
                                "2025-11-03T10:00:00+08:00")));
                written++;
                if (written % 50_000 == 0) {
                    System.err.println("[audit-bench] " + written + " entries written");
                }
            }
            return (Long) ledger.health().get("height");
        }
    }

    /**
     * Fabric: {@link #fabricWriters} writers settle trades between disjoint pairs of fresh units
     * through one gateway holding the writing organisations' identities, then the whole chain is
     * audited from the Audit organisation's own peer.
     */
    /**
     * Commands sent again after endorsements disagreed (peers at different heights) or the province's
     * account, which every writer's set-up draws on, lost an MVCC race; issue 12 removes the causes.
     */
    private final AtomicLong retried = new AtomicLong();

    /** A refusal at endorsement wrote nothing, so sending the same command again is safe; up to 10 tries. */
    private void submit(Ledger ledger, LedgerIdentity who, String function, String args) throws Exception {
        for (int attempt = 1; ; attempt++) {
            try {
                ledger.submit(who, function, args);
                return;
            } catch (LedgerException e) {
                if (attempt == 10
                        || !String.valueOf(e.getMessage()).contains("ProposalResponsePayloads do not match")) {
                    throw e;
                }
                retried.incrementAndGet();
                Thread.sleep(20L * attempt);
            }
        }
    }

    private String fabric(Path data) throws Exception {
        String run = Long.toString(System.currentTimeMillis(), 36).toUpperCase(Locale.ROOT);
        long t0 = System.nanoTime();
        try (Registry registry = Registry.fabric(
                data, fabricNetwork, List.of("Registry", "MEE", "Exchange", "ProvinceHB", "ProvinceGD"))) {
            Ledger ledger = registry.ledger();
            LedgerIdentity mee = registry.identities().identity("mee");
            LedgerIdentity hb = registry.identities().identity("province-HB");
            LedgerIdentity exchange = registry.identities().identity("exchange");
            long pairs = fabricWriters;
            long total = 2L * pairs * 10;
            submit(
                    ledger,
                    mee,
                    "issuance:issue",
                    json(Map.of("requestId", "fb-iss-" + run, "product", "CEA-2024", "quantity", total)));
            submit(
                    ledger,
                    mee,
                    "distribution:distribute",
                    json(Map.of(
                            "requestId",
                            "fb-dist-" + run,
                            "product",
                            "CEA-2024",
                            "from",
                            "MEE",
                            "to",
                            "PROVINCE-HB",
                            "quantity",
                            total)));
            // Set-up one account at a time: every distribution draws on the province's one account.
            long written = 2;
            for (int w = 0; w < fabricWriters; w++) {
                for (String u : List.of("FB" + run + "-" + w + "A", "FB" + run + "-" + w + "B")) {
                    submit(
                            ledger,
                            hb,
                            "accounts:open",
                            json(Map.of("id", u, "type", "UNIT", "name", u, "province", "HB", "sector", "POWER")));
                    submit(
                            ledger,
                            hb,
                            "distribution:distribute",
                            json(Map.of(
                                    "requestId",
                                    "fb-d-" + u,
                                    "product",
                                    "CEA-2024",
                                    "from",
                                    "PROVINCE-HB",
                                    "to",
                                    u,
                                    "quantity",
                                    10L)));
                    written += 2;
                }
            }
            ExecutorService pool = Executors.newFixedThreadPool(fabricWriters);
            List<Future<Long>> writers = new ArrayList<>();
            long perWriter = Math.max(1, (fabricTransactions - 2) / fabricWriters - 4);
            for (int w = 0; w < fabricWriters; w++) {
                String a = "FB" + run + "-" + w + "A";
                String b = "FB" + run + "-" + w + "B";
                writers.add(pool.submit(() -> {
                    long done = 0;
                    for (long t = 0; t < perWriter; t++) {
                        boolean forth = t % 2 == 0;
                        submit(
                                ledger,
                                exchange,
                                "settlement:settle",
                                json(Map.of(
                                        "tradeId",
                                        "fb-" + a + "-" + t,
                                        "product",
                                        "CEA-2024",
                                        "seller",
                                        forth ? a : b,
                                        "buyer",
                                        forth ? b : a,
                                        "quantity",
                                        1L,
                                        "price",
                                        "88.50",
                                        "mode",
                                        "LISTED",
                                        "tradedAt",
                                        "2025-11-03T10:00:00+08:00")));
                        done++;
                    }
                    return done;
                }));
            }
            for (Future<Long> f : writers) {
                written += f.get();
            }
            pool.shutdown();
            double genSeconds = (System.nanoTime() - t0) / 1e9;
            AuditReport r =
                    AuditCommand.run("fabric:" + fabricNetwork + ":Audit", null, threads, m -> {}, Duration.ZERO);
            String row = String.format(
                    Locale.ROOT,
                    "Fabric: %,d transactions written in %.1f s (%,.0f tx/s, %,d sent again) | audit of the whole chain: %,d blocks, %,d transactions in %.1f s = %,.0f tx/s | signatures %,d, %.1f CPU-s, %.0f %% of CPU | %s",
                    written,
                    genSeconds,
                    written / genSeconds,
                    retried.get(),
                    r.blocks(),
                    r.transactions(),
                    r.timing().seconds(),
                    r.timing().transactionsPerSecond(),
                    r.signaturesVerified(),
                    r.timing().signatureCpuSeconds(),
                    100 * r.timing().signatureShare(),
                    r.passed()
                            ? "PASSED"
                            : "FAILED " + r.findings().size() + " "
                                    + r.findings().get(0));
            System.out.println("[audit-bench] " + row);
            return row;
        }
    }

    private static String unit(int u) {
        return String.format("BENCH-U%03d", u);
    }

    private static String json(Map<String, ?> m) {
        return CanonicalJson.writeMap(m);
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new AuditBenchmark()).execute(args));
    }
}
