package cn.ets.registry.gateway.events;

import cn.ets.registry.domain.identity.Actor;
import cn.ets.registry.domain.identity.Role;
import cn.ets.registry.gateway.http.ApiError;
import cn.ets.registry.gateway.http.ConcurrencyLimit;
import cn.ets.registry.gateway.http.Endpoint;
import cn.ets.registry.gateway.http.ErrorStatus;
import cn.ets.registry.gateway.http.Http;
import cn.ets.registry.gateway.identity.Caller;
import cn.ets.registry.gateway.identity.Credential;
import cn.ets.registry.gateway.ledger.EventSubscription;
import cn.ets.registry.gateway.ledger.Ledger;
import io.javalin.http.sse.SseClient;
import io.javalin.http.sse.SseHandler;
import java.util.List;
import java.util.Optional;

/**
 * Committed chaincode events as server-sent events: the detailed stream for signed-in callers, each
 * event as that caller may see it ({@link EventDisclosure}), and the public stream. Each
 * event's SSE id is its block number; resume with {@code ?fromBlock=N} or {@code Last-Event-ID}
 * (events of block N are sent again: drop those whose txId you already have). A reader that falls
 * {@link EventSubscription#CAPACITY} events behind gets a last {@code StreamCutOff} event whose id
 * is the block to resume from, and the stream ends. Each identity may follow
 * {@link #STREAMS_PER_CALLER} streams at once.
 */
public final class EventEndpoint {
    static final int STREAMS_PER_CALLER = 4;
    static final String CUT_OFF = "StreamCutOff";
    private static final String PERMIT = "carbon.streamPermit";
    private static final String VIEWER = "carbon.streamViewer";

    private EventEndpoint() {}

    /** The detailed stream (signed-in callers, each event as its GET endpoint would show it) and the public one. */
    public static List<Endpoint> of(Ledger ledger) {
        ConcurrencyLimit streams = new ConcurrencyLimit(STREAMS_PER_CALLER, 64);
        return List.of(
                endpoint(
                        ledger,
                        streams,
                        "/api/v1/events",
                        "any signed-in caller",
                        "Server-sent stream of committed events, each as the caller may see it "
                                + "(a trade's parties, a lock's holder and pledgee, an account's holder, province, "
                                + "MEE and the registry see it whole, others its public facts); id = block number",
                        false),
                endpoint(
                        ledger,
                        streams,
                        "/api/v1/public/events",
                        "anyone, without a token",
                        "Server-sent stream of the public facts of committed events (no counterparty, price, "
                                + "pledgee or individual); id = block number",
                        true));
    }

    private static Endpoint endpoint(
            Ledger ledger, ConcurrencyLimit streams, String path, String who, String summary, boolean anonymous) {
        SseHandler stream = new SseHandler(0, client -> stream(ledger, client));
        return new Endpoint(
                "GET",
                path,
                200,
                who,
                summary,
                "events",
                null,
                false,
                null,
                "text/event-stream",
                false,
                List.of(new Endpoint.Param(
                        "fromBlock", "query", Long.class, false, "first block to replay (default: 0, everything)")),
                anonymous,
                ctx -> {
                    // Refusals must happen before the stream's 200 headers go out.
                    Caller caller = Http.caller(ctx);
                    fromBlock(ctx.queryParam("fromBlock"), ctx.header("Last-Event-ID"));
                    if (!"text/event-stream".equals(ctx.header("Accept"))) {
                        throw new ApiError(
                                ErrorStatus.NOT_ACCEPTABLE,
                                "this is a server-sent event stream: send Accept: text/event-stream");
                    }
                    String key = caller.isAnonymous()
                            ? Caller.ANONYMOUS + "@" + ctx.ip()
                            : caller.credential().name();
                    ctx.attribute(PERMIT, streams.tryAcquire(key).orElseThrow(() -> streams.refusal("event streams")));
                    ctx.attribute(VIEWER, anonymous ? Optional.empty() : viewer(caller));
                    stream.handle(ctx);
                });
    }

    /** The reader an event is shown to: none (the public) for a caller without a token. */
    private static Optional<Actor> viewer(Caller caller) {
        if (caller.isAnonymous()) {
            return Optional.empty();
        }
        Credential c = caller.credential();
        return Optional.of(new Actor(c.msp(), c.name(), Role.valueOf(c.role()), c.province(), c.account()));
    }

    private static void stream(Ledger ledger, SseClient client) {
        ConcurrencyLimit.Permit permit = client.ctx().attribute(PERMIT);
        long from = fromBlock(client.ctx().queryParam("fromBlock"), client.ctx().header("Last-Event-ID"));
        client.keepAlive();
        AutoCloseable subscription;
        try {
            subscription = subscribe(ledger, client, from);
        } catch (RuntimeException e) {
            permit.close();
            client.close();
            throw e;
        }
        Runnable end = () -> {
            permit.close();
            try {
                subscription.close();
            } catch (Exception ignored) {
                // the stream is gone either way
            }
        };
        client.onClose(end);
        if (client.terminated()) {
            end.run(); // it went away before the callback was in place
        }
    }

    private static AutoCloseable subscribe(Ledger ledger, SseClient client, long from) {
        Optional<Actor> viewerOrPublic = client.ctx().attribute(VIEWER);
        Actor viewer = viewerOrPublic.orElse(null);
        return ledger.events(
                from,
                e -> EventDisclosure.view(e.name(), e.payload(), viewer)
                        .ifPresent(payload -> client.sendEvent(
                                e.name(),
                                "{\"block\":" + e.block() + ",\"txId\":\"" + e.txId() + "\",\"payload\":" + payload
                                        + "}",
                                String.valueOf(e.block()))),
                resumeFrom -> {
                    client.sendEvent(
                            CUT_OFF,
                            "{\"fromBlock\":" + resumeFrom + ",\"reason\":\"this reader fell "
                                    + EventSubscription.CAPACITY + " events behind; resume from block " + resumeFrom
                                    + "\"}",
                            String.valueOf(resumeFrom));
                    client.close();
                });
    }

    private static long fromBlock(String query, String lastEventId) {
        String v = query != null ? query : lastEventId;
        if (v == null || v.isBlank()) {
            return 0;
        }
        try {
            long n = Long.parseLong(v.trim());
            if (n < 0) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new ApiError("BAD_REQUEST", "fromBlock must be a block number (0 or more)");
        }
    }
}
