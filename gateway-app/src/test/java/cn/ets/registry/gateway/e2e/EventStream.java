package cn.ets.registry.gateway.e2e;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/** Reads the first {@code count} server-sent events of GET /api/v1/events. */
public final class EventStream {
    public record Event(long id, String name, JsonObject data) {}

    private EventStream() {}

    public static List<Event> read(String baseUrl, String token, long fromBlock, int count) throws Exception {
        return read(baseUrl, "/api/v1/events", token, fromBlock, count, Duration.ofSeconds(60));
    }

    /**
     * The events of {@code path} (null token: none sent) from {@code fromBlock}: {@code count} of
     * them, or as many as came before the stream stayed silent for {@code idle}.
     */
    public static List<Event> read(String baseUrl, String path, String token, long fromBlock, int count, Duration idle)
            throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl + path + "?fromBlock=" + fromBlock))
                .header("Accept", "text/event-stream");
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        HttpRequest req = b.build();
        HttpResponse<Stream<String>> r = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(10))
                .build()
                .send(req, HttpResponse.BodyHandlers.ofLines());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("events answered " + r.statusCode());
        }
        List<Event> events = new ArrayList<>();
        CompletableFuture<Void> reading = CompletableFuture.runAsync(() -> {
            Iterator<String> lines = r.body().iterator();
            long id = -1;
            String name = null;
            while (events.size() < count && lines.hasNext()) {
                String line = lines.next();
                if (line.startsWith("id: ")) {
                    id = Long.parseLong(line.substring(4).trim());
                } else if (line.startsWith("event: ")) {
                    name = line.substring(7).trim();
                } else if (line.startsWith("data: ")) {
                    synchronized (events) {
                        events.add(new Event(
                                id,
                                name,
                                JsonParser.parseString(line.substring(6)).getAsJsonObject()));
                    }
                }
            }
        });
        try {
            int seen = -1;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!reading.isDone() && System.nanoTime() < deadline) {
                try {
                    reading.get(idle.toMillis(), TimeUnit.MILLISECONDS);
                } catch (TimeoutException quiet) {
                    synchronized (events) {
                        if (events.size() == seen) {
                            break; // nothing new for a whole idle period: all there is
                        }
                        seen = events.size();
                    }
                }
            }
        } finally {
            r.body().close();
        }
        synchronized (events) {
            return new ArrayList<>(events);
        }
    }
}
