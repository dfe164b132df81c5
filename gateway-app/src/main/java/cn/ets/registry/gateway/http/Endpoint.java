package cn.ets.registry.gateway.http;

import io.javalin.http.Handler;
import java.util.List;
import java.util.Objects;

/**
 * One row of the gateway's route table: what {@link GatewayServer} registers and what
 * {@link OpenApiDocument} describes, so the two cannot disagree.
 *
 * @param request   the body's record type, or null for no body
 * @param result    the answer's record type, or null for a stream ({@code produces} says which)
 * @param replayable whether the answer says {@code replayed} (a command with a client id)
 * @param anonymous whether the route answers without a bearer token
 */
public record Endpoint(
        String method,
        String path,
        int status,
        String who,
        String summary,
        String tag,
        Class<?> request,
        boolean requestRequired,
        Class<?> result,
        String produces,
        boolean replayable,
        List<Param> params,
        boolean anonymous,
        Handler handler) {

    public Endpoint {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(handler, "handler");
        params = List.copyOf(params);
    }

    /** A path or query parameter. */
    public record Param(String name, String in, Class<?> type, boolean required, String description) {
        public static Param path(String name) {
            return new Param(name, "path", String.class, true, null);
        }
    }
}
