package cn.ets.registry.gateway.http;

import cn.ets.registry.gateway.ledger.Ledger;
import cn.ets.registry.gateway.ledger.LedgerException;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import io.javalin.http.Context;

/** What every endpoint does the same way: who calls, the JSON body, the ledger call, the answer. */
public final class Http {
    public static final String CALLER = "caller";

    private Http() {
    }

    public static Caller caller(Context ctx) {
        Caller c = ctx.attribute(CALLER);
        if (c == null) {
            throw new ApiError("UNAUTHENTICATED", "missing or unknown bearer token");
        }
        return c;
    }

    /** The request body as a JSON object; anything else is a 400 that reaches no ledger. */
    public static JsonObject body(Context ctx) {
        String raw = ctx.body();
        if (raw.isBlank()) {
            throw new ApiError("BAD_REQUEST", "request body must be a JSON object");
        }
        try {
            JsonElement e = cn.ets.registry.chaincode.json.CanonicalJson.strict(raw);
            if (!e.isJsonObject()) {
                throw new ApiError("BAD_REQUEST", "request body must be a JSON object");
            }
            return e.getAsJsonObject();
        } catch (JsonParseException | IllegalStateException | java.io.IOException e) {
            throw new ApiError("BAD_REQUEST", "malformed JSON: " + (e.getCause() != null ? e.getCause().getMessage() : e.getMessage()));
        }
    }

    public static String submit(Ledger ledger, Caller caller, String function, String... args) {
        try {
            return ledger.submit(caller.identity(), function, args);
        } catch (LedgerException e) {
            throw new ApiError(e.code(), e.getMessage(), e.detailsJson());
        }
    }

    public static String evaluate(Ledger ledger, Caller caller, String function, String... args) {
        try {
            return ledger.evaluate(caller.identity(), function, args);
        } catch (LedgerException e) {
            throw new ApiError(e.code(), e.getMessage(), e.detailsJson());
        }
    }

    public static void json(Context ctx, int status, String json) {
        ctx.status(status).contentType("application/json; charset=utf-8").result(json);
    }
}
