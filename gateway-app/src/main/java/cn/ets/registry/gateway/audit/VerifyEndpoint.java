package cn.ets.registry.gateway.audit;

import cn.ets.registry.gateway.http.ApiError;
import cn.ets.registry.gateway.http.Endpoint;
import cn.ets.registry.gateway.http.Http;
import cn.ets.registry.gateway.ledger.Ledger;
import cn.ets.registry.gateway.ledger.LedgerVerification;
import java.util.List;

/** The ledger's own integrity check, where the ledger has one (the embedded ledger's hash-chained log). */
public final class VerifyEndpoint {
    private VerifyEndpoint() {}

    public static Endpoint of(Ledger ledger) {
        return new Endpoint(
                "GET",
                "/api/v1/ledger/verify",
                200,
                "any identity",
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
                    Http.caller(ctx);
                    LedgerVerification v = ledger.verify()
                            .orElseThrow(
                                    () -> new ApiError(
                                            "NOT_FOUND",
                                            "the Fabric ledger is verified by its peers (block hashes and endorsements); this check is the embedded ledger's"));
                    ctx.json(v);
                });
    }
}
