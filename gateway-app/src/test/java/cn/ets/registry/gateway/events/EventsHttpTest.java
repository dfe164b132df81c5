package cn.ets.registry.gateway.events;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ets.registry.gateway.e2e.EventStream;
import cn.ets.registry.gateway.testing.EmbeddedGateway;
import cn.ets.registry.gateway.testing.RegistryClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EventsHttpTest {

    @Test
    void committed_events_stream_in_order_and_resume_from_a_block(@TempDir Path dir) throws Exception {
        try (EmbeddedGateway g = EmbeddedGateway.start(dir, false)) {
            RegistryClient api = g.client();
            String url = api.baseUrl();
            assertThat(api.post(
                                    "mee",
                                    "/api/v1/issuances",
                                    "{\"requestId\":\"e1\",\"product\":\"CEA-2024\",\"quantity\":10}")
                            .status())
                    .isEqualTo(201);
            assertThat(api.post(
                                    "mee",
                                    "/api/v1/issuances",
                                    "{\"requestId\":\"e2\",\"product\":\"CEA-2024\",\"quantity\":20}")
                            .status())
                    .isEqualTo(201);
            assertThat(api.post(
                                    "mee",
                                    "/api/v1/issuances",
                                    "{\"requestId\":\"e2\",\"product\":\"CEA-2024\",\"quantity\":20}")
                            .status())
                    .as("a replay commits no new event")
                    .isEqualTo(201);

            List<EventStream.Event> all =
                    EventStream.read(url, api.endpoint("auditor").token(), 0, 3);
            assertThat(all)
                    .extracting(EventStream.Event::name)
                    .containsExactly("RegistryBootstrapped", "AllowancesIssued", "AllowancesIssued");
            assertThat(all).extracting(EventStream.Event::id).isSorted();
            EventStream.Event second = all.get(2);
            assertThat(second.data()
                            .getAsJsonObject("payload")
                            .getAsJsonObject("data")
                            .get("quantity")
                            .getAsLong())
                    .isEqualTo(20);
            assertThat(second.data().getAsJsonObject("payload").get("actor").getAsString())
                    .isEqualTo("mee");

            List<EventStream.Event> resumed =
                    EventStream.read(url, api.endpoint("exchange").token(), second.id(), 1);
            assertThat(resumed.get(0).id()).isEqualTo(second.id());
            assertThat(resumed.get(0).data().get("txId").getAsString())
                    .isEqualTo(second.data().get("txId").getAsString());

            // a new commit reaches a listener that is already connected
            var live = CompletableFuture.supplyAsync(() -> {
                try {
                    return EventStream.read(url, api.endpoint("auditor").token(), second.id() + 1, 1);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            Thread.sleep(500);
            assertThat(api.post(
                                    "mee",
                                    "/api/v1/issuances",
                                    "{\"requestId\":\"e3\",\"product\":\"CEA-2024\",\"quantity\":30}")
                            .status())
                    .isEqualTo(201);
            assertThat(live.get(30, TimeUnit.SECONDS).get(0).name()).isEqualTo("AllowancesIssued");
        }
    }

    @Test
    void a_province_follows_the_detailed_stream_and_without_a_token_only_the_public_one_answers(@TempDir Path dir)
            throws Exception {
        try (EmbeddedGateway g = EmbeddedGateway.start(dir, false)) {
            String url = g.client().baseUrl();
            List<EventStream.Event> province = EventStream.read(
                    url, "/api/v1/events", g.client().token("province-HB"), 0, 1, Duration.ofSeconds(30));
            assertThat(province).hasSize(1);
            var anonymous = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(url + "/api/v1/events"))
                                    .header("Accept", "text/event-stream")
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(anonymous.statusCode()).isEqualTo(401);
            assertThat(anonymous.body()).contains("UNAUTHENTICATED");
            List<EventStream.Event> open =
                    EventStream.read(url, "/api/v1/public/events", null, 0, 1, Duration.ofSeconds(30));
            assertThat(open).hasSize(1);
            assertThat(open.get(0).id()).isEqualTo(province.get(0).id());
        }
    }
}
