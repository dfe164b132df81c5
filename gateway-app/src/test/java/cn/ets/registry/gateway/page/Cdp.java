package cn.ets.registry.gateway.page;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * A small client of the Chrome DevTools Protocol over one WebSocket to the browser: commands with
 * an id answered by a result or an error, events pushed to listeners, and pages reached through
 * flattened sessions ({@code Target.attachToTarget} with {@code flatten}: each message names its
 * {@code sessionId}). Just what the page test needs; no Selenium.
 */
final class Cdp implements AutoCloseable {
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(60);
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<JsonObject>> pending = new ConcurrentHashMap<>();
    private final List<Consumer<Event>> listeners = new CopyOnWriteArrayList<>();
    private final WebSocket socket;

    /** An event: its method, its parameters, and the session (page) it came from, null for the browser. */
    record Event(String method, JsonObject params, String sessionId) {}

    /** A command the browser refused. */
    static final class CdpException extends RuntimeException {
        CdpException(String message) {
            super(message);
        }
    }

    private Cdp(URI browser) {
        try {
            this.socket = HttpClient.newHttpClient()
                    .newWebSocketBuilder()
                    .connectTimeout(Duration.ofSeconds(10))
                    .buildAsync(browser, new Receiver())
                    .get(20, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot connect to the browser's DevTools at " + browser, e);
        }
    }

    static Cdp connect(URI browser) {
        return new Cdp(browser);
    }

    void onEvent(Consumer<Event> listener) {
        listeners.add(listener);
    }

    /** A browser-level command. */
    JsonObject call(String method, JsonObject params) {
        return call(null, method, params);
    }

    /** A command to the page of {@code sessionId}; waits for its answer. */
    JsonObject call(String sessionId, String method, JsonObject params) {
        int id = ids.incrementAndGet();
        JsonObject msg = new JsonObject();
        msg.addProperty("id", id);
        msg.addProperty("method", method);
        msg.add("params", params == null ? new JsonObject() : params);
        if (sessionId != null) {
            msg.addProperty("sessionId", sessionId);
        }
        CompletableFuture<JsonObject> answer = new CompletableFuture<>();
        pending.put(id, answer);
        try {
            synchronized (socket) {
                // one frame at a time: WebSocket forbids a send while another is outstanding
                socket.sendText(msg.toString(), true).get(CALL_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            }
            JsonObject reply = answer.get(CALL_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            if (reply.has("error")) {
                throw new CdpException(method + " failed: " + reply.get("error"));
            }
            return reply.has("result") ? reply.getAsJsonObject("result") : new JsonObject();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw new CdpException(method + ": " + e.getCause());
        } catch (TimeoutException e) {
            throw new CdpException(method + ": no answer in " + CALL_TIMEOUT.toSeconds() + " s");
        } finally {
            pending.remove(id);
        }
    }

    /** Parameters from key/value pairs (strings, numbers, booleans or JSON). */
    static JsonObject params(Object... kv) {
        JsonObject o = new JsonObject();
        for (int i = 0; i < kv.length; i += 2) {
            String k = (String) kv[i];
            Object v = kv[i + 1];
            if (v instanceof String s) {
                o.addProperty(k, s);
            } else if (v instanceof Number n) {
                o.addProperty(k, n);
            } else if (v instanceof Boolean b) {
                o.addProperty(k, b);
            } else if (v instanceof JsonElement e) {
                o.add(k, e);
            } else {
                throw new IllegalArgumentException("unsupported parameter " + k + ": " + v);
            }
        }
        return o;
    }

    private void dispatch(String text) {
        JsonObject m = JsonParser.parseString(text).getAsJsonObject();
        if (m.has("id")) {
            CompletableFuture<JsonObject> f = pending.get(m.get("id").getAsInt());
            if (f != null) {
                f.complete(m);
            }
            return;
        }
        Event e = new Event(
                m.get("method").getAsString(),
                m.has("params") ? m.getAsJsonObject("params") : new JsonObject(),
                m.has("sessionId") ? m.get("sessionId").getAsString() : null);
        for (Consumer<Event> l : listeners) {
            l.accept(e);
        }
    }

    private void failAll(Throwable cause) {
        pending.values().forEach(f -> f.completeExceptionally(cause));
    }

    /** Reassembles fragmented messages (a screenshot arrives in many) and hands each one on. */
    private final class Receiver implements WebSocket.Listener {
        private final StringBuilder buffer = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            buffer.append(data);
            if (last) {
                String text = buffer.toString();
                buffer.setLength(0);
                dispatch(text);
            }
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket ws, int status, String reason) {
            failAll(new CdpException("the browser closed DevTools: " + status + " " + reason));
            return null;
        }

        @Override
        public void onError(WebSocket ws, Throwable error) {
            failAll(error);
        }
    }

    @Override
    public void close() {
        try {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            socket.abort();
        }
    }
}
