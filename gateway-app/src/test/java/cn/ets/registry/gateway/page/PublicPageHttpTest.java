package cn.ets.registry.gateway.page;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ets.registry.gateway.testing.RegistryClient;
import cn.ets.registry.gateway.testing.SharedGateway;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The public page as HTTP serves it, anonymously, from a real gateway: content types with their
 * charset, the Content-Security-Policy that forbids anything but this origin, a minute of caching
 * revalidated by ETag (304), unknown assets answered in the contract's error format, and markup that
 * the policy can allow (no inline script, no inline style, no outside resource).
 */
@ExtendWith(SharedGateway.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PublicPageHttpTest {
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    private String base;

    @BeforeAll
    void start(RegistryClient shared) {
        base = shared.baseUrl();
    }

    private HttpResponse<String> get(String path, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
        if (headers.length > 0) {
            b.headers(headers);
        }
        try {
            return http.send(b.GET().build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String header(HttpResponse<?> r, String name) {
        return r.headers().firstValue(name).orElse(null);
    }

    @ParameterizedTest
    @CsvSource({
        "/, text/html; charset=utf-8",
        "/assets/page.js, text/javascript; charset=utf-8",
        "/assets/page.css, text/css; charset=utf-8",
        "/assets/favicon.svg, image/svg+xml; charset=utf-8"
    })
    void the_page_and_its_assets_are_served_without_a_token_with_type_policy_and_cache_headers(
            String path, String type) {
        HttpResponse<String> r = get(path);
        assertThat(r.statusCode()).isEqualTo(200);
        // Jetty writes the charset of a type it knows without the space: the same header
        assertThat(header(r, "Content-Type").replace(" ", "")).isEqualToIgnoringCase(type.replace(" ", ""));
        assertThat(header(r, "Content-Security-Policy")).isEqualTo("default-src 'self'");
        assertThat(header(r, "Cache-Control")).isEqualTo("public, max-age=60");
        assertThat(header(r, "X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(header(r, "ETag")).matches("\"[0-9a-f]{32}\"");
        assertThat(r.body()).isNotBlank();
    }

    @Test
    void each_file_has_its_own_etag() {
        assertThat(header(get("/"), "ETag"))
                .isNotEqualTo(header(get("/assets/page.js"), "ETag"))
                .isNotEqualTo(header(get("/assets/page.css"), "ETag"));
        assertThat(header(get("/"), "ETag")).as("stable across requests").isEqualTo(header(get("/"), "ETag"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"%s", "W/%s", "\"0000\", %s", "*"})
    void a_matching_if_none_match_answers_304_with_no_body(String ifNoneMatch) {
        String etag = header(get("/assets/page.js"), "ETag");
        HttpResponse<String> r = get("/assets/page.js", "If-None-Match", ifNoneMatch.formatted(etag));
        assertThat(r.statusCode()).isEqualTo(304);
        assertThat(r.body()).isEmpty();
        assertThat(header(r, "ETag")).isEqualTo(etag);
        assertThat(header(r, "Cache-Control")).isEqualTo("public, max-age=60");
    }

    @Test
    void a_compressed_answer_revalidates_with_the_same_etag() {
        String etag = header(get("/assets/page.js"), "ETag");
        HttpResponse<String> zipped = get("/assets/page.js", "Accept-Encoding", "gzip");
        assertThat(zipped.statusCode()).isEqualTo(200);
        assertThat(header(zipped, "ETag")).isEqualTo(etag);
        HttpResponse<String> r = get("/assets/page.js", "Accept-Encoding", "gzip", "If-None-Match", etag);
        assertThat(r.statusCode()).isEqualTo(304);
    }

    @Test
    void a_stale_etag_gets_the_file_again() {
        HttpResponse<String> fresh = get("/");
        HttpResponse<String> r = get("/", "If-None-Match", "\"0123456789abcdef0123456789abcdef\"");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEqualTo(fresh.body());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/assets/nope.js", "/assets/index.html", "/assets/..%2Flogback.xml"})
    void an_unknown_asset_is_a_404_in_the_contracts_error_format(String path) {
        HttpResponse<String> r = get(path);
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(header(r, "Content-Type")).startsWith("application/json");
        JsonObject error = JsonParser.parseString(r.body()).getAsJsonObject().getAsJsonObject("error");
        assertThat(error.get("code").getAsString()).isEqualTo("NOT_FOUND");
        assertThat(error.get("message").getAsString()).isNotBlank();
        assertThat(error.get("details").isJsonObject()).isTrue();
    }

    @Test
    void the_markup_needs_nothing_the_policy_forbids() {
        String html = get("/").body();
        Matcher scripts = Pattern.compile("<script\\b([^>]*)>(.*?)</script>", Pattern.DOTALL | Pattern.CASE_INSENSITIVE)
                .matcher(html);
        int n = 0;
        while (scripts.find()) {
            n++;
            assertThat(scripts.group(1))
                    .as("every script is a file of this origin")
                    .contains("src=\"/assets/");
            assertThat(scripts.group(2)).as("and has no inline code").isBlank();
        }
        assertThat(n).isEqualTo(1);
        assertThat(html).doesNotContainPattern("(?i)<style\\b").doesNotContainPattern("(?i)\\sstyle=");
        assertThat(html).as("no event handler attributes").doesNotContainPattern("(?i)\\son[a-z]+=");
        assertThat(html).as("no outside resource").doesNotContainPattern("(?i)(src|href)=\"(https?:)?//");
        assertThat(get("/assets/page.css").body())
                .as("no web font, no outside resource")
                .doesNotContain("@font-face")
                .doesNotContain("url(")
                .doesNotContain("@import");
        assertThat(get("/assets/page.js").body())
                .as("text only: the ledger's strings never become markup")
                .doesNotContain("innerHTML")
                .doesNotContain("eval(")
                .doesNotContain("new Function");
    }

    @Test
    void the_page_is_not_part_of_the_api_description() {
        JsonObject paths = JsonParser.parseString(get("/openapi.json").body())
                .getAsJsonObject()
                .getAsJsonObject("paths");
        assertThat(paths.keySet()).doesNotContain("/", "/assets/{file}");
    }
}
