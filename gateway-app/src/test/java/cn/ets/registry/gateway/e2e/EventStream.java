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
import java.util.stream.Stream;

/** Reads the first {@code count} server-sent events of GET /api/v1/events. */
public final class EventStream {
    public record Event(long id, String name, JsonObject data) {}

    private EventStream() {}

    public static List<Event> read(String baseUrl, String token, long fromBlock, int count) throws Exception {
        HttpRequest req = HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/events?fromBlock=" + fromBlock))
                .header("Authorization", "Bearer " + token)
                .header("Accept", "text/event-stream")
                .build();
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
            reading.get(60, TimeUnit.SECONDS);
        } finally {
            r.body().close();
        }
        return events;
    }
}
