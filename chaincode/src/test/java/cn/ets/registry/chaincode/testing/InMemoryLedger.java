package cn.ets.registry.chaincode.testing;

import cn.ets.registry.chaincode.inprocess.InMemoryState;
import cn.ets.registry.chaincode.inprocess.InProcessStub;
import cn.ets.registry.chaincode.tx.ChaincodeError;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.hyperledger.fabric.contract.Context;
import org.hyperledger.fabric.protos.peer.ChaincodeEvent;
import org.hyperledger.fabric.shim.ChaincodeException;

/**
 * One "peer" in memory: world state in UTF-8 byte order, each transaction on a fresh
 * {@link InProcessStub} (the embedded ledger's stub) through {@code new Context(stub)}; its write set
 * and its (last) event are committed only if the contract returned normally. The clock is the
 * test's: each transaction runs one second after the one before, from {@link #DEFAULT_START} or
 * from {@link #setClock}, so rules that depend on the transaction's date (legacy CCER cut-off,
 * deposit window, month-ended check) can be put on either side of their boundary.
 */
public final class InMemoryLedger {
    public static final Instant DEFAULT_START = Instant.parse("2025-06-01T02:00:00Z");

    private final InMemoryState state = new InMemoryState();
    private final List<ChaincodeEvent> events = new ArrayList<>();
    private Instant clock = DEFAULT_START;
    private long txCount;
    private InProcessStub lastSubmitted;

    /**
     * What a transaction answered: a payload, or the refusal as the chaincode encodes it (read with
     * the project's one parser, {@link ChaincodeError#parse}): code, message and details (JSON).
     */
    public record Outcome(String payload, String code, String message, String details) {
        static Outcome of(ChaincodeException e) {
            return ChaincodeError.parse(e.getMessage())
                    .map(err -> new Outcome(null, err.code(), err.message(), err.detailsJson()))
                    .orElseGet(() -> new Outcome(null, "UNCODED", e.getMessage(), "{}"));
        }

        public boolean ok() {
            return code == null;
        }

        @Override
        public String toString() {
            return ok() ? "OK " + payload : "[" + code + "] " + message + " details=" + details;
        }
    }

    /** Endorses and, on success, commits. A ChaincodeException is a rejected transaction: nothing is written. */
    public Outcome submit(TestIdentity who, String function, Function<Context, String> call) {
        InProcessStub stub = newStub(who, function);
        lastSubmitted = stub;
        Outcome o = run(stub, call);
        if (o.ok()) {
            state.apply(stub.writeSet());
            if (stub.lastEvent() != null) {
                events.add(stub.lastEvent());
            }
        }
        return o;
    }

    /** Keys the last submitted transaction read one by one, and the keys it wrote: what it may conflict on. */
    public Set<String> lastReads() {
        return lastSubmitted.readKeys();
    }

    public Set<String> lastWrites() {
        return lastSubmitted.writeSet().keySet();
    }

    /** Runs a query: whatever it wrote is thrown away, as for an evaluated transaction. */
    public Outcome evaluate(TestIdentity who, String function, Function<Context, String> call) {
        return run(newStub(who, function), call);
    }

    private InProcessStub newStub(TestIdentity who, String function) {
        txCount++;
        clock = clock.plus(Duration.ofSeconds(1));
        return new InProcessStub(
                state, String.format("tx%06d", txCount), clock, who.mspId(), who.certificatePem(), List.of(function));
    }

    private static Outcome run(InProcessStub stub, Function<Context, String> call) {
        try {
            return new Outcome(call.apply(new Context(stub)), null, null, null);
        } catch (ChaincodeException e) {
            return Outcome.of(e);
        }
    }

    /** The next transaction runs at {@code t} + 1 s. */
    public void setClock(Instant t) {
        clock = t;
    }

    /** The timestamp of the last transaction (or the start). */
    public Instant now() {
        return clock;
    }

    /** A copy of world state as text, key order preserved, for before/after comparisons. */
    public Map<String, String> snapshot() {
        return state.asText();
    }

    /** Writes (null: deletes) a key as an earlier version of the chaincode left it (state from before a change of layout). */
    public void seed(String key, String value) {
        Map<String, byte[]> write = new HashMap<>();
        write.put(key, value == null ? null : value.getBytes(StandardCharsets.UTF_8));
        state.apply(write);
    }

    public List<ChaincodeEvent> events() {
        return List.copyOf(events);
    }
}
