package cn.ets.registry.gateway.http;

import cn.ets.registry.api.Command;
import cn.ets.registry.chaincode.json.CanonicalJson;
import cn.ets.registry.gateway.identity.Caller;
import cn.ets.registry.gateway.ledger.Ledger;
import cn.ets.registry.gateway.ledger.LedgerException;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import io.javalin.http.Context;
import java.io.IOException;

/** What every endpoint does the same way: who calls, the JSON body, the ledger call, the answer. */
public final class Http {
    public static final String CALLER = "caller";

    private Http() {}

    public static Caller caller(Context ctx) {
        Caller c = ctx.attribute(CALLER);
        if (c == null) {
            throw new ApiError("UNAUTHENTICATED", "missing or unknown bearer token");
        }
        return c;
    }

    /**
     * The request body as a JSON object, read strictly ({@link CanonicalJson#strict}, the ledgers'
     * own reading) under the edge's limits ({@link RequestBody}); anything else is refused here and
     * reaches no ledger.
     */
    public static JsonObject body(Context ctx) {
        String raw = RequestBody.of(ctx);
        if (raw.isBlank()) {
            throw new ApiError("BAD_REQUEST", "request body must be a JSON object");
        }
        try {
            JsonElement e = CanonicalJson.strict(raw);
            if (!e.isJsonObject()) {
                throw new ApiError("BAD_REQUEST", "request body must be a JSON object");
            }
            return e.getAsJsonObject();
        } catch (JsonParseException | IllegalStateException | IOException e) {
            throw new ApiError(
                    "BAD_REQUEST",
                    "malformed JSON: " + (e.getCause() != null ? e.getCause().getMessage() : e.getMessage()));
        }
    }

    /** For commands whose body may be left out: an empty body is {@code {}}, anything else must be a JSON object. */
    public static JsonObject optionalBody(Context ctx) {
        return RequestBody.of(ctx).isBlank() ? new JsonObject() : body(ctx);
    }

    /** Submits or evaluates, as the command says; a ledger refusal becomes the API's error. */
    public static String call(Ledger ledger, Caller caller, Command<?, ?> command, String... args) {
        try {
            return command.writes()
                    ? ledger.submit(caller.identity(), command.function(), args)
                    : ledger.evaluate(caller.identity(), command.function(), args);
        } catch (LedgerException e) {
            throw new ApiError(e.code(), e.getMessage(), e.detailsJson());
        }
    }

    public static void json(Context ctx, int status, String json) {
        ctx.status(status).contentType("application/json; charset=utf-8").result(json);
    }
}
