package cn.ets.registry.gateway.audit;

import cn.ets.registry.chaincode.json.CanonicalJson;
import cn.ets.registry.gateway.identity.Roster;
import cn.ets.registry.gateway.ledger.embedded.EmbeddedLog;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code java -jar gateway-app.jar audit --from <source>}: checks a ledger from its raw data alone and
 * prints a report; the exit status is 0 when nothing is wrong, 1 when a discrepancy was found, 2 when
 * the source cannot be read. Sources: {@code embedded:<data-dir>} (the log under
 * {@code <data-dir>/ledger}; trust anchors: the organisations' CA certificates under
 * {@code <data-dir>/orgs}, or {@code --trust}), {@code blocks:<dir>} (Fabric block files, e.g. from
 * {@code peer channel fetch}) and {@code fabric:<network.json>[:<org>]} (the block stream of that
 * organisation's own peer).
 */
@Command(
        name = "audit",
        subcommands = {StatementCommand.class},
        mixinStandardHelpOptions = true,
        description = "Verify a ledger from its raw blocks or log: chain, signatures, endorsements, supply replay.")
public final class AuditCommand implements Callable<Integer> {
    @Option(
            names = "--from",
            required = true,
            description = "embedded:<data-dir> | blocks:<dir> | fabric:<network.json>[:<org>]")
    String from;

    @Option(
            names = "--trust",
            description = "embedded: a directory of <Org>/ca-cert.pem to trust (default: <data-dir>/orgs)")
    Path trust;

    @Option(names = "--against", description = "a gateway's base URL whose /api/v1/supply must equal the replay")
    String against;

    @Option(
            names = "--token",
            description =
                    "with --against: a bearer token that may read accounts (MEE's, the registry's, a province's or a holder's);"
                            + " every account it may read must hold what the replay says")
    String token;

    @Option(names = "--json", description = "print the report as JSON")
    boolean json;

    @Option(names = "--threads", description = "threads verifying signatures (default: the machine's processors)")
    int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = "--quiet", description = "no progress lines")
    boolean quiet;

    @Option(names = "--save-blocks", description = "Fabric: also write every block read to DIR/<number>.block")
    Path saveBlocks;

    @Option(
            names = "--max-unendorsed-seconds",
            description = "embedded: entries younger than this may still wait for their checkpoint (default 10)")
    long maxUnendorsedSeconds = 10;

    @Override
    public Integer call() {
        PrintStream out = System.out;
        Consumer<String> progress = quiet ? m -> {} : m -> System.err.println("[audit] " + m);
        AuditRun run;
        try {
            run = audit(
                    from,
                    new AuditOptions(
                            trust,
                            threads,
                            progress,
                            Duration.ofSeconds(maxUnendorsedSeconds),
                            saveBlocks,
                            Long.MAX_VALUE,
                            false));
        } catch (IllegalArgumentException e) {
            System.err.println("audit: " + e.getMessage());
            return 2;
        }
        AuditReport report = run.report();
        if (against != null) {
            report = GatewayComparison.compare(report, run.replay(), against, token);
        }
        out.println(json ? CanonicalJson.write(report) : Reports.text(report));
        return report.passed() ? 0 : 1;
    }

    /** Audits {@code source} (see the class comment for its forms). */
    public static AuditReport run(
            String source, Path trust, int threads, Consumer<String> progress, Duration maxUnendorsedAge) {
        return run(source, trust, threads, progress, maxUnendorsedAge, null);
    }

    /** As {@link #run(String, Path, int, Consumer, Duration)}, saving the blocks of a Fabric source to {@code saveBlocks}. */
    public static AuditReport run(
            String source,
            Path trust,
            int threads,
            Consumer<String> progress,
            Duration maxUnendorsedAge,
            Path saveBlocks) {
        return audit(
                        source,
                        new AuditOptions(trust, threads, progress, maxUnendorsedAge, saveBlocks, Long.MAX_VALUE, false))
                .report();
    }

    /** The audit of {@code source} with its rebuilt books. */
    public static AuditRun audit(String source, AuditOptions options) {
        if (source.startsWith("embedded:")) {
            Path dataDir = Path.of(source.substring("embedded:".length()));
            Identities ids =
                    new Identities(caCertificates(options.trust() == null ? dataDir.resolve("orgs") : options.trust()));
            try (EmbeddedLog log = EmbeddedLog.open(dataDir.resolve("ledger"))) {
                String endorser = Roster.load().withRole(Roster.REGISTRY).mspId();
                return new EmbeddedAudit(ids, endorser, options).audit(log, source);
            }
        }
        if (source.startsWith("blocks:") || source.startsWith("fabric:")) {
            return FabricAudit.run(source, options);
        }
        throw new IllegalArgumentException(
                "unknown source '" + source + "': embedded:<data-dir>, blocks:<dir> or fabric:<network.json>[:<org>]");
    }

    /** {@code <dir>/<Org>/ca-cert.pem} for every organisation of the roster, by MSP id. */
    static Map<String, List<X509Certificate>> caCertificates(Path dir) {
        Map<String, List<X509Certificate>> out = new HashMap<>();
        for (Roster.Org o : Roster.load().organisations()) {
            Path f = dir.resolve(o.name()).resolve("ca-cert.pem");
            if (Files.isRegularFile(f)) {
                try {
                    X509Certificate c = Identities.parse(Files.readAllBytes(f));
                    if (c != null) {
                        out.computeIfAbsent(o.mspId(), k -> new ArrayList<>()).add(c);
                    }
                } catch (IOException e) {
                    throw new IllegalArgumentException("cannot read " + f + ": " + e.getMessage());
                }
            }
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("no organisation CA certificates under " + dir);
        }
        return out;
    }
}
