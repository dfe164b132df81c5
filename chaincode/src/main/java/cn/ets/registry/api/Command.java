package cn.ets.registry.api;

import cn.ets.registry.domain.ErrorCode;
import java.util.Objects;
import java.util.function.Function;

/**
 * One entry of the {@link Catalogue}: a chaincode function, the record it takes and the record it
 * answers, whether it writes, how a repeated client id is recognised, the event it emits, and the
 * REST route that serves it. The chaincode's pipeline, the gateway's routes and the OpenAPI
 * description are all driven by these entries, so they cannot drift apart.
 *
 * @param event      the event emitted with the result when the use case emits none itself; null for none
 * @param route      the REST route, or null when the gateway serves the function in its own way
 */
public record Command<C extends Record, R>(
        String function,
        Intent intent,
        Class<C> request,
        Class<R> result,
        Replay<C> replay,
        String event,
        Route route) {

    public enum Intent {
        SUBMIT,
        EVALUATE
    }

    public Command {
        Objects.requireNonNull(function, "function");
        Objects.requireNonNull(intent, "intent");
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(result, "result");
    }

    /**
     * How a repeated command is recognised: by a client id in {@code namespace}. The same id with
     * the same content answers the first result; with other content it is refused with
     * {@code onOtherContent}. An id function answering null makes that command unrepeatable.
     */
    public record Replay<C>(String namespace, Function<C, String> id, ErrorCode onOtherContent) {
        /** Client request ids, shared by every command that takes a {@code requestId}. */
        public static final String REQUESTS = "req";
        /** Trade ids: a settlement is read back by its trade id. */
        public static final String TRADES = "trade";
        /** A unit's monthly deposit: one per unit and month, whatever the client calls it. */
        public static final String DEPOSITS = "depositid";
        /** Opening an account: the same opening again answers the first (so a lost answer can be fetched again). */
        public static final String OPENINGS = "opening";
        /** A product's closing price of a day: one per product and day, whatever the client calls it. */
        public static final String CLOSES = "closeid";
        /** A DvP trade: posted once per trade id (and never under an id a single-step settlement took). */
        public static final String DVP_TRADES = "dvpid";
        /** A pre-trade reservation: one per reservation id. */
        public static final String RESERVATIONS = "rsvid";
    }

    /** A REST route: method, path (with {@code {param}} segments named like the record's path fields), success status, who may call. */
    /** Who may call a route that anyone may call: without a token too, when it only reads. */
    public static final String ANYONE = "anyone";

    public record Route(String method, String path, int status, String who, String summary, boolean custom) {
        /** A read that anyone may make is public disclosure: it answers without a bearer token too. */
        public boolean anonymous() {
            return "GET".equals(method) && ANYONE.equals(who);
        }
    }

    public static <C extends Record, R> Command<C, R> submit(String function, Class<C> request, Class<R> result) {
        return new Command<>(function, Intent.SUBMIT, request, result, null, null, null);
    }

    public static <C extends Record, R> Command<C, R> evaluate(String function, Class<C> request, Class<R> result) {
        return new Command<>(function, Intent.EVALUATE, request, result, null, null, null);
    }

    /** Replayable by a client id in the shared {@code req} namespace (DUPLICATE_ID for other content). */
    public Command<C, R> replayedBy(Function<C, String> id) {
        return replayedBy(Replay.REQUESTS, id, ErrorCode.DUPLICATE_ID);
    }

    public Command<C, R> replayedBy(String namespace, Function<C, String> id, ErrorCode onOtherContent) {
        return new Command<>(
                function, intent, request, result, new Replay<>(namespace, id, onOtherContent), event, route);
    }

    public Command<C, R> emits(String eventName) {
        return new Command<>(function, intent, request, result, replay, eventName, route);
    }

    public Command<C, R> route(String method, String path, int status, String who, String summary) {
        return new Command<>(
                function, intent, request, result, replay, event, new Route(method, path, status, who, summary, false));
    }

    /** A route the gateway handles itself (it adds to the ledger call), documented from this entry all the same. */
    public Command<C, R> customRoute(String method, String path, int status, String who, String summary) {
        return new Command<>(
                function, intent, request, result, replay, event, new Route(method, path, status, who, summary, true));
    }

    public boolean writes() {
        return intent == Intent.SUBMIT;
    }
}
