package cn.ets.registry.chaincode.testing;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hyperledger.fabric.contract.Context;
import org.hyperledger.fabric.protos.peer.ChaincodeEvent;
import org.hyperledger.fabric.shim.ChaincodeException;

/**
 * World state of one "peer" as a sorted map (UTF-8 byte order, as LevelDB/CouchDB keys). Each
 * transaction runs on a fresh {@link InMemoryStub} through {@code new Context(stub)}; its write set
 * and its (last) event are committed only if the contract returned normally.
 */
public final class InMemoryLedger {
    private static final Comparator<String> BYTE_ORDER =
            (a, b) -> Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    private static final Pattern CODED = Pattern.compile("\\[([A-Z_]+)] (.*)", Pattern.DOTALL);

    private final TreeMap<String, byte[]> state = new TreeMap<>(BYTE_ORDER);
    private final List<ChaincodeEvent> events = new ArrayList<>();
    private Instant clock = Instant.parse("2025-06-01T02:00:00Z");
    private long txCount;

    /** What a transaction answered: a payload, or the chaincode error's code and message. */
    public record Outcome(String payload, String code, String message) {
        public boolean ok() {
            return code == null;
        }

        @Override
        public String toString() {
            return ok() ? "OK " + payload : "[" + code + "] " + message;
        }
    }

    /** Endorses and, on success, commits. A ChaincodeException is a rejected transaction: nothing is written. */
    public Outcome submit(TestIdentity who, String function, Function<Context, String> call) {
        InMemoryStub stub = newStub(who, function);
        Outcome o = run(stub, call);
        if (o.ok()) {
            stub.writes.forEach((k, v) -> {
                if (v == null) {
                    state.remove(k);
                } else {
                    state.put(k, v);
                }
            });
            if (stub.event != null) {
                events.add(stub.event);
            }
        }
        return o;
    }

    /** Runs a query: whatever it wrote is thrown away, as for an evaluated transaction. */
    public Outcome evaluate(TestIdentity who, String function, Function<Context, String> call) {
        return run(newStub(who, function), call);
    }

    private InMemoryStub newStub(TestIdentity who, String function) {
        txCount++;
        clock = clock.plus(Duration.ofSeconds(1));
        return new InMemoryStub(state, String.format("tx%06d", txCount), clock, who, List.of(function));
    }

    private static Outcome run(InMemoryStub stub, Function<Context, String> call) {
        Context ctx = new Context(stub);
        try {
            return new Outcome(call.apply(ctx), null, null);
        } catch (ChaincodeException e) {
            Matcher m = CODED.matcher(e.getMessage());
            return m.matches() ? new Outcome(null, m.group(1), m.group(2)) : new Outcome(null, "UNCODED", e.getMessage());
        }
    }

    /** A copy of world state as text, key order preserved, for before/after comparisons. */
    public Map<String, String> snapshot() {
        Map<String, String> out = new LinkedHashMap<>();
        state.forEach((k, v) -> out.put(k, new String(v, StandardCharsets.UTF_8)));
        return out;
    }

    public List<ChaincodeEvent> events() {
        return List.copyOf(events);
    }

    public Instant now() {
        return clock;
    }
}
