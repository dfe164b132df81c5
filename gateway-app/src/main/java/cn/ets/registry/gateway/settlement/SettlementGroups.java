package cn.ets.registry.gateway.settlement;

import cn.ets.registry.api.Catalogue;
import cn.ets.registry.chaincode.json.CanonicalJson;
import cn.ets.registry.gateway.http.ApiError;
import cn.ets.registry.gateway.http.Http;
import cn.ets.registry.gateway.identity.Caller;
import cn.ets.registry.gateway.ledger.Ledger;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Group commit of single settlements: trades posted one by one while others are on their way to
 * the ledger wait in a queue, and the next free transaction takes every waiting trade it can — all
 * those of one caller whose accounts no transaction in flight touches — as one {@code settleMany}.
 * So a hot seller's one-by-one posts cost one transaction per group instead of one transaction (and
 * MVCC conflicts) each, and spread trades ride a few transactions instead of one each.
 *
 * <p>Each caller still gets the answer it would have got alone: a group of one is sent as the plain
 * single settlement; in a larger group each trade is settled or refused on its own inside the
 * transaction (the chaincode rolls a refused trade back alone), its result is the single
 * settlement's answer (its replay by trade id too — the same fingerprint), a refusal its own coded
 * error. Only a failure of the whole transaction (the ledger unavailable, conflicts that persisted)
 * reaches every trade of the group, as the retryable code it is. Per account, trades reach the
 * ledger in the order they arrived: a trade whose account a waiting trade before it could not take
 * yet waits too.
 */
public final class SettlementGroups implements AutoCloseable {
    private final Ledger ledger;
    private final AccountOrdering ordering;
    private final int maxInFlight;
    private final int maxPerGroup;
    private final ExecutorService pool;
    private final Deque<Pending> waiting = new ArrayDeque<>();
    private final Set<String> busy = new HashSet<>();
    private final AtomicLong transactions = new AtomicLong();
    private final AtomicLong grouped = new AtomicLong();
    private int inFlight;

    public SettlementGroups(Ledger ledger, AccountOrdering ordering, int maxInFlight, int maxPerGroup) {
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.ordering = Objects.requireNonNull(ordering, "ordering");
        this.maxInFlight = maxInFlight;
        this.maxPerGroup = maxPerGroup;
        this.pool = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "settlement-group");
            t.setDaemon(true);
            return t;
        });
    }

    private record Pending(Caller caller, JsonObject trade, List<String> accounts, CompletableFuture<String> answer) {}

    /** Settles one trade (its JSON body as posted) and answers as a single settlement would: the result, or an {@link ApiError}. */
    public String settle(Caller caller, JsonObject trade) throws InterruptedException {
        CompletableFuture<String> answer = new CompletableFuture<>();
        synchronized (this) {
            waiting.add(new Pending(caller, trade, parties(trade), answer));
            dispatch();
        }
        try {
            return answer.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** Transactions sent and trades that shared one with another trade, for the benchmark. */
    public long transactions() {
        return transactions.get();
    }

    public long groupedTrades() {
        return grouped.get();
    }

    /** Starts as many groups as there are free transactions and waiting trades that can go. */
    private void dispatch() {
        while (inFlight < maxInFlight && !waiting.isEmpty()) {
            List<Pending> group = takeGroup();
            if (group.isEmpty()) {
                return;
            }
            inFlight++;
            Set<String> accounts = new LinkedHashSet<>();
            group.forEach(p -> accounts.addAll(p.accounts()));
            busy.addAll(accounts);
            pool.execute(() -> {
                try {
                    run(group, accounts);
                } finally {
                    synchronized (this) {
                        inFlight--;
                        busy.removeAll(accounts);
                        dispatch();
                    }
                }
            });
        }
    }

    /**
     * The oldest waiting trade whose accounts are free, with every later trade of the same caller
     * whose accounts are free too; an account a skipped trade needs stays closed for this pass, so
     * trades of one account keep their order.
     */
    private List<Pending> takeGroup() {
        List<Pending> group = new ArrayList<>();
        Set<String> closed = new HashSet<>(busy);
        Caller leader = null;
        for (Iterator<Pending> it = waiting.iterator(); it.hasNext() && group.size() < maxPerGroup; ) {
            Pending p = it.next();
            boolean free = p.accounts().stream().noneMatch(closed::contains);
            if (free && (leader == null || sameCaller(leader, p.caller()))) {
                leader = p.caller();
                group.add(p);
                it.remove();
            } else {
                closed.addAll(p.accounts());
            }
        }
        return group;
    }

    private void run(List<Pending> group, Set<String> accounts) {
        transactions.incrementAndGet();
        Caller caller = group.get(0).caller();
        if (group.size() == 1) {
            Pending only = group.get(0);
            try {
                only.answer()
                        .complete(ordering.inOrder(
                                accounts,
                                () -> Http.call(
                                        ledger,
                                        caller,
                                        Catalogue.SETTLE,
                                        only.trade().toString())));
            } catch (RuntimeException e) {
                only.answer().completeExceptionally(e);
            }
            return;
        }
        grouped.addAndGet(group.size());
        JsonArray trades = new JsonArray();
        group.forEach(p -> trades.add(p.trade()));
        JsonObject command = new JsonObject();
        command.add("trades", trades);
        JsonArray results;
        try {
            String reply = ordering.inOrder(
                    accounts, () -> Http.call(ledger, caller, Catalogue.SETTLE_MANY, command.toString()));
            results = JsonParser.parseString(reply).getAsJsonObject().getAsJsonArray("results");
        } catch (RuntimeException e) {
            group.forEach(p -> p.answer().completeExceptionally(e));
            return;
        }
        for (int k = 0; k < group.size(); k++) {
            CompletableFuture<String> answer = group.get(k).answer();
            JsonObject r = results.get(k).getAsJsonObject();
            if (r.has("error") && r.get("error").isJsonObject()) {
                JsonObject error = r.getAsJsonObject("error");
                JsonElement details = error.get("details");
                answer.completeExceptionally(new ApiError(
                        error.get("code").getAsString(),
                        error.get("message").getAsString(),
                        details == null || details.isJsonNull() ? null : details.toString()));
            } else {
                answer.complete(CanonicalJson.write(r));
            }
        }
    }

    private static boolean sameCaller(Caller a, Caller b) {
        return a.identity().name().equals(b.identity().name())
                && a.identity().mspId().equals(b.identity().mspId());
    }

    static List<String> parties(JsonObject trade) {
        List<String> parties = new ArrayList<>();
        for (String f : new String[] {"seller", "buyer"}) {
            if (trade.has(f) && trade.get(f).isJsonPrimitive()) {
                parties.add(trade.get(f).getAsString());
            }
        }
        return parties;
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
