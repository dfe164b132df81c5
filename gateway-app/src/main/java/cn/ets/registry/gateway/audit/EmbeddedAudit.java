package cn.ets.registry.gateway.audit;

import static cn.ets.registry.domain.identity.OrganisationRoles.MEE_MSP;

import cn.ets.registry.gateway.ledger.embedded.Checkpoint;
import cn.ets.registry.gateway.ledger.embedded.EmbeddedLog;
import cn.ets.registry.gateway.ledger.embedded.LogEntry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ForkJoinPool;
import java.util.function.Consumer;
import java.util.stream.IntStream;

/**
 * Audits the embedded ledger's log from its raw entries: the chain (sequence without gaps, each
 * entry linked to the hash of the one before, each seal intact), every caller's signature over its
 * command with a certificate its organisation's CA issued, the endorser's checkpoints over the
 * chain, and a replay of every entry's writes through {@link SupplyReplay}; finally the holdings
 * and supply counters on disk against the replay. Signatures are verified in parallel, in batches;
 * everything that depends on order runs in order.
 */
public final class EmbeddedAudit {
    private static final int BATCH = 4096;

    private final Identities identities;
    private final String endorserMsp;
    private final AuditOptions options;

    /**
     * @param identities   trust anchors: each organisation's CA certificate by MSP id
     * @param endorserMsp  the organisation whose peer-like identity signs checkpoints (the Registry)
     */
    EmbeddedAudit(Identities identities, String endorserMsp, AuditOptions options) {
        this.identities = identities;
        this.endorserMsp = endorserMsp;
        this.options = options;
    }

    /** An entry checked on its own (in parallel): its parse, seal, certificate and signature. */
    private record Checked(LogEntry entry, boolean issuerIsMee, List<Finding> findings) {}

    AuditRun audit(EmbeddedLog log, String source) {
        int threads = options.threads();
        Consumer<String> progress = options.progress();
        Duration maxUnendorsedAge = options.maxUnendorsedAge();
        long started = System.nanoTime();
        long cpu0 = Cpu.processNanos();
        SignatureCheck signatures = new SignatureCheck();
        List<Finding> findings = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        SupplyReplay replay = new SupplyReplay(findings, options.history());
        Instant auditStart = Instant.now();
        TreeMap<Long, Checkpoint> checkpoints = log.checkpoints();
        long lastClaimed = checkpoints.isEmpty() ? 0 : checkpoints.lastKey();
        Instant[] firstUnclaimed = {null};
        Map<Long, String> hashAt = new HashMap<>();
        long[] state = {1, 0}; // next expected sequence, entries read
        String[] prev = {LogEntry.GENESIS};
        List<EmbeddedLog.Raw> batch = new ArrayList<>(BATCH);
        ForkJoinPool pool = new ForkJoinPool(threads);
        // A pipeline: while the pool checks one batch (parse, seal, signature: the costly part, in
        // parallel), this thread reads the next from disk and replays the one checked before, in order.
        List<CompletableFuture<List<Checked>>> pending = new ArrayList<>(1);
        long[] submitted = {0};
        Consumer<List<Checked>> replayChecked = checked -> {
            for (Checked c : checked) {
                findings.addAll(c.findings());
                LogEntry e = c.entry();
                if (e == null) {
                    state[0]++;
                    continue;
                }
                if (e.seq() != state[0]) {
                    findings.add(new Finding(
                            e.seq(),
                            0,
                            e.txId(),
                            "sequence",
                            "expected entry " + state[0] + ", found " + e.seq()
                                    + (e.seq() > state[0] ? " (entries missing)" : " (out of order or repeated)")));
                }
                if (!e.prevHash().equals(prev[0])) {
                    findings.add(new Finding(
                            e.seq(), 0, e.txId(), "chain", "does not link to the hash of the entry before it"));
                }
                prev[0] = e.hash();
                if (checkpoints.containsKey(e.seq())) {
                    hashAt.put(e.seq(), e.hash());
                }
                if (e.seq() > lastClaimed && firstUnclaimed[0] == null) {
                    firstUnclaimed[0] = parseTime(e.time());
                }
                replay.apply(e.seq(), 0, e.txId(), e.function(), c.issuerIsMee(), writes(e));
                replay.endOfBlock(e.seq(), e.time());
                state[0] = e.seq() + 1;
            }
            state[1] += checked.size();
            progress.accept(state[1] + " entries read, " + findings.size() + " findings");
        };
        Consumer<List<EmbeddedLog.Raw>> flush = b -> {
            long base = submitted[0];
            submitted[0] += b.size();
            CompletableFuture<List<Checked>> next = CompletableFuture.supplyAsync(
                    () -> IntStream.range(0, b.size())
                            .parallel()
                            .mapToObj(i -> check(b.get(i), base + i + 1, log, signatures))
                            .toList(),
                    pool);
            if (!pending.isEmpty()) {
                replayChecked.accept(pending.remove(0).join());
            }
            pending.add(next);
        };
        log.forEach(1, options.upTo(), raw -> {
            batch.add(raw);
            if (batch.size() == BATCH) {
                flush.accept(List.copyOf(batch));
                batch.clear();
            }
        });
        if (!batch.isEmpty()) {
            flush.accept(List.copyOf(batch));
        }
        if (!pending.isEmpty()) {
            replayChecked.accept(pending.remove(0).join());
        }
        pool.shutdown();
        long entries = state[1];
        // a partial read (up to an entry) checks the checkpoints it reached, not those of entries it never read
        long lastCovered = checkCheckpoints(
                log,
                options.partial() ? new TreeMap<>(checkpoints.headMap(options.upTo(), true)) : checkpoints,
                hashAt,
                findings,
                signatures);
        if (options.partial()) {
            notes.add("read up to entry " + options.upTo() + " only: the tail and the state on disk were not compared");
        } else if (entries > lastCovered) {
            Instant since = lastCovered == lastClaimed ? firstUnclaimed[0] : null;
            if (since != null && Duration.between(since, auditStart).compareTo(maxUnendorsedAge) <= 0) {
                notes.add((entries - lastCovered) + " entries after the last checkpoint (" + lastCovered
                        + ") are younger than " + maxUnendorsedAge.toSeconds() + " s and not endorsed yet");
            } else {
                findings.add(new Finding(
                        lastCovered + 1,
                        null,
                        null,
                        "endorsement",
                        (entries - lastCovered) + " entries from " + (lastCovered + 1)
                                + " on are under no valid checkpoint of the endorser"));
            }
        }
        if (!options.partial()) {
            compareWithDisk(log, replay, entries, findings);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        double cpu = Math.max(1e-9, (Cpu.processNanos() - cpu0) / 1e9);
        return new AuditRun(
                new AuditReport(
                        source,
                        entries,
                        entries,
                        entries,
                        0,
                        signatures.count(),
                        List.copyOf(replay.supply().values()),
                        findings,
                        notes,
                        new AuditReport.Timing(
                                seconds,
                                entries / Math.max(seconds, 1e-9),
                                signatures.cpuSeconds(),
                                signatures.cpuSeconds() / cpu,
                                threads)),
                replay,
                identities);
    }

    private Checked check(EmbeddedLog.Raw raw, long position, EmbeddedLog log, SignatureCheck signatures) {
        List<Finding> out = new ArrayList<>();
        LogEntry e = raw.entry();
        if (e == null) {
            out.add(new Finding(position, 0, null, "format", "entry " + position + " is not a log entry"));
            return new Checked(null, false, out);
        }
        if (!LogEntry.sealIntact(raw.bytes(), e.hash())) {
            out.add(new Finding(e.seq(), 0, e.txId(), "seal", "the entry was altered after it was sealed"));
        }
        Optional<String> pem =
                e.creatorCertSha256() == null ? Optional.empty() : log.certificate(e.creatorCertSha256());
        if (pem.isEmpty()) {
            out.add(new Finding(e.seq(), 0, e.txId(), "creator", "the creator's certificate is not in the ledger"));
            return new Checked(e, false, out);
        }
        Identities.Checked id = identities.check(e.msp(), pem.get().getBytes(StandardCharsets.UTF_8));
        if (!id.trusted()) {
            out.add(new Finding(
                    e.seq(), 0, e.txId(), "creator", "the creator's certificate was not issued by a CA of " + e.msp()));
        }
        byte[] sig = decode(e.creatorSignature());
        if (!signatures.verify(id, e.signedCommand().bytes(), sig)) {
            out.add(new Finding(
                    e.seq(),
                    0,
                    e.txId(),
                    "creator-signature",
                    "the creator's signature over its command does not verify"));
        }
        boolean mee = MEE_MSP.equals(e.msp()) && id.trusted() && "MEE".equals(id.role());
        return new Checked(e, mee, out);
    }

    /** Each checkpoint: over the entry it names, signed by the endorser; returns the last sequence covered. */
    private long checkCheckpoints(
            EmbeddedLog log,
            TreeMap<Long, Checkpoint> checkpoints,
            Map<Long, String> hashAt,
            List<Finding> findings,
            SignatureCheck signatures) {
        long covered = 0;
        for (var e : checkpoints.entrySet()) {
            Checkpoint c = e.getValue();
            if (c == null) {
                findings.add(new Finding(0, null, null, "checkpoint", "an unreadable checkpoint"));
                continue;
            }
            String hash = hashAt.get(c.seq());
            if (hash == null || !hash.equals(c.hash())) {
                findings.add(new Finding(
                        c.seq(),
                        null,
                        null,
                        "checkpoint",
                        "the checkpoint at " + c.seq() + " does not match the chain there"));
                continue;
            }
            Optional<String> pem = log.certificate(c.signerCertSha256());
            Identities.Checked id = pem.map(p -> identities.check(endorserMsp, p.getBytes(StandardCharsets.UTF_8)))
                    .orElse(null);
            if (id == null || !id.trusted()) {
                findings.add(new Finding(
                        c.seq(),
                        null,
                        null,
                        "checkpoint",
                        "the checkpoint's signer is not an identity of " + endorserMsp));
                continue;
            }
            if (!signatures.verify(id, Checkpoint.signedBytes(c.seq(), c.hash()), decode(c.signature()))) {
                findings.add(new Finding(
                        c.seq(),
                        null,
                        null,
                        "checkpoint",
                        "the endorser's signature over the chain at " + c.seq() + " does not verify"));
                continue;
            }
            covered = Math.max(covered, c.seq());
        }
        return covered;
    }

    /** The books on disk (holdings, supply counters) must be exactly what the log's writes make them. */
    private static void compareWithDisk(EmbeddedLog log, SupplyReplay replay, long entries, List<Finding> findings) {
        SupplyReplay disk = new SupplyReplay(new ArrayList<>());
        List<SupplyReplay.Write> books = new ArrayList<>();
        log.state().forEach((k, v) -> {
            List<String> parts = CompositeKeys.split(k);
            if (!parts.isEmpty()
                    && (parts.get(0).equals(SupplyReplay.HOLDING)
                            || parts.get(0).equals(SupplyReplay.SUPPLY))) {
                books.add(new SupplyReplay.Write(k, v));
            }
        });
        disk.apply(entries, 0, "state-on-disk", "issuance:issue", true, books);
        Map<String, String> onDisk = disk.books();
        Map<String, String> replayed = replay.books();
        if (!onDisk.equals(replayed)) {
            List<String> differing = new ArrayList<>();
            for (String k : new TreeSet<>(union(onDisk.keySet(), replayed.keySet()))) {
                if (!Objects.equals(onDisk.get(k), replayed.get(k)) && differing.size() < 5) {
                    differing.add(k + " disk " + onDisk.get(k) + " replay " + replayed.get(k));
                }
            }
            findings.add(new Finding(
                    entries, null, null, "state", "the books on disk differ from the replay of the log: " + differing));
        }
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> u = new HashSet<>(a);
        u.addAll(b);
        return u;
    }

    private static List<SupplyReplay.Write> writes(LogEntry e) {
        List<SupplyReplay.Write> out =
                new ArrayList<>(e.writes() == null ? 0 : e.writes().size());
        if (e.writes() != null) {
            for (LogEntry.Write w : e.writes()) {
                out.add(new SupplyReplay.Write(w.key(), w.value()));
            }
        }
        return out;
    }

    private static Instant parseTime(String t) {
        try {
            return Instant.parse(t);
        } catch (RuntimeException e) {
            return Instant.EPOCH;
        }
    }

    private static byte[] decode(String base64) {
        try {
            return base64 == null ? null : Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
