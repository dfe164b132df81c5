package cn.ets.registry.gateway.http;

import com.google.gson.JsonObject;
import io.javalin.http.Context;

/** For commands whose body may be left out: an empty body is {@code {}}, anything else must be a JSON object. */
public final class OptionalBody {
    private OptionalBody() {
    }

    public static JsonObject of(Context ctx) {
        return ctx.body().isBlank() ? new JsonObject() : Http.body(ctx);
    }
}
