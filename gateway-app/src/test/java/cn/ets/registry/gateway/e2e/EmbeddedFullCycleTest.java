package cn.ets.registry.gateway.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ets.registry.gateway.audit.AuditCommand;
import cn.ets.registry.gateway.audit.AuditReport;
import cn.ets.registry.gateway.identity.Pem;
import cn.ets.registry.gateway.ledger.embedded.LogEntry;
import cn.ets.registry.gateway.ledger.embedded.LogTamper;
import cn.ets.registry.gateway.testing.EmbeddedGateway;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The end-to-end suite on the embedded ledger (its twin, FabricFullCycleIT, runs it on Fabric); then
 * the audit of the log it leaves, which must pass, and of tampered copies of that log, each of which
 * must be caught at the entry tampered with and by the check that protects it.
 */
class EmbeddedFullCycleTest {
    @TempDir
    static Path suite;

    @TempDir
    Path copies;

    private static long height;

    @BeforeAll
    static void a_full_compliance_cycle_runs_through_the_gateway_on_the_embedded_ledger() throws Exception {
        try (EmbeddedGateway g = EmbeddedGateway.start(suite, false)) {
            new FullCycleScenario(g.client()).run();
            height = (Long) g.registry().ledger().health().get("height");
        }
    }

    @Test
    void the_audit_of_the_log_the_suite_leaves_passes() {
        AuditReport r = audit(suite);
        assertThat(r.findings()).as("findings").isEmpty();
        assertThat(r.blocks()).as("every entry of the log is read").isEqualTo(height);
        assertThat(r.signaturesVerified()).isGreaterThan(r.blocks());
        assertThat(r.supply()).anySatisfy(p -> {
            assertThat(p.product()).isEqualTo("CEA-2024");
            assertThat(p.issued()).isEqualTo(p.held() + p.locked() + p.surrendered() + p.cancelled());
            assertThat(p.surrendered()).isPositive();
        });
    }

    @Test
    void a_flipped_byte_in_an_entry_breaks_its_seal() throws IOException {
        Path copy = copy();
        long at;
        try (LogTamper t = new LogTamper(copy.resolve("ledger"))) {
            at = firstWith(t, "distribution:distribute");
            String json = new String(t.raw(at), StandardCharsets.UTF_8);
            int digit = json.indexOf("\"quantity\\\":") + 12;
            char c = json.charAt(digit);
            t.putRaw(
                    at,
                    LogTamper.utf8(
                            json.substring(0, digit) + (char) (c == '9' ? '8' : c + 1) + json.substring(digit + 1)));
        }
        assertCaught(audit(copy), at, "seal");
    }

    @Test
    void a_dropped_entry_leaves_a_gap() throws IOException {
        Path copy = copy();
        try (LogTamper t = new LogTamper(copy.resolve("ledger"))) {
            t.drop(20);
        }
        assertCaught(audit(copy), 21, "sequence");
    }

    @Test
    void two_entries_swapped_break_the_order() throws IOException {
        Path copy = copy();
        try (LogTamper t = new LogTamper(copy.resolve("ledger"))) {
            byte[] a = t.raw(20);
            byte[] b = t.raw(21);
            t.putRaw(20, b);
            t.putRaw(21, a);
        }
        assertCaught(audit(copy), 21, "sequence");
    }

    @Test
    void a_forged_checkpoint_signature_is_caught() throws IOException {
        Path copy = copy();
        long at;
        try (LogTamper t = new LogTamper(copy.resolve("ledger"))) {
            at = t.checkpoints().get(0);
            t.forgeCheckpoint(at, foreignKey());
        }
        assertCaught(audit(copy), at, "checkpoint");
    }

    @Test
    void a_write_no_one_signed_is_caught_even_when_the_chain_is_rebuilt_around_it() throws IOException {
        Path copy = copy();
        long at;
        try (LogTamper t = new LogTamper(copy.resolve("ledger"))) {
            at = firstWith(t, "distribution:distribute");
            LogEntry e = t.entry(at);
            LogEntry.Write credit = e.writes().stream()
                    .filter(w -> w.key().startsWith("\u0000hold\u0000"))
                    .findFirst()
                    .orElseThrow();
            String forged = credit.key()
                    .replace("\u0000hold\u0000", "\u0000hold\u0000X")
                    .replaceFirst("X[^\u0000]*", "FORGED-ACCOUNT");
            t.rewriteAndRechain(at, entry -> LogTamper.withWrite(entry, forged, "{\"locked\":0,\"quantity\":1000}"));
        }
        AuditReport r = audit(copy);
        assertCaught(r, at, "conservation");
        assertThat(r.findings()).anySatisfy(f -> assertThat(f.check()).isEqualTo("checkpoint"));
    }

    @Test
    void a_log_without_its_endorsers_checkpoints_is_caught() throws IOException {
        Path copy = copy();
        try (LogTamper t = new LogTamper(copy.resolve("ledger"))) {
            t.dropCheckpoints();
        }
        assertCaught(audit(copy), 1, "endorsement");
    }

    private static AuditReport audit(Path dataDir) {
        return AuditCommand.run("embedded:" + dataDir, null, 2, m -> {}, Duration.ZERO);
    }

    private static void assertCaught(AuditReport r, long at, String check) {
        assertThat(r.passed()).as("the audit of a tampered log fails").isFalse();
        assertThat(r.findings())
                .as("a [%s] finding at %d among %s", check, at, r.findings())
                .anySatisfy(f -> {
                    assertThat(f.check()).isEqualTo(check);
                    assertThat(f.block()).isEqualTo(at);
                });
    }

    private static long firstWith(LogTamper t, String function) {
        for (long s = 1; ; s++) {
            if (t.entry(s).function().equals(function)) {
                return s;
            }
        }
    }

    /** A key that is not the endorser's (the MEE CA's own key). */
    private static PrivateKey foreignKey() throws IOException {
        return Pem.privateKey(Files.readString(suite.resolve("orgs/MEE/ca-key.pem")));
    }

    private Path copy() throws IOException {
        Path target = copies.resolve("ledger-copy-" + System.nanoTime());
        try (Stream<Path> all = Files.walk(suite)) {
            for (Path p : all.sorted(Comparator.naturalOrder()).toList()) {
                Path to = target.resolve(suite.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else if (!p.getFileName().toString().equals("LOCK")) {
                    Files.copy(p, to);
                }
            }
        }
        return target;
    }
}
