package cn.ets.registry.gateway.audit;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code audit statement FILE --from <source>}: checks a holding statement against the blocks
 * alone — the ledger passes its audit up to the statement's block, the issuer's certificate was
 * issued by a CA of the organisation it names, the signature holds, and the holdings and the
 * transactions that last wrote them are those the blocks give. Exit status 0 when all hold, 1
 * otherwise, 2 when the statement or the source cannot be read.
 */
@Command(
        name = "statement",
        mixinStandardHelpOptions = true,
        description = "Check a holding statement against the blocks alone.")
public final class StatementCommand implements Callable<Integer> {
    @Parameters(index = "0", description = "the statement (JSON, as GET /api/v1/accounts/{id}/statement answers)")
    Path file;

    @Option(
            names = "--from",
            required = true,
            description = "embedded:<data-dir> | blocks:<dir> | fabric:<network.json>[:<org>]")
    String from;

    @Option(
            names = "--trust",
            description = "embedded: a directory of <Org>/ca-cert.pem to trust (default: <data-dir>/orgs)")
    Path trust;

    @Override
    public Integer call() {
        HoldingStatement s;
        try {
            s = HoldingStatement.parse(Files.readString(file, StandardCharsets.UTF_8));
        } catch (Exception e) {
            System.err.println("statement: cannot read " + file + ": " + e.getMessage());
            return 2;
        }
        List<String> problems;
        try {
            problems = check(s, from, AuditOptions.defaults().trusting(trust));
        } catch (IllegalArgumentException e) {
            System.err.println("statement: " + e.getMessage());
            return 2;
        }
        if (problems.isEmpty()) {
            System.out.println("VALID: the statement of " + s.statement().account() + " at block "
                    + s.statement().asOfBlock() + " matches the blocks and is signed by "
                    + s.statement().issuerMsp());
            return 0;
        }
        System.out.println("INVALID statement of " + s.statement().account() + ":");
        problems.forEach(p -> System.out.println("  " + p));
        return 1;
    }

    /** Every way the statement disagrees with the blocks of {@code source} (none: it holds). */
    public static List<String> check(HoldingStatement s, String source, AuditOptions options) {
        List<String> out = new ArrayList<>();
        HoldingStatement.Body body = s.statement();
        AuditRun run = AuditCommand.audit(source, options.upTo(body.asOfBlock()));
        if (!run.report().passed()) {
            out.add("the ledger itself fails its audit up to block " + body.asOfBlock() + ": "
                    + run.report().findings().get(0));
        }
        if (run.replay().lastBlock() != body.asOfBlock()) {
            out.add("the ledger has no block " + body.asOfBlock() + " (it ends at "
                    + run.replay().lastBlock() + ")");
        }
        Identities.Checked issuer = run.identities() == null
                ? null
                : run.identities()
                        .check(body.issuerMsp(), body.issuerCertificate().getBytes(StandardCharsets.UTF_8));
        if (issuer == null || !issuer.trusted()) {
            out.add("the issuer's certificate was not issued by a CA of " + body.issuerMsp());
        }
        byte[] sig;
        try {
            sig = Base64.getDecoder().decode(s.signature());
        } catch (RuntimeException e) {
            sig = null;
        }
        if (!new SignatureCheck().verify(issuer, HoldingStatement.bytes(body), sig)) {
            out.add("the signature does not verify over the statement");
        }
        List<HoldingStatement.Line> fromBlocks = HoldingStatement.lines(body.account(), run.replay());
        if (!fromBlocks.equals(body.holdings())) {
            out.add("the holdings differ from the blocks': the statement says " + body.holdings() + ", the blocks "
                    + fromBlocks);
        }
        return out;
    }
}
