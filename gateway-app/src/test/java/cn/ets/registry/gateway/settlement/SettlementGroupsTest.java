package cn.ets.registry.gateway.settlement;

import static cn.ets.registry.gateway.testing.HttpAssertions.created;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import cn.ets.registry.api.Catalogue;
import cn.ets.registry.chaincode.json.CanonicalJson;
import cn.ets.registry.gateway.Registry;
import cn.ets.registry.gateway.http.ApiError;
import cn.ets.registry.gateway.identity.Caller;
import cn.ets.registry.gateway.ledger.Ledger;
import cn.ets.registry.gateway.ledger.LedgerEvent;
import cn.ets.registry.gateway.ledger.LedgerIdentity;
import cn.ets.registry.gateway.testing.Json;
import cn.ets.registry.gateway.testing.RegistryClient;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Group commit: single trades that wait while a transaction is in flight go together as one
 * settleMany, and each caller still gets its own answer — its settlement, its own refusal, its
 * replay. The ledger is the embedded one, behind a gate that holds the first transaction until the
 * others are queued, and that counts what reaches the ledger.
 */
class SettlementGroupsTest {
    private static final String P = "CEA-2024";
    private Registry registry;
    private RegistryClient c;
    private Gate gate;
    private SettlementGroups groups;
    private Caller exchange;

    /** The embedded ledger, holding the first submit until released, recording every function submitted. */
    static final class Gate implements Ledger {
        final Ledger real;
        final CountDownLatch entered = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        final List<String> functions = Collections.synchronizedList(new ArrayList<>());

        Gate(Ledger real) {
            this.real = real;
        }

        @Override
        public String kind() {
            return real.kind();
        }

        @Override
        public String submit(LedgerIdentity who, String function, String... args) {
            functions.add(function);
            if (entered.getCount() > 0) {
                entered.countDown();
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return real.submit(who, function, args);
        }

        @Override
        public String evaluate(LedgerIdentity who, String function, String... args) {
            return real.evaluate(who, function, args);
        }

        @Override
        public AutoCloseable events(long fromBlock, Consumer<LedgerEvent> sink, LongConsumer cutOff) {
            return real.events(fromBlock, sink, cutOff);
        }

        @Override
        public void close() {}
    }

    @BeforeEach
    void start() throws Exception {
        registry = Registry.embedded(Files.createTempDirectory("groups"), false);
        registry.start("127.0.0.1", 0);
        c = RegistryClient.of(registry);
        created(c.post("mee", "/api/v1/issuances", Json.obj("requestId", "g-iss", "product", P, "quantity", 1_000)));
        created(c.post(
                "mee",
                "/api/v1/distributions",
                Json.obj("requestId", "g-d", "product", P, "from", "MEE", "to", "PROVINCE-HB", "quantity", 1_000)));
        for (int i = 0; i <= 6; i++) {
            created(c.post(
                    "province-HB",
                    "/api/v1/accounts",
                    Json.obj("id", "HB-G" + i, "type", "UNIT", "name", "G" + i, "province", "HB", "sector", "POWER")));
        }
        created(c.post(
                "province-HB",
                "/api/v1/distributions",
                Json.obj("requestId", "g-s", "product", P, "from", "PROVINCE-HB", "to", "HB-G0", "quantity", 100)));
        gate = new Gate(registry.ledger());
        groups = new SettlementGroups(gate, new AccountOrdering(64), 1, 200);
        var credential = registry.identities().byName("exchange").orElseThrow();
        exchange = new Caller(credential, registry.identities().identity("exchange"));
    }

    @AfterEach
    void stop() {
        groups.close();
        registry.close();
    }

    private static JsonObject trade(String id, String seller, String buyer, long q) {
        return Json.obj(
                "tradeId",
                id,
                "product",
                P,
                "seller",
                seller,
                "buyer",
                buyer,
                "quantity",
                q,
                "price",
                "70.00",
                "mode",
                "LISTED",
                "tradedAt",
                "2025-11-14T10:30:00+08:00");
    }

    private CompletableFuture<String> post(JsonObject trade) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return groups.settle(exchange, trade);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    @Test
    void a_hot_sellers_waiting_trades_settle_in_one_transaction_and_each_gets_its_own_answer() throws Exception {
        CompletableFuture<String> first = post(trade("G-1", "HB-G0", "HB-G1", 10));
        assertThat(gate.entered.await(5, TimeUnit.SECONDS)).isTrue();
        List<CompletableFuture<String>> waiting = new ArrayList<>();
        waiting.add(post(trade("G-2", "HB-G0", "HB-G2", 10)));
        waiting.add(post(trade("G-3", "HB-G0", "HB-G3", 500))); // more than the seller holds: refused alone
        waiting.add(post(trade("G-4", "HB-G0", "HB-G4", 10)));
        waiting.add(post(trade("G-5", "HB-G0", "HB-G5", 10)));
        Thread.sleep(300); // the four wait behind the first transaction
        gate.release.countDown();

        assertThat(JsonParser.parseString(first.get(10, TimeUnit.SECONDS))
                        .getAsJsonObject()
                        .get("status")
                        .getAsString())
                .isEqualTo("SETTLED");
        for (int k : new int[] {0, 2, 3}) {
            JsonObject r = JsonParser.parseString(waiting.get(k).get(10, TimeUnit.SECONDS))
                    .getAsJsonObject();
            assertThat(r.get("status").getAsString()).isEqualTo("SETTLED");
            assertThat(r.get("replayed").getAsBoolean()).isFalse();
            assertThat(r.has("error")).isFalse();
        }
        ApiError refused = catchThrowableOfType(
                                        ExecutionException.class,
                                        () -> waiting.get(1).get(10, TimeUnit.SECONDS))
                                .getCause()
                        instanceof ApiError e
                ? e
                : null;
        assertThat(refused).isNotNull();
        assertThat(refused.code()).isEqualTo("INSUFFICIENT_HOLDINGS");
        assertThat(gate.functions)
                .as("the first alone, the four waiting ones in one transaction")
                .containsExactly(Catalogue.SETTLE.function(), Catalogue.SETTLE_MANY.function());
        assertThat(c.holding("HB-G0", P)).isEqualTo(60);
        assertThat(c.holding("HB-G3", P)).isZero();
        assertThat(c.holding("HB-G5", P)).isEqualTo(10);
        assertThat(groups.groupedTrades()).isEqualTo(4);
    }

    @Test
    void a_trade_settled_in_a_group_replays_by_its_id_as_if_posted_alone() throws Exception {
        CompletableFuture<String> first = post(trade("R-1", "HB-G0", "HB-G1", 1));
        assertThat(gate.entered.await(5, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<String> a = post(trade("R-2", "HB-G0", "HB-G2", 2));
        CompletableFuture<String> b = post(trade("R-3", "HB-G0", "HB-G3", 3));
        Thread.sleep(300);
        gate.release.countDown();
        first.get(10, TimeUnit.SECONDS);
        JsonObject settled = JsonParser.parseString(a.get(10, TimeUnit.SECONDS)).getAsJsonObject();
        b.get(10, TimeUnit.SECONDS);
        assertThat(gate.functions).contains(Catalogue.SETTLE_MANY.function());

        JsonObject again = JsonParser.parseString(groups.settle(exchange, trade("R-2", "HB-G0", "HB-G2", 2)))
                .getAsJsonObject();
        assertThat(again.get("replayed").getAsBoolean()).isTrue();
        settled.remove("replayed");
        again.remove("replayed");
        assertThat(CanonicalJson.write(again)).isEqualTo(CanonicalJson.write(settled));
        ApiError reused =
                catchThrowableOfType(ApiError.class, () -> groups.settle(exchange, trade("R-2", "HB-G0", "HB-G2", 7)));
        assertThat(reused.code()).isEqualTo("DUPLICATE_ID");
        assertThat(c.holding("HB-G2", P)).isEqualTo(2);
        assertThat(c.holding("HB-G0", P)).isEqualTo(94);
    }
}
