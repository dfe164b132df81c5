package cn.ets.registry.gateway.audit;

import cn.ets.registry.gateway.http.ApiError;
import cn.ets.registry.gateway.http.Endpoint;
import cn.ets.registry.gateway.http.ErrorStatus;
import cn.ets.registry.gateway.http.Http;
import cn.ets.registry.gateway.identity.Caller;
import cn.ets.registry.gateway.ledger.Ledger;
import cn.ets.registry.gateway.ledger.LedgerVerification;
import java.util.List;
import java.util.Set;

/**
 * The ledger's own integrity check, where the ledger has one (the embedded ledger's hash-chained
 * log, walked from a snapshot while commits go on). It reads everything, so it is the auditors'
 * and the authorities' ({@link #ROLES}), one verification at a time, and the next may start only
 * after a pause as long as the last one took: verification never takes more than half of one core
 * from the commits, however often it is asked for.
 */
public final class VerifyEndpoint {
    static final Set<String> ROLES = Set.of("AUDITOR", "REGISTRY", "MEE");
    private boolean running;
    private long notBeforeNanos = System.nanoTime();

    private VerifyEndpoint() {}

    public static Endpoint of(Ledger ledger) {
        VerifyEndpoint schedule = new VerifyEndpoint();
        return new Endpoint(
                "GET",
                "/api/v1/ledger/verify",
                200,
                "AUDITOR, REGISTRY, MEE; one at a time (429 while one runs or right after)",
                "Embedded ledger: walk the hash-chained transaction log and rebuild state from it",
                "audit",
                null,
                false,
                LedgerVerification.class,
                "application/json",
                false,
                List.of(),
                false,
                ctx -> {
                    Caller caller = Http.caller(ctx);
                    if (!ROLES.contains(caller.credential().role())) {
                        throw new ApiError(
                                "FORBIDDEN",
                                caller.credential().name()
                                        + " may not verify the ledger: auditors, the registry and MEE may");
                    }
                    schedule.begin();
                    long started = System.nanoTime();
                    try {
                        LedgerVerification v = ledger.verify()
                                .orElseThrow(
                                        () -> new ApiError(
                                                "NOT_FOUND",
                                                "the Fabric ledger is verified by its peers (block hashes and endorsements); this check is the embedded ledger's"));
                        ctx.json(v);
                    } finally {
                        schedule.end(System.nanoTime() - started);
                    }
                });
    }

    private synchronized void begin() {
        if (running || System.nanoTime() < notBeforeNanos) {
            throw new ApiError(
                    ErrorStatus.TOO_MANY_REQUESTS,
                    "a ledger verification is running or has just finished; retry in a moment");
        }
        running = true;
    }

    private synchronized void end(long tookNanos) {
        running = false;
        notBeforeNanos = System.nanoTime() + tookNanos;
    }
}
