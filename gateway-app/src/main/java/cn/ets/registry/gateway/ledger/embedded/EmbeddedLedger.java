package cn.ets.registry.gateway.ledger.embedded;

import cn.ets.registry.chaincode.ShimLogging;
import cn.ets.registry.chaincode.inprocess.InProcessStub;
import cn.ets.registry.chaincode.json.CanonicalJson;
import cn.ets.registry.gateway.ledger.EventSubscription;
import cn.ets.registry.gateway.ledger.Ledger;
import cn.ets.registry.gateway.ledger.LedgerEvent;
import cn.ets.registry.gateway.ledger.LedgerException;
import cn.ets.registry.gateway.ledger.LedgerIdentity;
import cn.ets.registry.gateway.ledger.LedgerVerification;
import cn.ets.registry.gateway.ledger.Signatures;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import org.hyperledger.fabric.contract.ContractRouter;
import org.hyperledger.fabric.protos.peer.ChaincodeEvent;
import org.hyperledger.fabric.shim.Chaincode;

/**
 * The chaincode's own contracts run in-process through the shim's {@link ContractRouter}, on the
 * chaincode's {@link InProcessStub} (Fabric's semantics) reading a RocksDB snapshot, with state
 * and an append-only, hash-chained transaction log in RocksDB. Transactions are applied one at a
 * time (there is one "peer"), so there are no MVCC conflicts here; queries, event history and the
 * log's verification read snapshots concurrently, never holding the write lock. A transaction that
 * changed nothing (a replay, a batch whose every trade was refused) leaves no log entry.
 */
public final class EmbeddedLedger implements Ledger {
    /** A checkpoint at least every this many entries, or when this long has passed since the last. */
    static final int CHECKPOINT_EVERY = 256;

    static final long CHECKPOINT_AFTER_NANOS = 250_000_000L;
    private final RocksStore store;
    private final ContractRouter router;
    private final LedgerIdentity endorser;
    private final Object writeLock = new Object();
    private final SecureRandom random = new SecureRandom();
    private final List<EventSubscription> listeners = new CopyOnWriteArrayList<>();
    private final Set<String> knownCertificates = new HashSet<>();
    // written under the write lock, read without it (health, event subscriptions)
    private volatile long seq;
    private String headHash;
    private long checkpointed;
    private long lastCheckpointNanos = System.nanoTime();
    private boolean open = true;
    private final ScheduledExecutorService checkpoints = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "ledger-checkpoints");
        t.setDaemon(true);
        return t;
    });

    /**
     * @param endorser the ledger's own identity (the Registry's), which signs checkpoints of the
     *     log as the ordering service signs Fabric's blocks
     */
    public EmbeddedLedger(Path dir, boolean fsync, LedgerIdentity endorser) {
        this.store = new RocksStore(Objects.requireNonNull(dir, "dir"), fsync);
        this.endorser = Objects.requireNonNull(endorser, "endorser");
        this.router = newRouter();
        byte[] head = store.head();
        if (head == null) {
            seq = 0;
            headHash = LogEntry.GENESIS;
        } else {
            Head h = CanonicalJson.read(new String(head, StandardCharsets.UTF_8), Head.class);
            seq = h.seq();
            headHash = h.hash();
        }
        checkpointed = store.metadataWithPrefix(Checkpoint.PREFIX).stream()
                .mapToLong(e -> Checkpoint.parse(e.getValue()).seq())
                .max()
                .orElse(0);
        // Entries a crash left without a checkpoint are endorsed now; later ones within 250 ms.
        checkpointTail();
        checkpoints.scheduleWithFixedDelay(this::checkpointTail, 250, 250, TimeUnit.MILLISECONDS);
    }

    /** Signs the head if entries are not under a checkpoint yet. */
    private void checkpointTail() {
        synchronized (writeLock) {
            if (open && seq > checkpointed) {
                checkpoint(seq, headHash).forEach(store::putMetadata);
                checkpointed = seq;
                lastCheckpointNanos = System.nanoTime();
            }
        }
    }

    private record Head(long seq, String hash) {}

    private static ContractRouter newRouter() {
        try {
            ContractRouter r = new ContractRouter(new String[] {"--id", "registry:embedded"});
            Method find = ContractRouter.class.getDeclaredMethod("findAllContracts");
            find.setAccessible(true);
            find.invoke(r);
            // The router logs every invocation and refusal; the gateway logs each request once itself.
            ShimLogging.quiet(false);
            return r;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot load the chaincode contracts", e);
        }
    }

    @Override
    public String kind() {
        return "embedded";
    }

    @Override
    public String submit(LedgerIdentity who, String function, String... args) {
        synchronized (writeLock) {
            String txId = newTxId();
            Instant now = Instant.now();
            InProcessStub stub;
            Chaincode.Response response;
            try (RocksStore.SnapshotReader reader = store.reader()) {
                stub = new InProcessStub(reader, txId, now, who.mspId(), who.certificatePem(), argList(function, args));
                response = router.invoke(stub);
            }
            String payload = payloadOf(response);
            if (response.getStatus() != Chaincode.Response.Status.SUCCESS) {
                throw LedgerException.fromChaincode(response.getMessage());
            }
            ChaincodeEvent event = stub.lastEvent();
            if (stub.writeSet().isEmpty() && event == null) {
                return payload; // nothing changed: nothing to log
            }
            List<LogEntry.Write> writes = new ArrayList<>();
            new TreeMap<>(stub.writeSet())
                    .forEach((k, v) -> writes.add(
                            new LogEntry.Write(k, v == null ? null : new String(v, StandardCharsets.UTF_8))));
            long next = seq + 1;
            String certHash = LogEntry.sha256(who.certificatePem());
            LogEntry.SignedCommand command = new LogEntry.SignedCommand(
                    LogEntry.sha256(CanonicalJson.write(Arrays.asList(args))),
                    function,
                    who.mspId(),
                    now.toString(),
                    txId);
            String signature = Base64.getEncoder().encodeToString(Signatures.sign(who.privateKey(), command.bytes()));
            LogEntry entry = new LogEntry(
                            next,
                            txId,
                            now.toString(),
                            who.mspId(),
                            who.name(),
                            certHash,
                            function,
                            command.args(),
                            signature,
                            writes,
                            event == null ? null : event.getEventName(),
                            event == null ? null : event.getPayload().toStringUtf8(),
                            headHash,
                            null)
                    .sealed();
            String head = CanonicalJson.write(new Head(next, entry.hash()));
            Map<String, byte[]> metadata = new TreeMap<>();
            if (!knownCertificate(certHash)) {
                metadata.put(
                        Checkpoint.CERT_PREFIX + certHash, who.certificatePem().getBytes(StandardCharsets.UTF_8));
            }
            boolean checkpoint =
                    next % CHECKPOINT_EVERY == 0 || System.nanoTime() - lastCheckpointNanos > CHECKPOINT_AFTER_NANOS;
            if (checkpoint) {
                metadata.putAll(checkpoint(next, entry.hash()));
            }
            store.commit(stub.writeSet(), next, entry.bytes(), head.getBytes(StandardCharsets.UTF_8), metadata);
            knownCertificates.add(certHash);
            seq = next;
            headHash = entry.hash();
            if (checkpoint) {
                checkpointed = next;
                lastCheckpointNanos = System.nanoTime();
            }
            if (event != null) {
                LedgerEvent e = new LedgerEvent(
                        next, txId, event.getEventName(), event.getPayload().toStringUtf8());
                listeners.forEach(l -> l.offer(e)); // never waits: a slow subscriber is cut off, not waited for
            }
            return payload;
        }
    }

    @Override
    public String evaluate(LedgerIdentity who, String function, String... args) {
        try (RocksStore.SnapshotReader reader = store.reader()) {
            InProcessStub stub = new InProcessStub(
                    reader, newTxId(), Instant.now(), who.mspId(), who.certificatePem(), argList(function, args));
            Chaincode.Response response = router.invoke(stub);
            String payload = payloadOf(response);
            if (response.getStatus() != Chaincode.Response.Status.SUCCESS) {
                throw LedgerException.fromChaincode(response.getMessage());
            }
            return payload;
        }
    }

    /**
     * The history is read from the log on the subscription's own thread, without the write lock;
     * once it has caught up with the head, the subscription joins the live listeners under the lock
     * (a moment), so no event is missed or doubled.
     */
    @Override
    public AutoCloseable events(long fromBlock, Consumer<LedgerEvent> sink, LongConsumer cutOff) {
        EventSubscription subscription = new EventSubscription(fromBlock, EventSubscription.CAPACITY, sink, cutOff);
        subscription.onClose(() -> listeners.remove(subscription));
        return subscription.start("events", s -> {
            long next = Math.max(1, fromBlock);
            while (s.isOpen()) {
                List<byte[]> page = store.logFrom(next, 1000);
                for (byte[] b : page) {
                    LogEntry e = LogEntry.parse(b);
                    if (e.eventName() != null) {
                        s.deliver(new LedgerEvent(e.seq(), e.txId(), e.eventName(), e.eventPayload()));
                    }
                    next = e.seq() + 1;
                }
                synchronized (writeLock) {
                    if (seq < next) {
                        listeners.add(s);
                        return;
                    }
                }
            }
        });
    }

    /**
     * Walks the whole log as of one snapshot, without the write lock (commits go on meanwhile):
     * every seal intact, every link to the previous hash, sequence without gaps, and the state
     * rebuilt from the log's writes equal to the snapshot's state.
     */
    @Override
    public Optional<LedgerVerification> verify() {
        try (RocksStore.SnapshotReader snapshot = store.reader()) {
            byte[] headBytes = snapshot.head();
            long head = headBytes == null
                    ? 0
                    : CanonicalJson.read(new String(headBytes, StandardCharsets.UTF_8), Head.class)
                            .seq();
            String prev = LogEntry.GENESIS;
            long expected = 1;
            String problem = null;
            TreeMap<String, String> rebuilt = new TreeMap<>();
            outer:
            while (expected <= head) {
                List<byte[]> page = snapshot.logFrom(expected, 1000);
                if (page.isEmpty()) {
                    problem = "gap in the log at " + expected;
                    break;
                }
                for (byte[] b : page) {
                    LogEntry e = LogEntry.parse(b);
                    if (e.seq() != expected) {
                        problem = "gap in the log at " + expected;
                        break outer;
                    }
                    if (!e.prevHash().equals(prev)) {
                        problem = "entry " + e.seq() + " does not link to the hash of entry " + (e.seq() - 1);
                        break outer;
                    }
                    if (!e.sealIntact()) {
                        problem = "entry " + e.seq() + " was altered after it was sealed";
                        break outer;
                    }
                    for (LogEntry.Write w : e.writes()) {
                        if (w.value() == null) {
                            rebuilt.remove(w.key());
                        } else {
                            rebuilt.put(w.key(), w.value());
                        }
                    }
                    prev = e.hash();
                    expected++;
                }
            }
            // state as of the same snapshot, compared in key order as it is read
            var expectedState = rebuilt.entrySet().iterator();
            long[] keys = {0};
            boolean[] equal = {true};
            snapshot.forEachState((k, v) -> {
                keys[0]++;
                if (!equal[0]) {
                    return;
                }
                if (!expectedState.hasNext()) {
                    equal[0] = false;
                    return;
                }
                var next = expectedState.next();
                equal[0] = next.getKey().equals(new String(k, StandardCharsets.UTF_8))
                        && next.getValue().equals(new String(v, StandardCharsets.UTF_8));
            });
            equal[0] &= !expectedState.hasNext();
            return Optional.of(new LedgerVerification(
                    expected - 1, prev, problem == null, problem == null && equal[0], keys[0], problem));
        }
    }

    /** The endorser's signature over the chain's head at {@code seq}, and its certificate if not kept yet. */
    private Map<String, byte[]> checkpoint(long at, String hash) {
        String signerHash = LogEntry.sha256(endorser.certificatePem());
        Checkpoint c = Checkpoint.sign(at, hash, signerHash, endorser.privateKey());
        Map<String, byte[]> out = new TreeMap<>();
        out.put(Checkpoint.key(at), c.bytes());
        if (!knownCertificate(signerHash)) {
            out.put(
                    Checkpoint.CERT_PREFIX + signerHash,
                    endorser.certificatePem().getBytes(StandardCharsets.UTF_8));
            knownCertificates.add(signerHash);
        }
        return out;
    }

    private boolean knownCertificate(String hash) {
        if (knownCertificates.contains(hash)) {
            return true;
        }
        if (store.metadata(Checkpoint.CERT_PREFIX + hash) != null) {
            knownCertificates.add(hash);
            return true;
        }
        return false;
    }

    public long height() {
        return seq;
    }

    @Override
    public Map<String, Object> health() {
        return Map.of("height", height());
    }

    private String newTxId() {
        byte[] b = new byte[32];
        random.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    private static List<String> argList(String function, String... args) {
        List<String> a = new ArrayList<>(args.length + 1);
        a.add(function);
        a.addAll(Arrays.asList(args));
        return a;
    }

    private static String payloadOf(Chaincode.Response r) {
        byte[] p = r.getPayload();
        return p == null ? "" : new String(p, StandardCharsets.UTF_8);
    }

    /** A clean stop leaves every entry under a checkpoint. */
    @Override
    public void close() {
        listeners.forEach(EventSubscription::close);
        checkpoints.shutdownNow();
        checkpointTail();
        synchronized (writeLock) {
            open = false;
            store.close();
        }
    }
}
