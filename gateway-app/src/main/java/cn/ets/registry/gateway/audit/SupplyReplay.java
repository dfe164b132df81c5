package cn.ets.registry.gateway.audit;

import cn.ets.registry.chaincode.json.CanonicalJson;
import cn.ets.registry.domain.account.Holding;
import cn.ets.registry.domain.supply.SupplyCounters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Rebuilds the registry's books from nothing but the write sets of valid transactions, and checks
 * the invariants of domain-rules §8 as it goes: after every transaction, units appear only through
 * an issuance by MEE and leave only by surrender or cancellation (per product: the change of all
 * holdings equals issued − surrendered − cancelled), and after every block, per product, issued =
 * held + locked + surrendered + cancelled and the counters agree with the sum of every holding.
 * It reads the chaincode's keys ({@code hold~account~product}, {@code supply~product~shard}) as the
 * chaincode writes them; any other key is carried along for the state comparison only.
 */
public final class SupplyReplay {
    static final String HOLDING = "hold";
    static final String SUPPLY = "supply";
    private static final Set<String> ISSUING = Set.of("issuance:issue", "ccer:issue");

    private final Map<String, Holding> holdings = new HashMap<>();
    private final Map<String, SupplyCounters> shards = new HashMap<>();
    private final Map<String, long[]> holdingSums = new TreeMap<>(); // product → {quantity, locked}
    private final Map<String, SupplyCounters> counters = new TreeMap<>(); // product → counters over shards
    private final Map<String, Written> lastWriters = new HashMap<>();
    private final Set<String> touched = new TreeSet<>();
    private final List<Finding> findings;
    private final Map<String, TreeMap<Long, ProductSupply>> history;
    private final TreeMap<Long, String> times = new TreeMap<>();
    private long lastBlock = -1;

    public SupplyReplay(List<Finding> findings) {
        this(findings, false);
    }

    /** With {@code history}, the supply of every product is kept at each block where it changed. */
    public SupplyReplay(List<Finding> findings, boolean history) {
        this.findings = findings;
        this.history = history ? new TreeMap<>() : null;
    }

    /** Who last wrote a key: the block (or log sequence) and the transaction. */
    public record Written(long block, String txId) {}

    /** One key written by a valid transaction: its new value, or null for a delete. */
    public record Write(String key, String value) {}

    /**
     * Applies a valid transaction's writes. {@code issuerIsMee}: whether its creator is MEE (only
     * MEE's issuances may create units).
     */
    public void apply(long block, int tx, String txId, String function, boolean issuerIsMee, List<Write> writes) {
        Map<String, long[]> holdingDelta = new TreeMap<>();
        Map<String, SupplyCounters> counterDelta = new TreeMap<>();
        for (Write w : writes) {
            List<String> parts = CompositeKeys.split(w.key());
            if (parts.isEmpty()) {
                continue;
            }
            String type = parts.get(0);
            try {
                if (HOLDING.equals(type) && parts.size() == 3) {
                    String product = parts.get(2);
                    Holding before = holdings.getOrDefault(w.key(), Holding.EMPTY);
                    Holding after = w.value() == null ? Holding.EMPTY : CanonicalJson.read(w.value(), Holding.class);
                    put(holdings, w.key(), after, after.isEmpty());
                    long[] d = holdingDelta.computeIfAbsent(product, k -> new long[2]);
                    d[0] += after.quantity() - before.quantity();
                    d[1] += after.locked() - before.locked();
                    lastWriters.put(w.key(), new Written(block, txId));
                } else if (SUPPLY.equals(type) && parts.size() == 3) {
                    String product = parts.get(1);
                    SupplyCounters before = shards.getOrDefault(w.key(), SupplyCounters.ZERO);
                    SupplyCounters after = w.value() == null
                            ? SupplyCounters.ZERO
                            : CanonicalJson.read(w.value(), SupplyCounters.class);
                    put(shards, w.key(), after, w.value() == null);
                    counterDelta.merge(product, after.plus(negate(before)), SupplyCounters::plus);
                }
            } catch (RuntimeException e) {
                findings.add(new Finding(
                        block,
                        tx,
                        txId,
                        "state-value",
                        "unreadable value of " + readable(w.key()) + ": " + e.getMessage()));
            }
        }
        Set<String> products = new TreeSet<>(holdingDelta.keySet());
        products.addAll(counterDelta.keySet());
        for (String product : products) {
            long[] h = holdingDelta.getOrDefault(product, new long[2]);
            SupplyCounters c = counterDelta.getOrDefault(product, SupplyCounters.ZERO);
            holdingSums.merge(product, h, (a, b) -> new long[] {a[0] + b[0], a[1] + b[1]});
            counters.merge(product, c, SupplyCounters::plus);
            touched.add(product);
            if (c.issued() > 0 && !(ISSUING.contains(function) && issuerIsMee)) {
                findings.add(new Finding(
                        block,
                        tx,
                        txId,
                        "creation",
                        c.issued() + " t of " + product + " created by " + function
                                + (issuerIsMee ? "" : " not signed by MEE")
                                + ": only an issuance by MEE creates units"));
            }
            if (c.issued() < 0 || c.surrendered() < 0 || c.cancelled() < 0) {
                findings.add(new Finding(
                        block, tx, txId, "counters", "issued, surrendered or cancelled of " + product + " went down"));
            }
            if (c.surrendered() > 0 && !"surrender:surrender".equals(function)) {
                findings.add(new Finding(block, tx, txId, "destruction", product + " surrendered by " + function));
            }
            if (c.cancelled() > 0 && !"cancellation:cancel".equals(function)) {
                findings.add(new Finding(block, tx, txId, "destruction", product + " cancelled by " + function));
            }
            long expected = c.issued() - c.surrendered() - c.cancelled();
            if (h[0] != expected) {
                findings.add(new Finding(
                        block,
                        tx,
                        txId,
                        "conservation",
                        "holdings of " + product + " changed by " + h[0]
                                + " t while issued − surrendered − cancelled changed by " + expected + " t"));
            }
        }
    }

    /** Checks §8 for every product touched since the last call; call once per block. */
    public void endOfBlock(long block) {
        endOfBlock(block, null);
    }

    /** As {@link #endOfBlock(long)}, remembering the block's time with the supply history. */
    public void endOfBlock(long block, String time) {
        lastBlock = block;
        if (history != null && !touched.isEmpty() && time != null) {
            times.put(block, time);
        }
        for (String product : touched) {
            if (history != null) {
                SupplyCounters hc = counters.getOrDefault(product, SupplyCounters.ZERO);
                long[] hh = holdingSums.getOrDefault(product, new long[2]);
                history.computeIfAbsent(product, k -> new TreeMap<>())
                        .put(
                                block,
                                new ProductSupply(
                                        product,
                                        hc.issued(),
                                        hc.held(),
                                        hc.locked(),
                                        hc.surrendered(),
                                        hc.cancelled(),
                                        hh[0],
                                        hh[1]));
            }
            SupplyCounters c = counters.getOrDefault(product, SupplyCounters.ZERO);
            long[] h = holdingSums.getOrDefault(product, new long[2]);
            if (c.issued() != c.held() + c.locked() + c.surrendered() + c.cancelled()) {
                findings.add(new Finding(
                        block,
                        null,
                        null,
                        "supply-balance",
                        product + ": issued " + c.issued() + " ≠ held + locked + surrendered + cancelled "
                                + (c.held() + c.locked() + c.surrendered() + c.cancelled())));
            }
            if (c.held() + c.locked() != h[0] || c.locked() != h[1]) {
                findings.add(new Finding(
                        block,
                        null,
                        null,
                        "holdings",
                        product + ": counters say held+locked " + (c.held() + c.locked()) + ", locked " + c.locked()
                                + "; the holdings sum to " + h[0] + ", locked " + h[1]));
            }
            if (h[0] < 0 || h[1] < 0 || c.held() < 0 || c.locked() < 0) {
                findings.add(new Finding(block, null, null, "negative", product + " has a negative figure"));
            }
        }
        touched.clear();
    }

    /** Per product: the counters and the sum of every holding. */
    public Map<String, ProductSupply> supply() {
        Map<String, ProductSupply> out = new TreeMap<>();
        Set<String> products = new TreeSet<>(counters.keySet());
        products.addAll(holdingSums.keySet());
        for (String p : products) {
            SupplyCounters c = counters.getOrDefault(p, SupplyCounters.ZERO);
            long[] h = holdingSums.getOrDefault(p, new long[2]);
            out.put(
                    p,
                    new ProductSupply(p, c.issued(), c.held(), c.locked(), c.surrendered(), c.cancelled(), h[0], h[1]));
        }
        return out;
    }

    /** The last block (or log sequence) applied; -1 before any. */
    public long lastBlock() {
        return lastBlock;
    }

    /** When each block of the supply history was made (ISO-8601), where known. */
    public Map<Long, String> historyTimes() {
        return times;
    }

    /** Each product's supply at every block where it changed (empty unless kept). */
    public Map<String, TreeMap<Long, ProductSupply>> history() {
        return history == null ? Map.of() : history;
    }

    /** Every account with a holding, as rebuilt, in order. */
    public Set<String> accounts() {
        Set<String> out = new TreeSet<>();
        holdings.keySet().forEach(k -> out.add(CompositeKeys.split(k).get(1)));
        return out;
    }

    /** What an account holds, product → holding, as rebuilt. */
    public Map<String, Holding> holdingsOf(String account) {
        Map<String, Holding> out = new TreeMap<>();
        holdings.forEach((k, v) -> {
            List<String> parts = CompositeKeys.split(k);
            if (parts.get(1).equals(account)) {
                out.put(parts.get(2), v);
            }
        });
        return out;
    }

    /** Every holding and supply shard, key → its figures: the books, to compare with another copy key by key. */
    public Map<String, String> books() {
        Map<String, String> out = new TreeMap<>();
        holdings.forEach((k, v) -> out.put(readable(k), v.quantity() + "/" + v.locked()));
        shards.forEach((k, v) -> out.put(readable(k), v.toString()));
        return out;
    }

    public Written lastWriter(String account, String product) {
        return lastWriters.get(CompositeKeys.of(HOLDING, account, product));
    }

    public record ProductSupply(
            String product,
            long issued,
            long held,
            long locked,
            long surrendered,
            long cancelled,
            long holdingsQuantity,
            long holdingsLocked) {}

    private static SupplyCounters negate(SupplyCounters c) {
        return new SupplyCounters(-c.issued(), -c.held(), -c.locked(), -c.surrendered(), -c.cancelled());
    }

    private static <V> void put(Map<String, V> map, String key, V value, boolean remove) {
        if (remove) {
            map.remove(key);
        } else {
            map.put(key, value);
        }
    }

    static String readable(String key) {
        return String.join("~", CompositeKeys.split(key));
    }

    /** Helps callers report lists of products: a copy, so the replay's own maps never leak. */
    public List<String> products() {
        return new ArrayList<>(supply().keySet());
    }
}
