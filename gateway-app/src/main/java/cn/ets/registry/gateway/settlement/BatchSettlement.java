package cn.ets.registry.gateway.settlement;

import cn.ets.registry.gateway.http.ApiError;
import cn.ets.registry.gateway.http.Caller;
import cn.ets.registry.gateway.http.Http;
import cn.ets.registry.gateway.ledger.Ledger;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Settles a batch of trades, each as its own transaction. Trades that share an account are
 * submitted one after another, in batch order; unrelated groups go in parallel. That ordering per
 * account is what keeps a hot account from turning the batch into MVCC read conflicts.
 */
public final class BatchSettlement implements AutoCloseable {
    private final Ledger ledger;
    private final ExecutorService pool;

    public BatchSettlement(Ledger ledger, int parallelism) {
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.pool = Executors.newFixedThreadPool(parallelism, r -> {
            Thread t = new Thread(r, "batch-settlement");
            t.setDaemon(true);
            return t;
        });
    }

    public List<JsonObject> settle(Caller caller, List<JsonElement> trades) throws InterruptedException {
        List<List<Integer>> groups = groupByAccount(trades);
        JsonObject[] results = new JsonObject[trades.size()];
        List<Future<?>> running = new ArrayList<>();
        for (List<Integer> group : groups) {
            running.add(pool.submit(() -> {
                for (int i : group) {
                    results[i] = settleOne(caller, trades.get(i));
                }
            }));
        }
        for (Future<?> f : running) {
            try {
                f.get();
            } catch (java.util.concurrent.ExecutionException e) {
                throw new IllegalStateException(e.getCause());
            }
        }
        return List.of(results);
    }

    private JsonObject settleOne(Caller caller, JsonElement trade) {
        JsonObject r = new JsonObject();
        String tradeId = trade.isJsonObject() && trade.getAsJsonObject().has("tradeId")
                && trade.getAsJsonObject().get("tradeId").isJsonPrimitive() ? trade.getAsJsonObject().get("tradeId").getAsString() : null;
        r.addProperty("tradeId", tradeId);
        try {
            if (!trade.isJsonObject()) {
                throw new ApiError("BAD_REQUEST", "each trade must be a JSON object");
            }
            JsonObject settled = JsonParser.parseString(Http.submit(ledger, caller, "settlement:settle", trade.toString())).getAsJsonObject();
            settled.addProperty("status", "SETTLED");
            return settled;
        } catch (ApiError e) {
            r.addProperty("status", "REJECTED");
            r.add("error", JsonParser.parseString(e.body()).getAsJsonObject().get("error"));
            return r;
        }
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
        Map<Integer, List<Integer>> groups = new java.util.LinkedHashMap<>();
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
