package cn.ets.registry.chaincode.inprocess;

import java.nio.charset.StandardCharsets;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * World state of one in-memory "peer": a sorted map in UTF-8 byte order (a plain String sort would
 * put U+FFFD after U+1F600, a peer does not). Transactions read it through an {@link InProcessStub};
 * their write sets are applied with {@link #apply} once they succeed. Not thread-safe: for tests
 * and single-threaded runs.
 */
public final class InMemoryState implements StateReader {
    private static final Comparator<String> BYTE_ORDER =
            (a, b) -> Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));

    private final TreeMap<String, byte[]> entries = new TreeMap<>(BYTE_ORDER);

    @Override
    public byte[] get(String key) {
        byte[] v = entries.get(key);
        return v == null ? null : v.clone();
    }

    @Override
    public List<Map.Entry<String, byte[]>> range(String startInclusive, String endExclusive) {
        List<Map.Entry<String, byte[]>> out = new ArrayList<>();
        boolean bounded = !endExclusive.isEmpty();
        if (bounded && BYTE_ORDER.compare(startInclusive, endExclusive) >= 0) {
            return out; // an empty range, as a peer answers it (a TreeMap would throw)
        }
        var view = bounded ? entries.subMap(startInclusive, endExclusive) : entries.tailMap(startInclusive);
        view.forEach((k, v) -> out.add(new AbstractMap.SimpleImmutableEntry<>(k, v.clone())));
        return out;
    }

    /** Commits a transaction's write set: key → value, or null for a delete. */
    public void apply(Map<String, byte[]> writeSet) {
        writeSet.forEach((k, v) -> {
            if (v == null) {
                entries.remove(k);
            } else {
                entries.put(k, v.clone());
            }
        });
    }

    /** A copy of the state as UTF-8 text, in key order, for before/after comparisons. */
    public Map<String, String> asText() {
        Map<String, String> out = new LinkedHashMap<>();
        entries.forEach((k, v) -> out.put(k, new String(v, StandardCharsets.UTF_8)));
        return out;
    }
}
