package cn.ets.registry.gateway.http;

import cn.ets.registry.api.Catalogue;
import cn.ets.registry.api.Command;
import cn.ets.registry.api.PathParam;
import cn.ets.registry.api.QueryParam;
import cn.ets.registry.chaincode.json.CommandDecoder;
import cn.ets.registry.gateway.ledger.Ledger;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;

/**
 * The routes of the command catalogue: each command with a route becomes an endpoint whose handler
 * passes the path and query parameters and the body to the chaincode function, in the order the
 * command's record declares them, and answers with the route's status. No hand-written handler per
 * endpoint; commands whose route is custom get their handler from their feature. A read anyone may
 * make answers without a token too, as JSON or CSV ({@link PublicAnswer}).
 */
public final class CatalogueEndpoints {
    private CatalogueEndpoints() {}

    /** Every catalogue command with a plain route, served as it is. */
    public static List<Endpoint> all(Ledger ledger) {
        List<Endpoint> out = new ArrayList<>();
        for (Command<?, ?> c : Catalogue.ALL) {
            if (c.route() != null && !c.route().custom()) {
                out.add(of(c, ctx -> {
                    String answer = Http.call(ledger, Http.caller(ctx), c, arguments(c, ctx));
                    if (c.route().anonymous()) {
                        PublicAnswer.send(ctx, c.route().status(), answer);
                    } else {
                        Http.json(ctx, c.route().status(), answer);
                    }
                }));
            }
        }
        return out;
    }

    /** The endpoint of a catalogue command, with the handler given (for custom routes). */
    public static Endpoint of(Command<?, ?> c, Handler handler) {
        var shape = CommandDecoder.shape(c.request());
        List<Endpoint.Param> params = new ArrayList<>();
        for (RecordComponent rc : shape.components()) {
            if (rc.isAnnotationPresent(PathParam.class)) {
                params.add(new Endpoint.Param(rc.getName(), "path", rc.getType(), true, null));
            } else if (rc.isAnnotationPresent(QueryParam.class)) {
                params.add(new Endpoint.Param(rc.getName(), "query", rc.getType(), false, null));
            }
        }
        String tag = c.function().substring(0, c.function().indexOf(':'));
        Command.Route r = c.route();
        return new Endpoint(
                r.method(),
                r.path(),
                r.status(),
                r.who(),
                r.summary(),
                tag,
                shape.hasBody() ? c.request() : null,
                shape.hasBody() && !shape.bodyOptional(),
                c.result(),
                "application/json",
                c.replay() != null,
                params,
                r.anonymous(),
                handler);
    }

    /** The chaincode arguments of a request: path and query parameters in record order, then the body if the record has one. */
    public static String[] arguments(Command<?, ?> c, Context ctx) {
        var shape = CommandDecoder.shape(c.request());
        List<String> args = new ArrayList<>();
        for (RecordComponent rc : shape.components()) {
            if (rc.isAnnotationPresent(PathParam.class)) {
                args.add(ctx.pathParam(rc.getName()));
            } else if (rc.isAnnotationPresent(QueryParam.class)) {
                String v = ctx.queryParam(rc.getName());
                args.add(v == null ? "" : v);
            }
        }
        if (shape.hasBody()) {
            args.add((shape.bodyOptional() ? Http.optionalBody(ctx) : Http.body(ctx)).toString());
        }
        return args.toArray(String[]::new);
    }
}
