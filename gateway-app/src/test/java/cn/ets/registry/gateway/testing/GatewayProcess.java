package cn.ets.registry.gateway.testing;

import cn.ets.registry.gateway.identity.IdentityStore;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The gateway as a child process ({@code cn.ets.registry.gateway.GatewayMain} on this JVM's classpath,
 * without test-only libraries), so a test can kill it with SIGKILL and start it again on the same data dir.
 */
public final class GatewayProcess implements AutoCloseable {
    private static final Pattern LISTENING = Pattern.compile("gateway listening on (http://[0-9.]+:[0-9]+)");
    private final Process process;
    private final RegistryClient client;

    private GatewayProcess(Process process, RegistryClient client) {
        this.process = process;
        this.client = client;
    }

    public static GatewayProcess start(Path dataDir, Path log) throws IOException, InterruptedException {
        // quick to start and small: what a test needs
        return start(dataDir, log, List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx384m"));
    }

    /** With the given JVM options (none: the JVM's defaults, as {@code java -jar} runs it). */
    public static GatewayProcess start(Path dataDir, Path log, List<String> jvmOptions)
            throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(jvmOptions);
        cmd.addAll(List.of(
                "-cp",
                runtimeClasspath(),
                "cn.ets.registry.gateway.GatewayMain",
                "--port",
                "0",
                "--host",
                "127.0.0.1",
                "--data-dir",
                dataDir.toString()));
        Process p = new ProcessBuilder(cmd)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
        while (Instant.now().isBefore(deadline)) {
            if (!p.isAlive()) {
                throw new IllegalStateException("the gateway exited with " + p.exitValue() + ":\n" + tail(log));
            }
            Matcher m = LISTENING.matcher(Files.exists(log) ? Files.readString(log) : "");
            String url = null;
            while (m.find()) {
                url = m.group(1); // the last start's line
            }
            if (url != null && countStarts(log) > 0) {
                GatewayProcess g = new GatewayProcess(
                        p,
                        new RegistryClient(
                                url, RegistryClient.readCredentials(IdentityStore.credentialsFile(dataDir))));
                if (g.healthy()) {
                    return g;
                }
            }
            Thread.sleep(100);
        }
        p.destroyForcibly();
        throw new IllegalStateException("the gateway did not start within 120 s:\n" + tail(log));
    }

    private static int countStarts(Path log) throws IOException {
        Matcher m = LISTENING.matcher(Files.readString(log));
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    private boolean healthy() {
        try {
            return client.send("GET", "/health", null, null).status() == 200;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** This JVM's classpath without the test framework: what the gateway itself needs. */
    static String runtimeClasspath() {
        List<String> keep = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            String e = entry.replace('\\', '/');
            boolean testOnly = e.endsWith("/test-classes")
                    || e.endsWith("/test-classes/")
                    || e.contains("/junit/")
                    || e.contains("/opentest4j/")
                    || e.contains("/apiguardian/")
                    || e.contains("/assertj/")
                    || e.contains("/archunit")
                    || e.contains("surefire")
                    || e.contains("/net/bytebuddy/");
            if (!testOnly) {
                keep.add(entry);
            }
        }
        return String.join(File.pathSeparator, keep);
    }

    public RegistryClient client() {
        return client;
    }

    public long pid() {
        return process.pid();
    }

    /** SIGKILL: no shutdown hook, no flush, no close. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(15, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }

    /** The last 4,000 characters of a gateway's log, for a failure message. */
    public static String tail(Path log) {
        try {
            String s = Files.readString(log);
            return s.length() > 4000 ? s.substring(s.length() - 4000) : s;
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }
}
