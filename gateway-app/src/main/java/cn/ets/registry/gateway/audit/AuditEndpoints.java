package cn.ets.registry.gateway.audit;

import cn.ets.registry.api.Catalogue;
import cn.ets.registry.chaincode.json.CanonicalJson;
import cn.ets.registry.gateway.http.ApiError;
import cn.ets.registry.gateway.http.Endpoint;
import cn.ets.registry.gateway.http.ErrorStatus;
import cn.ets.registry.gateway.http.Http;
import cn.ets.registry.gateway.http.PublicAnswer;
import cn.ets.registry.gateway.identity.Caller;
import cn.ets.registry.gateway.ledger.Ledger;
import io.javalin.http.Context;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Semaphore;

/**
 * What the gateway's own audit of its ledger ({@link SelfAudit}) lets anyone see: its last result,
 * the supply at every block it replayed, and for an account holder a signed statement of its
 * holdings at a block that anyone can check against the blocks ({@code audit statement FILE}).
 */
public final class AuditEndpoints {
    private static final Duration FIRST_AUDIT_WAIT = Duration.ofSeconds(3);
    private static final int MAX_PRODUCT_LENGTH = 64;
    private final Ledger ledger;
    private final SelfAudit selfAudit;
    private final String ledgerKind;
    // A statement at an earlier block replays the ledger up to it: one at a time.
    private final Semaphore statements = new Semaphore(1);

    public AuditEndpoints(Ledger ledger, SelfAudit selfAudit) {
        this.ledger = ledger;
        this.selfAudit = selfAudit;
        this.ledgerKind = ledger.kind();
    }

    /** The last audit's summary, public. */
    public record AuditStatus(
            String status,
            String ledger,
            long lastBlock,
            long blocks,
            long transactions,
            long signaturesVerified,
            int findings,
            List<Finding> firstFindings,
            String finishedAt,
            long durationMs,
            String command) {}

    /** One product's supply as of one block. */
    public record SupplyPoint(
            long block,
            String time,
            String product,
            long issued,
            long held,
            long locked,
            long surrendered,
            long cancelled) {}

    public record SupplyHistory(long lastBlock, List<SupplyPoint> points) {}

    public List<Endpoint> endpoints() {
        return List.of(
                new Endpoint(
                        "GET",
                        "/api/v1/public/audit",
                        200,
                        "anyone, without a token",
                        "The gateway's last audit of its own ledger from its raw blocks (or log): status, block height, findings, how to run it yourself",
                        "audit",
                        null,
                        false,
                        AuditStatus.class,
                        "application/json",
                        false,
                        List.of(),
                        true,
                        this::status),
                new Endpoint(
                        "GET",
                        "/api/v1/public/supply/history",
                        200,
                        "anyone, without a token",
                        "Supply per product at every block where it changed, as the last audit replayed it; ?block=N: the supply in force at block N",
                        "audit",
                        null,
                        false,
                        SupplyHistory.class,
                        "application/json",
                        false,
                        List.of(
                                new Endpoint.Param("product", "query", String.class, false, "one product only"),
                                new Endpoint.Param(
                                        "block", "query", Long.class, false, "the supply in force at this block")),
                        true,
                        this::history),
                new Endpoint(
                        "GET",
                        "/api/v1/accounts/{id}/holding-statement",
                        200,
                        "whoever may read the account (its holder, its province, MEE, the registry)",
                        "A statement of the account's holdings at a block, signed by this gateway's organisation, citing the transaction that last wrote each holding; check it with 'audit statement FILE'",
                        "audit",
                        null,
                        false,
                        HoldingStatement.class,
                        "application/json",
                        false,
                        List.of(
                                Endpoint.Param.path("id"),
                                new Endpoint.Param(
                                        "block",
                                        "query",
                                        Long.class,
                                        false,
                                        "the block (embedded: log entry) to state the holdings at; default: the last audited")),
                        false,
                        this::statement));
    }

    private void status(Context ctx) {
        Optional<SelfAudit.Result> last = selfAudit.latest(FIRST_AUDIT_WAIT);
        AuditStatus s = last.map(this::summary)
                .orElseGet(() -> new AuditStatus(
                        selfAudit.running() ? "RUNNING" : "NOT_RUN",
                        ledgerKind,
                        -1,
                        0,
                        0,
                        0,
                        0,
                        List.of(),
                        null,
                        0,
                        command()));
        PublicAnswer.send(ctx, 200, CanonicalJson.write(s));
    }

    private AuditStatus summary(SelfAudit.Result r) {
        AuditReport report = r.run().report();
        return new AuditStatus(
                report.passed() ? "PASSED" : "FAILED",
                ledgerKind,
                r.run().replay().lastBlock(),
                report.blocks(),
                report.transactions(),
                report.signaturesVerified(),
                report.findings().size(),
                report.findings().subList(0, Math.min(10, report.findings().size())),
                r.ranAt().toString(),
                Math.round(report.timing().seconds() * 1000),
                command());
    }

    private String command() {
        return "fabric".equals(ledgerKind)
                ? "java -jar gateway-app.jar audit --from fabric:<network.json>:<your organisation> --against <this gateway's URL>"
                : "java -jar gateway-app.jar audit --from embedded:<data-dir> --against <this gateway's URL>";
    }

    private void history(Context ctx) {
        String product = ctx.queryParam("product");
        if (product != null && (product.isBlank() || product.length() > MAX_PRODUCT_LENGTH)) {
            throw new ApiError("BAD_REQUEST", "product must be a product code such as CEA-2024");
        }
        Long block = blockParam(ctx);
        SelfAudit.Result r = selfAudit
                .latest(FIRST_AUDIT_WAIT)
                .orElseThrow(() -> new ApiError(
                        "LEDGER_UNAVAILABLE",
                        "the gateway's first audit of its ledger is still running; retry shortly"));
        SupplyReplay replay = r.run().replay();
        long last = replay.lastBlock();
        if (block != null && block > last) {
            throw new ApiError(
                    "NOT_FOUND",
                    "block " + block + " is not audited yet: the last audited block is " + last,
                    CanonicalJson.write(Map.of("lastBlock", last)));
        }
        Map<String, TreeMap<Long, SupplyReplay.ProductSupply>> all = replay.history();
        if (product != null && !all.containsKey(product)) {
            throw new ApiError(
                    "NOT_FOUND",
                    "no supply of " + product + " on the ledger",
                    CanonicalJson.write(Map.of("product", product)));
        }
        Map<Long, String> times = replay.historyTimes();
        List<SupplyPoint> points = new ArrayList<>();
        for (Map.Entry<String, TreeMap<Long, SupplyReplay.ProductSupply>> e : all.entrySet()) {
            if (product != null && !product.equals(e.getKey())) {
                continue;
            }
            NavigableMap<Long, SupplyReplay.ProductSupply> series = e.getValue();
            if (block != null) {
                Map.Entry<Long, SupplyReplay.ProductSupply> at = series.floorEntry(block);
                if (at != null) {
                    points.add(point(at.getKey(), times.get(at.getKey()), at.getValue()));
                }
            } else {
                series.forEach((b, s) -> points.add(point(b, times.get(b), s)));
            }
        }
        points.sort((a, b) -> a.block() != b.block()
                ? Long.compare(a.block(), b.block())
                : a.product().compareTo(b.product()));
        PublicAnswer.send(ctx, 200, CanonicalJson.write(new SupplyHistory(last, points)));
    }

    private static SupplyPoint point(long block, String time, SupplyReplay.ProductSupply s) {
        return new SupplyPoint(
                block, time, s.product(), s.issued(), s.held(), s.locked(), s.surrendered(), s.cancelled());
    }

    private void statement(Context ctx) {
        Caller caller = Http.caller(ctx);
        String account = ctx.pathParam("id");
        // The account rule of GET /accounts/{id}, decided by the ledger: refused here, nothing is stated.
        Http.call(ledger, caller, Catalogue.GET_ACCOUNT, account);
        Long block = blockParam(ctx);
        if (!statements.tryAcquire()) {
            throw new ApiError(
                    ErrorStatus.TOO_MANY_REQUESTS, "a holding statement is being prepared; retry in a moment");
        }
        try {
            HoldingStatement s;
            Optional<SelfAudit.Result> last = selfAudit.latest(FIRST_AUDIT_WAIT);
            if (last.isPresent()
                    && last.get().run().report().passed()
                    && (block == null || block == last.get().run().replay().lastBlock())) {
                s = selfAudit.statement(account, last.get().run());
            } else if (block == null) {
                throw new ApiError(
                        "LEDGER_UNAVAILABLE",
                        last.isPresent()
                                ? "the ledger fails its own audit: no statement can be issued from it"
                                : "the gateway's first audit of its ledger is still running; retry shortly");
            } else {
                try {
                    s = selfAudit.statement(account, block);
                } catch (IndexOutOfBoundsException e) {
                    throw new ApiError("NOT_FOUND", e.getMessage());
                } catch (IllegalStateException e) {
                    throw new ApiError("LEDGER_UNAVAILABLE", e.getMessage());
                }
            }
            Http.json(ctx, 200, s.json());
        } finally {
            statements.release();
        }
    }

    private static Long blockParam(Context ctx) {
        String v = ctx.queryParam("block");
        if (v == null) {
            return null;
        }
        try {
            long n = Long.parseLong(v.trim());
            if (n < 0) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new ApiError("BAD_REQUEST", "block must be a block number (0 or more)");
        }
    }
}
