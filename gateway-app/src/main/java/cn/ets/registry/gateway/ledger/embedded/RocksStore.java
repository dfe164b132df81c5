package cn.ets.registry.gateway.ledger.embedded;

import cn.ets.registry.chaincode.inprocess.StateReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.BiConsumer;
import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.ColumnFamilyOptions;
import org.rocksdb.DBOptions;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.Slice;
import org.rocksdb.Snapshot;
import org.rocksdb.WriteBatch;
import org.rocksdb.WriteOptions;

/**
 * World state and the transaction log in one RocksDB: each committed transaction is a single
 * atomic write batch (its writes, its log entry and the new log head), made durable through the
 * write-ahead log before the caller hears "committed". A killed process therefore loses no
 * committed transaction and never leaves half of one.
 */
final class RocksStore implements AutoCloseable {
    static {
        RocksDB.loadLibrary();
    }

    private static final byte[] HEAD = "head".getBytes(StandardCharsets.UTF_8);
    private final RocksDB db;
    private final DBOptions dbOptions;
    private final ColumnFamilyOptions cfOptions;
    private final ColumnFamilyHandle state;
    private final ColumnFamilyHandle log;
    private final ColumnFamilyHandle meta;
    private final WriteOptions writeOptions;
    // Readers (event history, verification, queries) run beside commits without the write lock;
    // closing waits for them, since RocksDB must not be closed under an open iterator or snapshot.
    private final ReentrantReadWriteLock open = new ReentrantReadWriteLock();
    private boolean closed;

    RocksStore(Path dir, boolean fsync) {
        this(dir, fsync, false);
    }

    /** Read-only opens do not take the database lock: an auditor reads while the gateway writes. */
    static RocksStore openReadOnly(Path dir) {
        return new RocksStore(dir, false, true);
    }

    private RocksStore(Path dir, boolean fsync, boolean readOnly) {
        try {
            if (!readOnly) {
                Files.createDirectories(dir);
            }
            cfOptions = new ColumnFamilyOptions();
            dbOptions = new DBOptions().setCreateIfMissing(!readOnly).setCreateMissingColumnFamilies(!readOnly);
            List<ColumnFamilyDescriptor> cfs = List.of(
                    new ColumnFamilyDescriptor(RocksDB.DEFAULT_COLUMN_FAMILY, cfOptions),
                    new ColumnFamilyDescriptor("txlog".getBytes(StandardCharsets.UTF_8), cfOptions),
                    new ColumnFamilyDescriptor("meta".getBytes(StandardCharsets.UTF_8), cfOptions));
            List<ColumnFamilyHandle> handles = new ArrayList<>();
            db = readOnly
                    ? RocksDB.openReadOnly(dbOptions, dir.toString(), cfs, handles)
                    : RocksDB.open(dbOptions, dir.toString(), cfs, handles);
            state = handles.get(0);
            log = handles.get(1);
            meta = handles.get(2);
            writeOptions = new WriteOptions().setSync(fsync);
        } catch (Exception e) {
            throw new IllegalStateException("cannot open the embedded ledger at " + dir + ": " + e.getMessage(), e);
        }
    }

    /** A consistent view of committed state for one transaction; close it when done. */
    SnapshotReader reader() {
        return new SnapshotReader();
    }

    final class SnapshotReader implements StateReader, AutoCloseable {
        private final Snapshot snapshot;
        private final ReadOptions options;

        SnapshotReader() {
            acquire();
            snapshot = db.getSnapshot();
            options = new ReadOptions().setSnapshot(snapshot);
        }

        @Override
        public byte[] get(String key) {
            try {
                return db.get(state, options, key.getBytes(StandardCharsets.UTF_8));
            } catch (RocksDBException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public List<Map.Entry<String, byte[]>> range(String startInclusive, String endExclusive) {
            List<Map.Entry<String, byte[]>> out = new ArrayList<>();
            try (ReadOptions ro = new ReadOptions().setSnapshot(snapshot);
                    Slice upper =
                            endExclusive.isEmpty() ? null : new Slice(endExclusive.getBytes(StandardCharsets.UTF_8))) {
                if (upper != null) {
                    ro.setIterateUpperBound(upper);
                }
                try (RocksIterator it = db.newIterator(state, ro)) {
                    for (it.seek(startInclusive.getBytes(StandardCharsets.UTF_8)); it.isValid(); it.next()) {
                        out.add(new AbstractMap.SimpleImmutableEntry<>(
                                new String(it.key(), StandardCharsets.UTF_8), it.value()));
                    }
                }
            }
            return out;
        }

        /** The log head as of this snapshot. */
        byte[] head() {
            try {
                return db.get(meta, options, HEAD);
            } catch (RocksDBException e) {
                throw new IllegalStateException(e);
            }
        }

        /** Log entries with sequence ≥ from, in order, as of this snapshot. */
        List<byte[]> logFrom(long from, int max) {
            return RocksStore.this.logFrom(options, from, max);
        }

        /** Every state entry in key order, as of this snapshot. */
        void forEachState(BiConsumer<byte[], byte[]> consumer) {
            try (RocksIterator it = db.newIterator(state, options)) {
                for (it.seekToFirst(); it.isValid(); it.next()) {
                    consumer.accept(it.key(), it.value());
                }
            }
        }

        @Override
        public void close() {
            options.close();
            db.releaseSnapshot(snapshot);
            open.readLock().unlock();
        }
    }

    private void acquire() {
        open.readLock().lock();
        if (closed) {
            open.readLock().unlock();
            throw new IllegalStateException("the embedded ledger is closed");
        }
    }

    /**
     * Applies a transaction's write set and appends its log entry, with any new metadata
     * (certificates, checkpoints), all or nothing.
     */
    void commit(Map<String, byte[]> writes, long seq, byte[] logEntry, byte[] head, Map<String, byte[]> metadata) {
        try (WriteBatch batch = new WriteBatch()) {
            for (Map.Entry<String, byte[]> m : metadata.entrySet()) {
                batch.put(meta, m.getKey().getBytes(StandardCharsets.UTF_8), m.getValue());
            }
            for (Map.Entry<String, byte[]> w : writes.entrySet()) {
                byte[] k = w.getKey().getBytes(StandardCharsets.UTF_8);
                if (w.getValue() == null) {
                    batch.delete(state, k);
                } else {
                    batch.put(state, k, w.getValue());
                }
            }
            batch.put(log, seqKey(seq), logEntry);
            batch.put(meta, HEAD, head);
            db.write(writeOptions, batch);
        } catch (RocksDBException e) {
            throw new IllegalStateException("commit failed: " + e.getMessage(), e);
        }
    }

    /** Writes metadata alone (a checkpoint between transactions). */
    void putMetadata(String key, byte[] value) {
        try {
            db.put(meta, writeOptions, key.getBytes(StandardCharsets.UTF_8), value);
        } catch (RocksDBException e) {
            throw new IllegalStateException("cannot write " + key + ": " + e.getMessage(), e);
        }
    }

    /** Removes a log entry (only the auditor's tamper tests do). */
    void deleteLogEntry(long seq) {
        try {
            db.delete(log, writeOptions, seqKey(seq));
        } catch (RocksDBException e) {
            throw new IllegalStateException(e);
        }
    }

    void deleteMetadata(String key) {
        try {
            db.delete(meta, writeOptions, key.getBytes(StandardCharsets.UTF_8));
        } catch (RocksDBException e) {
            throw new IllegalStateException(e);
        }
    }

    byte[] metadata(String key) {
        try {
            return db.get(meta, key.getBytes(StandardCharsets.UTF_8));
        } catch (RocksDBException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Metadata entries whose key starts with {@code prefix}, in key order. */
    List<Map.Entry<String, byte[]>> metadataWithPrefix(String prefix) {
        List<Map.Entry<String, byte[]>> out = new ArrayList<>();
        byte[] p = prefix.getBytes(StandardCharsets.UTF_8);
        try (RocksIterator it = db.newIterator(meta)) {
            for (it.seek(p); it.isValid(); it.next()) {
                String k = new String(it.key(), StandardCharsets.UTF_8);
                if (!k.startsWith(prefix)) {
                    break;
                }
                out.add(new AbstractMap.SimpleImmutableEntry<>(k, it.value()));
            }
        }
        return out;
    }

    byte[] head() {
        try {
            return db.get(meta, HEAD);
        } catch (RocksDBException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Log entries with sequence ≥ from, in order (entries up to the head never change). */
    List<byte[]> logFrom(long from, int max) {
        acquire();
        try (ReadOptions latest = new ReadOptions()) {
            return logFrom(latest, from, max);
        } finally {
            open.readLock().unlock();
        }
    }

    private List<byte[]> logFrom(ReadOptions options, long from, int max) {
        List<byte[]> out = new ArrayList<>();
        try (RocksIterator it = db.newIterator(log, options)) {
            for (it.seek(seqKey(from)); it.isValid() && out.size() < max; it.next()) {
                out.add(it.value());
            }
        }
        return out;
    }

    /** Log entries stored under sequence ≥ from, with the sequence each is stored under, in order. */
    List<Map.Entry<Long, byte[]>> logWithPositions(long from, int max) {
        acquire();
        List<Map.Entry<Long, byte[]>> out = new ArrayList<>();
        try (RocksIterator it = db.newIterator(log)) {
            for (it.seek(seqKey(from)); it.isValid() && out.size() < max; it.next()) {
                long at = Long.parseLong(new String(it.key(), StandardCharsets.UTF_8));
                out.add(new AbstractMap.SimpleImmutableEntry<>(at, it.value()));
            }
        } finally {
            open.readLock().unlock();
        }
        return out;
    }

    private static byte[] seqKey(long seq) {
        return String.format("%020d", seq).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        open.writeLock().lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
        } finally {
            open.writeLock().unlock();
        }
        state.close();
        log.close();
        meta.close();
        db.close();
        dbOptions.close();
        cfOptions.close();
        writeOptions.close();
    }
}
