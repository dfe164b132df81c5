package cn.ets.registry.gateway.page;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Debian's chromium, headless, driven through the DevTools protocol: started on a fresh profile
 * with {@code --remote-debugging-port=0} (the port it picked is read from
 * {@code <profile>/DevToolsActivePort}), one tab attached, and every sign of trouble the tab shows
 * recorded as a problem: console errors, uncaught exceptions, error log entries (CSP violations
 * among them), failed requests, answers with status ≥ 400, and requests to any other origin.
 * {@link #close()} stops the browser (and only its own processes) and deletes the profile.
 */
final class Chromium implements AutoCloseable {
    static final String MISSING =
            "chromium not found on PATH: run scripts/install-chromium.sh (or pass -Dchromium.binary=/path/to/chromium)";
    private final Process process;
    private final Path profile;
    private final Cdp cdp;
    private final String session;
    private final List<String> problems = new CopyOnWriteArrayList<>();
    private final List<String> requested = new CopyOnWriteArrayList<>();
    private final Map<String, String> urls = new ConcurrentHashMap<>();
    private volatile CompletableFuture<Void> loaded = new CompletableFuture<>();

    /** The binary: {@code -Dchromium.binary}, else {@code chromium} on PATH; neither is a failure, never a skip. */
    static Path binary() {
        String given = System.getProperty("chromium.binary");
        if (given != null && !given.isBlank()) {
            Path p = Path.of(given);
            if (!Files.isExecutable(p)) {
                throw new AssertionError("-Dchromium.binary=" + given + " is not an executable file");
            }
            return p;
        }
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .filter(d -> !d.isBlank())
                .map(d -> Path.of(d, "chromium"))
                .filter(Files::isExecutable)
                .findFirst()
                .orElseThrow(() -> new AssertionError(MISSING));
    }

    /** Starts the browser with a window of {@code width}×{@code height} and {@code language} as its UI language. */
    static Chromium start(Path binary, Path profile, Path log, String language, int width, int height) {
        List<String> cmd = List.of(
                binary.toString(),
                "--headless=new",
                "--remote-debugging-port=0",
                "--remote-debugging-address=127.0.0.1",
                "--user-data-dir=" + profile,
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--no-first-run",
                "--no-default-browser-check",
                "--disable-extensions",
                "--disable-sync",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-default-apps",
                "--mute-audio",
                "--hide-scrollbars",
                "--lang=" + language,
                "--window-size=" + width + "," + height,
                "about:blank");
        Process p;
        try {
            p = new ProcessBuilder(cmd)
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + binary, e);
        }
        try {
            URI ws = devTools(p, profile, log, Duration.ofSeconds(60));
            return new Chromium(p, profile, Cdp.connect(ws), width, height);
        } catch (RuntimeException | Error e) {
            stop(p);
            deleteQuietly(profile);
            throw e;
        }
    }

    /** Waits for {@code DevToolsActivePort}: its first line the port, its second the browser's WebSocket path. */
    private static URI devTools(Process p, Path profile, Path log, Duration timeout) {
        Path file = profile.resolve("DevToolsActivePort");
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!p.isAlive()) {
                throw new AssertionError(
                        "chromium exited with " + p.exitValue() + " before DevTools started:\n" + tail(log));
            }
            try {
                if (Files.isRegularFile(file)) {
                    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
                    if (lines.size() >= 2 && !lines.get(1).isBlank()) {
                        return URI.create("ws://127.0.0.1:" + lines.get(0).trim()
                                + lines.get(1).trim());
                    }
                }
                Thread.sleep(50);
            } catch (IOException e) {
                // written while we read: try again
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
        throw new AssertionError("chromium wrote no " + file + " in " + timeout.toSeconds() + " s:\n" + tail(log));
    }

    private Chromium(Process process, Path profile, Cdp cdp, int width, int height) {
        this.process = process;
        this.profile = profile;
        this.cdp = cdp;
        cdp.onEvent(this::watch);
        String target = cdp.call("Target.createTarget", Cdp.params("url", "about:blank"))
                .get("targetId")
                .getAsString();
        this.session = cdp.call("Target.attachToTarget", Cdp.params("targetId", target, "flatten", true))
                .get("sessionId")
                .getAsString();
        for (String domain : List.of("Runtime", "Log", "Network", "Page")) {
            cdp.call(session, domain + ".enable", null);
        }
        cdp.call(
                session,
                "Emulation.setDeviceMetricsOverride",
                Cdp.params("width", width, "height", height, "deviceScaleFactor", 1, "mobile", false));
    }

    private void watch(Cdp.Event e) {
        if (!session().equals(e.sessionId())) {
            return;
        }
        JsonObject p = e.params();
        switch (e.method()) {
            case "Page.loadEventFired" -> loaded.complete(null);
            case "Runtime.consoleAPICalled" -> {
                String type = p.get("type").getAsString();
                if (type.equals("error") || type.equals("assert")) {
                    problems.add("console." + type + ": " + p.get("args"));
                }
            }
            case "Runtime.exceptionThrown" ->
                problems.add("uncaught exception: "
                        + Optional.ofNullable(
                                        p.getAsJsonObject("exceptionDetails").get("exception"))
                                .map(x -> x.getAsJsonObject().get("description"))
                                .orElse(p.getAsJsonObject("exceptionDetails").get("text")));
            case "Log.entryAdded" -> {
                JsonObject entry = p.getAsJsonObject("entry");
                if (entry.get("level").getAsString().equals("error")) {
                    problems.add("log error (" + entry.get("source").getAsString() + "): "
                            + entry.get("text").getAsString()
                            + (entry.has("url") ? " " + entry.get("url").getAsString() : ""));
                }
            }
            case "Network.requestWillBeSent" -> {
                String url = p.getAsJsonObject("request").get("url").getAsString();
                urls.put(p.get("requestId").getAsString(), url);
                requested.add(url);
            }
            case "Network.responseReceived" -> {
                JsonObject r = p.getAsJsonObject("response");
                int status = r.get("status").getAsInt();
                if (status >= 400) {
                    problems.add("HTTP " + status + " for " + r.get("url").getAsString());
                }
            }
            case "Network.loadingFailed" ->
                problems.add("request failed: "
                        + urls.getOrDefault(p.get("requestId").getAsString(), "?") + " "
                        + p.get("errorText").getAsString());
            default -> {
                // other events are of no interest
            }
        }
    }

    private String session() {
        return session == null ? "" : session;
    }

    /** Everything that went wrong in the tab so far. */
    List<String> problems() {
        return List.copyOf(problems);
    }

    /** Every URL the tab requested so far. */
    List<String> requested() {
        return List.copyOf(requested);
    }

    /** Navigates and waits for the load event. */
    void navigate(String url) {
        loaded = new CompletableFuture<>();
        JsonObject r = cdp.call(session, "Page.navigate", Cdp.params("url", url));
        if (r.has("errorText")) {
            throw new AssertionError("navigation to " + url + " failed: " + r.get("errorText"));
        }
        await(loaded, "the load event of " + url);
    }

    /** Reloads and waits for the load event. */
    void reload() {
        loaded = new CompletableFuture<>();
        cdp.call(session, "Page.reload", Cdp.params("ignoreCache", true));
        await(loaded, "the load event after a reload");
    }

    private static void await(CompletableFuture<Void> f, String what) {
        try {
            f.get(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (Exception e) {
            throw new AssertionError("no " + what + " in 60 s", e);
        }
    }

    /** The value of a JavaScript expression in the page (promises awaited); a thrown exception fails the test. */
    JsonElement evaluate(String expression) {
        JsonObject r = cdp.call(
                session,
                "Runtime.evaluate",
                Cdp.params("expression", expression, "returnByValue", true, "awaitPromise", true));
        if (r.has("exceptionDetails")) {
            throw new AssertionError("evaluating " + expression + " threw " + r.get("exceptionDetails"));
        }
        JsonObject result = r.getAsJsonObject("result");
        return result.has("value") ? result.get("value") : null;
    }

    /** Polls {@code expression} until {@code done} accepts its value. */
    JsonElement waitFor(String expression, Predicate<JsonElement> done, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        JsonElement v = null;
        while (System.nanoTime() < deadline) {
            v = evaluate(expression);
            if (v != null && done.test(v)) {
                return v;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
        throw new AssertionError("waited " + timeout.toSeconds() + " s for " + expression + "; last value " + v);
    }

    /** A real mouse click (pressed and released) at the centre of the first element {@code selector} matches. */
    void click(String selector) {
        JsonElement box = evaluate("(() => { const e = document.querySelector(" + jsString(selector) + ");"
                + " if (!e) return null; e.scrollIntoView({block: 'center'}); const r = e.getBoundingClientRect();"
                + " return {x: r.left + r.width / 2, y: r.top + r.height / 2}; })()");
        if (box == null || box.isJsonNull()) {
            throw new AssertionError("nothing on the page matches " + selector);
        }
        double x = box.getAsJsonObject().get("x").getAsDouble();
        double y = box.getAsJsonObject().get("y").getAsDouble();
        for (String type : List.of("mousePressed", "mouseReleased")) {
            cdp.call(
                    session,
                    "Input.dispatchMouseEvent",
                    Cdp.params("type", type, "x", x, "y", y, "button", "left", "clickCount", 1));
        }
    }

    /** A PNG of the whole page (not only the window), written to {@code file}. */
    void screenshot(Path file) {
        JsonObject metrics = cdp.call(session, "Page.getLayoutMetrics", null);
        JsonObject size = metrics.getAsJsonObject("cssContentSize");
        JsonObject clip = Cdp.params(
                "x",
                0,
                "y",
                0,
                "width",
                size.get("width").getAsDouble(),
                "height",
                size.get("height").getAsDouble(),
                "scale",
                1);
        String data = cdp.call(
                        session,
                        "Page.captureScreenshot",
                        Cdp.params("format", "png", "captureBeyondViewport", true, "clip", clip))
                .get("data")
                .getAsString();
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.write(file, Base64.getDecoder().decode(data));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** The browser's language preference as the page sees it (navigator.languages), and its Accept-Language. */
    void acceptLanguage(String language) {
        String ua = evaluate("navigator.userAgent").getAsString();
        cdp.call(session, "Emulation.setUserAgentOverride", Cdp.params("userAgent", ua, "acceptLanguage", language));
    }

    static String jsString(String s) {
        return new JsonPrimitive(s).toString();
    }

    @Override
    public void close() {
        try {
            cdp.call("Browser.close", null);
        } catch (RuntimeException e) {
            // the browser may already be gone; it is stopped below either way
        }
        cdp.close();
        stop(process);
        deleteQuietly(profile);
    }

    /** Stops the browser we started and its own child processes, nothing else. */
    private static void stop(Process p) {
        try {
            if (!p.waitFor(5, TimeUnit.SECONDS)) {
                p.descendants().forEach(ProcessHandle::destroy);
                p.destroy();
                if (!p.waitFor(5, TimeUnit.SECONDS)) {
                    p.descendants().forEach(ProcessHandle::destroyForcibly);
                    p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
    }

    private static void deleteQuietly(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        // a helper process may still be writing for a moment after the browser exits
        for (int attempt = 0; attempt < 5; attempt++) {
            try (Stream<Path> s = Files.walk(dir)) {
                List<Path> all =
                        new ArrayList<>(s.sorted(Comparator.reverseOrder()).toList());
                for (Path f : all) {
                    Files.deleteIfExists(f);
                }
                return;
            } catch (IOException | UncheckedIOException e) {
                try {
                    Thread.sleep(200);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }
}
