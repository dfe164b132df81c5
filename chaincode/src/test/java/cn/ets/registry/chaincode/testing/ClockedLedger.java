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
 * {@link InMemoryLedger} with a clock the test sets: the next transaction's timestamp is
 * {@link #setClock} + 1 s (each transaction one second later than the one before), so rules that
 * depend on the transaction's date (legacy CCER cut-off, deposit window, month-ended check) can be
 * put on either side of their boundary. Same peer semantics: reads see committed state only,
 * writes and the last event are committed only when the contract returns normally.
 */
public final class ClockedLedger {
    private static final Comparator<String> BYTE_ORDER =
            (a, b) -> Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    private static final Pattern CODED = Pattern.compile("\\[([A-Z_]+)] (.*)", Pattern.DOTALL);

    private final TreeMap<String, byte[]> state = new TreeMap<>(BYTE_ORDER);
    private final List<ChaincodeEvent> events = new ArrayList<>();
    private Instant clock;
    private long txCount;

    public ClockedLedger(Instant start) {
        this.clock = start;
    }

    /** The next transaction runs at {@code t} + 1 s. */
    public void setClock(Instant t) {
        clock = t;
    }

    public Instant now() {
        return clock;
    }

    public InMemoryLedger.Outcome submit(TestIdentity who, String function, Function<Context, String> call) {
        InMemoryStub stub = newStub(who, function);
        InMemoryLedger.Outcome o = run(stub, call);
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

    public InMemoryLedger.Outcome evaluate(TestIdentity who, String function, Function<Context, String> call) {
        return run(newStub(who, function), call);
    }

    private InMemoryStub newStub(TestIdentity who, String function) {
        txCount++;
        clock = clock.plus(Duration.ofSeconds(1));
        return new InMemoryStub(state, String.format("tx%06d", txCount), clock, who, List.of(function));
    }

    private static InMemoryLedger.Outcome run(InMemoryStub stub, Function<Context, String> call) {
        Context ctx = new Context(stub);
        try {
            return new InMemoryLedger.Outcome(call.apply(ctx), null, null);
        } catch (ChaincodeException e) {
            Matcher m = CODED.matcher(e.getMessage());
            return m.matches() ? new InMemoryLedger.Outcome(null, m.group(1), m.group(2))
                    : new InMemoryLedger.Outcome(null, "UNCODED", e.getMessage());
        }
    }

    public Map<String, String> snapshot() {
        Map<String, String> out = new LinkedHashMap<>();
        state.forEach((k, v) -> out.put(k, new String(v, StandardCharsets.UTF_8)));
        return out;
    }

    public List<ChaincodeEvent> events() {
        return List.copyOf(events);
    }
}
