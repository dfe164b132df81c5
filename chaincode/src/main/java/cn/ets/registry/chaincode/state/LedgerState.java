package cn.ets.registry.chaincode.state;

import cn.ets.registry.chaincode.json.CanonicalJson;
import cn.ets.registry.domain.DomainException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.hyperledger.fabric.shim.ChaincodeStub;
import org.hyperledger.fabric.shim.ledger.KeyValue;
import org.hyperledger.fabric.shim.ledger.QueryResultsIterator;

/**
 * Typed access to world state within one transaction. Fabric does not let a transaction read its
 * own writes, so writes are staged here (later reads and scans see them) and handed to the stub
 * once, at the end, only if the transaction succeeds. Keys are always built with the shim's
 * composite keys.
 */
public final class LedgerState {
    private final ChaincodeStub stub;
    private final Map<String, String> readCache = new HashMap<>();
    private final TreeMap<String, String> staged = new TreeMap<>(); // value null = delete
    /** Every change of {@link #staged}, with what it replaced, so a savepoint is a position in it. */
    private final List<Undo> undo = new ArrayList<>();

    private record Undo(String key, boolean had, String before) {}

    public LedgerState(ChaincodeStub stub) {
        this.stub = Objects.requireNonNull(stub, "stub");
    }

    public String key(String type, String... attributes) {
        for (String a : attributes) {
            if (a == null || a.indexOf('\u0000') >= 0 || a.codePoints().anyMatch(c -> c == Character.MAX_CODE_POINT)) {
                throw DomainException.badRequest("an id contains characters a ledger key cannot hold");
            }
        }
        return stub.createCompositeKey(type, attributes).toString();
    }

    public <T> Optional<T> get(String key, Class<T> type) {
        return raw(key).map(json -> CanonicalJson.read(json, type));
    }

    public Optional<String> raw(String key) {
        if (staged.containsKey(key)) {
            return Optional.ofNullable(staged.get(key));
        }
        String v = readCache.computeIfAbsent(key, k -> {
            byte[] b = stub.getState(k);
            return b == null || b.length == 0 ? "" : new String(b, StandardCharsets.UTF_8);
        });
        return v.isEmpty() ? Optional.empty() : Optional.of(v);
    }

    public void put(String key, Object value) {
        stage(key, CanonicalJson.write(value));
    }

    public void delete(String key) {
        stage(key, null);
    }

    private void stage(String key, String value) {
        undo.add(new Undo(key, staged.containsKey(key), staged.get(key)));
        staged.put(key, value);
    }

    /** Every entry under a partial composite key, in lexical key order, including staged writes. */
    public <T> List<Entry<T>> scan(Class<T> type, String objectType, String... attributes) {
        String prefix = key(objectType, attributes);
        TreeMap<String, String> merged = new TreeMap<>();
        try (QueryResultsIterator<KeyValue> it =
                stub.getStateByPartialCompositeKey(stub.createCompositeKey(objectType, attributes))) {
            for (KeyValue kv : it) {
                merged.put(kv.getKey(), kv.getStringValue());
            }
        } catch (Exception e) {
            throw new IllegalStateException("range query failed for " + objectType, e);
        }
        for (Map.Entry<String, String> w :
                staged.subMap(prefix, true, prefix + Character.MAX_VALUE, false).entrySet()) {
            if (w.getValue() == null) {
                merged.remove(w.getKey());
            } else {
                merged.put(w.getKey(), w.getValue());
            }
        }
        List<Entry<T>> out = new ArrayList<>(merged.size());
        for (Map.Entry<String, String> e : merged.entrySet()) {
            List<String> attrs = stub.splitCompositeKey(e.getKey()).getAttributes();
            out.add(new Entry<>(attrs, CanonicalJson.read(e.getValue(), type)));
        }
        return out;
    }

    /**
     * A point to return to if a part of the transaction is refused (batch settlement): a position
     * in the undo log, so taking one costs nothing however much is staged (a copy of the staged
     * writes made a batch of n trades cost n² copies).
     */
    public Object savepoint() {
        return undo.size();
    }

    public void rollback(Object savepoint) {
        int mark = (Integer) savepoint;
        for (int i = undo.size() - 1; i >= mark; i--) {
            Undo u = undo.remove(i);
            if (u.had()) {
                staged.put(u.key(), u.before());
            } else {
                staged.remove(u.key());
            }
        }
    }

    /** Hands staged writes to the stub. Called once, after the transaction succeeded. */
    public void flush() {
        for (Map.Entry<String, String> w : staged.entrySet()) {
            if (w.getValue() == null) {
                stub.delState(w.getKey());
            } else {
                stub.putState(w.getKey(), w.getValue().getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    public ChaincodeStub stub() {
        return stub;
    }

    public record Entry<T>(List<String> attributes, T value) {}
}
