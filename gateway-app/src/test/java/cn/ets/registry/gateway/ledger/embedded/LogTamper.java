package cn.ets.registry.gateway.ledger.embedded;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Tampers with a copy of an embedded ledger the way an operator with write access to its files
 * could: rewrite, drop or reorder log entries (optionally re-sealing and re-chaining everything
 * after, as a careful forger would), and forge or remove the endorser's checkpoints. For the
 * auditor's tamper tests only; never open a live ledger with it.
 */
public final class LogTamper implements AutoCloseable {
    private final RocksStore store;

    public LogTamper(Path ledgerDir) {
        this.store = new RocksStore(ledgerDir, false);
    }

    public byte[] raw(long seq) {
        List<byte[]> one = store.logFrom(seq, 1);
        return one.isEmpty() ? null : one.get(0);
    }

    public LogEntry entry(long seq) {
        return LogEntry.parse(raw(seq));
    }

    public long length() {
        long n = 0;
        while (raw(n + 1) != null) {
            n++;
        }
        return n;
    }

    /** Stores {@code bytes} as entry {@code seq}, nothing else touched. */
    public void putRaw(long seq, byte[] bytes) {
        store.commit(Map.of(), seq, bytes, store.head(), Map.of());
    }

    /** Removes entry {@code seq} from the log. */
    public void drop(long seq) {
        store.deleteLogEntry(seq);
    }

    /**
     * Rewrites entry {@code seq} with {@code change}, then re-seals it and re-chains every entry
     * after it, so seals and links are all intact again.
     */
    public void rewriteAndRechain(long seq, UnaryOperator<LogEntry> change) {
        long n = length();
        LogEntry changed = change.apply(entry(seq));
        LogEntry sealed = reseal(changed, entry(seq).prevHash());
        putRaw(seq, sealed.bytes());
        String prev = sealed.hash();
        for (long s = seq + 1; s <= n; s++) {
            LogEntry next = reseal(entry(s), prev);
            putRaw(s, next.bytes());
            prev = next.hash();
        }
    }

    private static LogEntry reseal(LogEntry e, String prevHash) {
        return new LogEntry(
                        e.seq(),
                        e.txId(),
                        e.time(),
                        e.msp(),
                        e.creator(),
                        e.creatorCertSha256(),
                        e.function(),
                        e.argsSha256(),
                        e.creatorSignature(),
                        e.writes(),
                        e.eventName(),
                        e.eventPayload(),
                        prevHash,
                        null)
                .sealed();
    }

    /** The entry with one more write. */
    public static LogEntry withWrite(LogEntry e, String key, String value) {
        List<LogEntry.Write> writes = new ArrayList<>(e.writes());
        writes.add(new LogEntry.Write(key, value));
        return new LogEntry(
                e.seq(),
                e.txId(),
                e.time(),
                e.msp(),
                e.creator(),
                e.creatorCertSha256(),
                e.function(),
                e.argsSha256(),
                e.creatorSignature(),
                writes,
                e.eventName(),
                e.eventPayload(),
                e.prevHash(),
                e.hash());
    }

    /** seq of every checkpoint kept. */
    public List<Long> checkpoints() {
        List<Long> out = new ArrayList<>();
        for (var e : store.metadataWithPrefix(Checkpoint.PREFIX)) {
            out.add(Checkpoint.parse(e.getValue()).seq());
        }
        return out;
    }

    /** Replaces the checkpoint at {@code seq} with one signed by {@code forger}'s key. */
    public void forgeCheckpoint(long seq, PrivateKey forger) {
        Checkpoint real = Checkpoint.parse(store.metadata(Checkpoint.key(seq)));
        Checkpoint forged = Checkpoint.sign(real.seq(), real.hash(), real.signerCertSha256(), forger);
        store.putMetadata(Checkpoint.key(seq), forged.bytes());
    }

    public void dropCheckpoints() {
        for (var e : store.metadataWithPrefix(Checkpoint.PREFIX)) {
            store.deleteMetadata(e.getKey());
        }
    }

    public static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        store.close();
    }
}
