package cn.ets.registry.gateway.settlement;

import cn.ets.registry.api.Catalogue;
import cn.ets.registry.gateway.http.ApiError;
import cn.ets.registry.gateway.http.Http;
import cn.ets.registry.gateway.identity.Caller;
import cn.ets.registry.gateway.ledger.Ledger;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Settles a batch of trades, each on its own. Trades linked by a shared account form a group that
 * goes to the ledger as one transaction per 200 trades (the chaincode settles or refuses each trade
 * separately), one transaction after the other in batch order; unrelated groups go in parallel. So a hot account costs one
 * transaction per batch, not one MVCC read conflict per trade. Small unrelated groups share a
 * transaction (up to 200 trades): a batch of 1,000 trades between different accounts is five
 * transactions, not a thousand.
 */
public final class BatchSettlement implements AutoCloseable {
    static final int TRADES_PER_TRANSACTION = 200;
    private final Ledger ledger;
    private final AccountOrdering ordering;
    private final ExecutorService pool;

    public BatchSettlement(Ledger ledger, AccountOrdering ordering, int parallelism) {
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.ordering = Objects.requireNonNull(ordering, "ordering");
        this.pool = Executors.newFixedThreadPool(parallelism, r -> {
            Thread t = new Thread(r, "batch-settlement");
            t.setDaemon(true);
            return t;
        });
    }

    public List<JsonObject> settle(Caller caller, List<JsonElement> trades) throws InterruptedException {
        List<List<Integer>> groups = pack(groupByAccount(trades), TRADES_PER_TRANSACTION);
        JsonObject[] results = new JsonObject[trades.size()];
        List<Future<?>> running = new ArrayList<>();
        for (List<Integer> group : groups) {
            // A group's chunks go one after the other, in batch order: a later trade may spend what an
            // earlier one brought (A→B then B→C), as if the trades had been posted one by one.
            running.add(pool.submit(() -> {
                for (int from = 0; from < group.size(); from += TRADES_PER_TRANSACTION) {
                    List<Integer> chunk = group.subList(from, Math.min(group.size(), from + TRADES_PER_TRANSACTION));
                    settleChunk(caller, trades, chunk, results);
                }
            }));
        }
        if (trades.isEmpty()) {
            // nothing to settle, but the caller must still be one who may post trades
            Http.call(ledger, caller, Catalogue.SETTLE_MANY, "{\"trades\":[]}");
        }
        for (Future<?> f : running) {
            try {
                f.get();
            } catch (ExecutionException e) {
                if (e.getCause() instanceof ApiError refused) {
                    throw refused;
                }
                throw new IllegalStateException(e.getCause());
            }
        }
        return List.of(results);
    }

    /** One transaction for a chunk of a group; if the transaction itself fails, each of its trades reports that failure. */
    private void settleChunk(Caller caller, List<JsonElement> trades, List<Integer> chunk, JsonObject[] results) {
        JsonArray array = new JsonArray();
        Set<String> accounts = new HashSet<>();
        for (int i : chunk) {
            array.add(trades.get(i));
            accounts.addAll(accounts(trades.get(i)));
        }
        JsonObject command = new JsonObject();
        command.add("trades", array);
        try {
            String reply = ordering.inOrder(
                    accounts, () -> Http.call(ledger, caller, Catalogue.SETTLE_MANY, command.toString()));
            JsonArray answers = JsonParser.parseString(reply).getAsJsonObject().getAsJsonArray("results");
            for (int k = 0; k < chunk.size(); k++) {
                results[chunk.get(k)] = answers.get(k).getAsJsonObject();
            }
        } catch (ApiError e) {
            if (e.status() == 401 || e.status() == 403) {
                throw e; // the caller may not post trades at all: the whole batch is refused, as it was for every chunk
            }
            JsonObject error =
                    JsonParser.parseString(e.body()).getAsJsonObject().getAsJsonObject("error");
            for (int i : chunk) {
                JsonObject r = new JsonObject();
                JsonElement t = trades.get(i);
                JsonElement id = t.isJsonObject() ? t.getAsJsonObject().get("tradeId") : null;
                r.add("tradeId", id == null ? JsonNull.INSTANCE : id);
                r.addProperty("status", "REJECTED");
                r.add("error", error);
                results[i] = r;
            }
        }
    }

    /**
     * Groups of at most {@code size} trades put together, in batch order, into as few lists of at most
     * {@code size} as the order allows; larger groups stay as they are (they are chunked in order).
     * No account is in two of the lists, so they still go in parallel.
     */
    static List<List<Integer>> pack(List<List<Integer>> groups, int size) {
        List<List<Integer>> out = new ArrayList<>();
        List<Integer> open = new ArrayList<>();
        for (List<Integer> g : groups) {
            if (g.size() > size) {
                out.add(g);
                continue;
            }
            if (open.size() + g.size() > size) {
                out.add(open);
                open = new ArrayList<>();
            }
            open.addAll(g);
        }
        if (!open.isEmpty()) {
            out.add(open);
        }
        for (List<Integer> l : out) {
            l.sort(null);
        }
        return out;
    }

    /** Union of trades that share a seller or buyer, each group in batch order. */
    static List<List<Integer>> groupByAccount(List<JsonElement> trades) {
        int n = trades.size();
        int[] parent = new int[n];
        for (int i = 0; i < n; i++) {
            parent[i] = i;
        }
        Map<String, Integer> firstByAccount = new HashMap<>();
        for (int i = 0; i < n; i++) {
            for (String account : accounts(trades.get(i))) {
                Integer j = firstByAccount.putIfAbsent(account, i);
                if (j != null) {
                    parent[find(parent, i)] = find(parent, j);
                }
            }
        }
        Map<Integer, List<Integer>> groups = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            groups.computeIfAbsent(find(parent, i), k -> new ArrayList<>()).add(i);
        }
        return new ArrayList<>(groups.values());
    }

    private static int find(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    private static List<String> accounts(JsonElement t) {
        List<String> out = new ArrayList<>();
        if (t.isJsonObject()) {
            for (String f : new String[] {"seller", "buyer"}) {
                JsonElement e = t.getAsJsonObject().get(f);
                if (e != null && e.isJsonPrimitive()) {
                    out.add(e.getAsString());
                }
            }
        }
        return out;
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
