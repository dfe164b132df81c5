package cn.ets.registry.gateway.ledger.embedded;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * The embedded ledger's log as an auditor reads it: entries in order, the certificates they cite,
 * the endorser's checkpoints and the state on disk — read-only, without the database lock, so a
 * running gateway is not disturbed.
 */
public final class EmbeddedLog implements AutoCloseable {
    private final RocksStore store;

    private EmbeddedLog(RocksStore store) {
        this.store = store;
    }

    /** The log under {@code ledgerDir} (a gateway's {@code <data-dir>/ledger}). */
    public static EmbeddedLog open(Path ledgerDir) {
        if (!Files.isDirectory(ledgerDir)) {
            throw new IllegalArgumentException("no embedded ledger at " + ledgerDir);
        }
        return new EmbeddedLog(RocksStore.openReadOnly(ledgerDir));
    }

    /** Every entry stored from {@code from} to {@code to} (inclusive), in stored order; {@code raw} is the entry's stored bytes. */
    public void forEach(long from, long to, Consumer<Raw> consumer) {
        long next = from;
        while (true) {
            var page = store.logWithPositions(next, 1000);
            for (var stored : page) {
                if (stored.getKey() > to) {
                    return;
                }
                consumer.accept(new Raw(stored.getValue()));
                next = stored.getKey() + 1;
            }
            if (page.size() < 1000) {
                return;
            }
        }
    }

    /** An entry as stored; {@link #entry()} parses it (null if it is not one), so a reader may parse in parallel. */
    public record Raw(byte[] bytes) {
        public LogEntry entry() {
            try {
                return LogEntry.parse(bytes);
            } catch (RuntimeException e) {
                return null;
            }
        }
    }

    public Optional<String> certificate(String sha256) {
        byte[] pem = store.metadata(Checkpoint.CERT_PREFIX + sha256);
        return Optional.ofNullable(pem).map(b -> new String(b, StandardCharsets.UTF_8));
    }

    /** seq → checkpoint, every one kept. */
    public TreeMap<Long, Checkpoint> checkpoints() {
        TreeMap<Long, Checkpoint> out = new TreeMap<>();
        for (var e : store.metadataWithPrefix(Checkpoint.PREFIX)) {
            try {
                Checkpoint c = Checkpoint.parse(e.getValue());
                out.put(c.seq(), c);
            } catch (RuntimeException bad) {
                out.put(-1L - out.size(), null); // unreadable: reported by the auditor as such
            }
        }
        return out;
    }

    /** The state on disk, key → value. */
    public TreeMap<String, String> state() {
        TreeMap<String, String> out = new TreeMap<>();
        try (RocksStore.SnapshotReader r = store.reader()) {
            r.forEachState(
                    (k, v) -> out.put(new String(k, StandardCharsets.UTF_8), new String(v, StandardCharsets.UTF_8)));
        }
        return out;
    }

    @Override
    public void close() {
        store.close();
    }
}
