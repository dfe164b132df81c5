package cn.ets.registry.gateway.http;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The public page (issue 8 §6): {@code /} and its few assets under {@code /assets/}, read once from
 * the classpath ({@code public/}). Everything it shows it reads from the anonymous JSON endpoints,
 * so the page itself is static: cacheable for a minute, revalidated by ETag, and locked to this
 * origin by its Content-Security-Policy (no inline script, no outside resource). Not an API route,
 * so not in /openapi.json.
 */
public final class PublicPage {
    static final String CSP = "default-src 'self'";
    static final String CACHE_CONTROL = "public, max-age=60";

    /** The page's files: name → content type. Anything else under /assets/ is a 404. */
    private static final Map<String, String> FILES = Map.of(
            "index.html", "text/html; charset=utf-8",
            "page.js", "text/javascript; charset=utf-8",
            "page.css", "text/css; charset=utf-8",
            "favicon.svg", "image/svg+xml; charset=utf-8");

    /** A file as served: its bytes, content type and a strong ETag of its content. */
    private record Asset(String name, String contentType, byte[] bytes, String etag) {}

    private final Map<String, Asset> assets;

    private PublicPage(Map<String, Asset> assets) {
        this.assets = assets;
    }

    /** Adds {@code GET /} and {@code GET /assets/{file}}; fails at start-up if a file is missing from the jar. */
    public static void register(Javalin app) {
        PublicPage page = load();
        app.get("/", ctx -> page.serve(ctx, "index.html"));
        app.get("/assets/{file}", ctx -> page.serve(ctx, ctx.pathParam("file")));
    }

    private static PublicPage load() {
        Map<String, Asset> out = new LinkedHashMap<>();
        FILES.forEach((name, type) -> {
            byte[] bytes = read("public/" + name);
            out.put(name, new Asset(name, type, bytes, etag(bytes)));
        });
        return new PublicPage(Map.copyOf(out));
    }

    private void serve(Context ctx, String name) {
        // index.html is the page at /, not an asset of its own
        Asset a = "index.html".equals(name) && !"/".equals(ctx.path()) ? null : assets.get(name);
        if (a == null) {
            throw new ApiError("NOT_FOUND", "no such asset of the public page: " + name);
        }
        ctx.header("Content-Security-Policy", CSP);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Cache-Control", CACHE_CONTROL);
        ctx.header("ETag", a.etag());
        if (matches(ctx.header("If-None-Match"), a.etag())) {
            ctx.status(304);
            return;
        }
        ctx.status(200).contentType(a.contentType()).result(a.bytes());
    }

    /** If-None-Match: a list of entity tags or {@code *}; weak comparison, as RFC 9110 §13.1.2 asks for GET. */
    private static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null || ifNoneMatch.isBlank()) {
            return false;
        }
        return Arrays.stream(ifNoneMatch.split(","))
                .map(String::trim)
                .map(t -> t.startsWith("W/") ? t.substring(2) : t)
                .anyMatch(t -> t.equals("*") || t.equals(etag));
    }

    private static String etag(byte[] bytes) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(bytes);
            return "\"" + HexFormat.of().formatHex(d, 0, 16) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java", e);
        }
    }

    private static byte[] read(String resource) {
        try (InputStream in = PublicPage.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("the public page's " + resource + " is missing from the classpath");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }
}
