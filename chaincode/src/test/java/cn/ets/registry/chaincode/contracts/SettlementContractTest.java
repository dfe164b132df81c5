package cn.ets.registry.chaincode.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ets.registry.chaincode.testing.InMemoryLedger;
import cn.ets.registry.chaincode.testing.Parties;
import cn.ets.registry.chaincode.testing.TestIdentity;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SettlementContractTest extends LedgerScenario {

    private static final Map<String, TestIdentity> WHO = Map.of(
            "mee",
            Parties.MEE,
            "registry",
            Parties.REGISTRY,
            "hb",
            Parties.HB,
            "auditor",
            Parties.AUDITOR,
            "seller",
            HB_U1,
            "buyer",
            HB_U2);

    @BeforeEach
    void registry() {
        coreRegistry();
    }

    @Test
    void the_exchange_settles_a_trade_in_full_and_supply_is_untouched() {
        JsonObject before = supply("CEA-2024");
        JsonObject r =
                object(ok(settle(Parties.EXCHANGE, trade("T-1", "CEA-2024", "HB-U1", "GD-U1", 400, "88.5", "LISTED"))));
        assertThat(r.get("status").getAsString()).isEqualTo("SETTLED");
        assertThat(r.get("price").getAsString()).isEqualTo("88.50");
        assertThat(r.get("amount").getAsString()).isEqualTo("35400.00");
        assertThat(r.get("tradedAt").getAsString()).isEqualTo("2025-12-15T10:30:00+08:00");
        assertThat(quantity("HB-U1", "CEA-2024")).isEqualTo(600);
        assertThat(quantity("GD-U1", "CEA-2024")).isEqualTo(700);
        assertThat(supply("CEA-2024")).isEqualTo(before);
        assertSupplyBalanced();
    }

    @Test
    void institutions_trade_with_units() {
        ok(settle(Parties.EXCHANGE, "HB-U1", "INST-1", 100));
        ok(settle(Parties.EXCHANGE, "INST-1", "GD-U1", 40));
        assertThat(quantity("INST-1", "CEA-2024")).isEqualTo(60);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"mee", "registry", "hb", "auditor", "seller", "buyer"})
    void only_the_exchange_posts_trades(String who) {
        assertRejectedWithoutWrites("FORBIDDEN", () -> settle(WHO.get(who), "HB-U1", "HB-U2", 10));
    }

    @Test
    void an_oversell_is_refused_and_moves_nothing() {
        assertRejectedWithoutWrites("INSUFFICIENT_HOLDINGS", () -> settle(Parties.EXCHANGE, "HB-U1", "HB-U2", 1_001));
        assertThat(quantity("HB-U1", "CEA-2024")).isEqualTo(1_000);
        assertThat(quantity("HB-U2", "CEA-2024")).isEqualTo(500);
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"seller, RESTRICTED", "seller, SUSPENDED", "buyer, SUSPENDED", "buyer, CLOSURE_PENDING"})
    void the_seller_must_be_able_to_send_and_the_buyer_to_receive(String side, String status) {
        String account = side.equals("seller") ? "HB-U1" : "HB-U2";
        ok(setStatus(Parties.REGISTRY, account, status.equals("CLOSURE_PENDING") ? "CLOSED" : status));
        assertRejectedWithoutWrites("ACCOUNT_NOT_ACTIVE", () -> settle(Parties.EXCHANGE, "HB-U1", "HB-U2", 10));
    }

    /** domain-rules §5; 001 §45 (二): RESTRICTED blocks sending, not receiving — a debtor buys to cure its debt. */
    @Test
    void a_restricted_buyer_settles_and_a_seller_winding_down_for_closure_may_sell() {
        ok(setStatus(Parties.REGISTRY, "HB-U2", "RESTRICTED"));
        ok(settle(Parties.EXCHANGE, "HB-U1", "HB-U2", 10));
        assertThat(quantity("HB-U2", "CEA-2024")).isEqualTo(510);
        ok(setStatus(Parties.REGISTRY, "HB-U1", "CLOSED"));
        assertThat(status("HB-U1")).isEqualTo("CLOSURE_PENDING");
        ok(settle(Parties.EXCHANGE, "HB-U1", "GD-U1", 990));
        assertThat(quantity("HB-U1", "CEA-2024")).isZero();
    }

    @ParameterizedTest(name = "{0} -> {1} of {2}")
    @CsvSource({
        "PROVINCE-HB, HB-U1, CEA-2024",
        "HB-U1, PROVINCE-HB, CEA-2024",
        "MEE, HB-U1, CEA-2024",
        "HB-U1, PO-1, CEA-2024"
    })
    void authority_accounts_and_project_owners_do_not_trade_cea(String seller, String buyer, String product) {
        assertRejectedWithoutWrites(
                "NOT_TRADABLE",
                () -> settle(Parties.EXCHANGE, trade(nextId("T"), product, seller, buyer, 10, "80.00", "LISTED")));
    }

    @Test
    void seller_and_buyer_must_differ() {
        assertRejectedWithoutWrites("BAD_REQUEST", () -> settle(Parties.EXCHANGE, "HB-U1", "HB-U1", 10));
    }

    @Test
    void a_block_trade_below_100000_t_is_invalid() {
        assertRejectedWithoutWrites(
                "INVALID_QUANTITY",
                () -> settle(Parties.EXCHANGE, trade("B-1", "CEA-2024", "HB-U1", "HB-U2", 99_999, "80.00", "BLOCK")));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "price    | \"0\"",
                "price    | \"-1\"",
                "price    | \"88.505\"",
                "price    | \"abc\"",
                "mode     | \"OTC\"",
                "tradedAt | \"2025-12-15 10:30\"",
                "tradedAt | \"2025-12-15T10:30:00\"",
                "product  | \"CEA-1999\""
            })
    void bad_trade_fields_are_bad_requests(String field, String value) {
        JsonObject t = object(trade("F-1", "CEA-2024", "HB-U1", "HB-U2", 10, "80.00", "LISTED"));
        t.add(field, JsonParser.parseString(value));
        assertRejectedWithoutWrites("BAD_REQUEST", () -> settle(Parties.EXCHANGE, t.toString()));
    }

    @Test
    void a_trade_id_settles_at_most_once() {
        String t = trade("T-once", "CEA-2024", "HB-U1", "HB-U2", 10, "80.00", "LISTED");
        JsonObject first = object(ok(settle(Parties.EXCHANGE, t)));
        Map<String, String> before = ledger.snapshot();
        JsonObject again = object(ok(settle(Parties.EXCHANGE, t)));
        assertThat(again.get("replayed").getAsBoolean()).isTrue();
        assertThat(again.get("txId")).isEqualTo(first.get("txId"));
        assertThat(ledger.snapshot()).isEqualTo(before);
        assertThat(quantity("HB-U1", "CEA-2024")).isEqualTo(990);
        assertRejectedWithoutWrites(
                "DUPLICATE_ID",
                () -> settle(Parties.EXCHANGE, trade("T-once", "CEA-2024", "HB-U1", "HB-U2", 11, "80.00", "LISTED")));
    }

    @Test
    void a_rejected_trade_leaves_its_id_free() {
        assertRejectedWithoutWrites(
                "INSUFFICIENT_HOLDINGS",
                () -> settle(Parties.EXCHANGE, trade("T-retry", "CEA-2024", "HB-U2", "HB-U1", 600, "80.00", "LISTED")));
        assertThat(read(Parties.EXCHANGE, "T-retry").code()).isEqualTo("NOT_FOUND");
        ok(distribute(Parties.HB, "CEA-2024", "PROVINCE-HB", "HB-U2", 100));
        JsonObject r = object(
                ok(settle(Parties.EXCHANGE, trade("T-retry", "CEA-2024", "HB-U2", "HB-U1", 600, "80.00", "LISTED"))));
        assertThat(r.get("replayed").getAsBoolean()).isFalse();
    }

    @Test
    void the_exchange_the_registry_mee_the_parties_and_their_provinces_may_read_a_settlement_others_may_not() {
        ok(settle(Parties.EXCHANGE, trade("T-read", "CEA-2024", "HB-U1", "GD-U1", 5, "80.00", "LISTED")));
        for (TestIdentity reader : new TestIdentity[] {
            Parties.EXCHANGE, Parties.REGISTRY, Parties.MEE, HB_U1, GD_U1, Parties.HB, Parties.GD
        }) {
            assertThat(object(ok(read(reader, "T-read"))).get("quantity").getAsLong())
                    .as("%s", reader)
                    .isEqualTo(5);
        }
        ok(settle(Parties.EXCHANGE, trade("T-hb", "CEA-2024", "HB-U1", "HB-U2", 5, "80.00", "LISTED")));
        assertThat(read(Parties.GD, "T-hb").code())
                .as("GD reads no trade of HB's units")
                .isEqualTo("FORBIDDEN");
        for (TestIdentity reader : new TestIdentity[] {HB_U2, Parties.AUDITOR, INST_1}) {
            assertThat(read(reader, "T-read").code()).as("%s", reader).isEqualTo("FORBIDDEN");
        }
        assertThat(read(Parties.EXCHANGE, "T-none").code()).isEqualTo("NOT_FOUND");
    }

    private InMemoryLedger.Outcome settleMany(TestIdentity who, String... trades) {
        String command = "{\"trades\":[" + String.join(",", trades) + "]}";
        return ledger.submit(who, "settlement:settleMany", ctx -> new SettlementContract().settleMany(ctx, command));
    }

    @Test
    void in_one_transaction_of_many_trades_a_refused_trade_is_rolled_back_alone() {
        JsonObject r = object(ok(settleMany(
                Parties.EXCHANGE,
                trade("M-1", "CEA-2024", "HB-U1", "HB-U2", 600, "80.00", "LISTED"),
                trade("M-2", "CEA-2024", "HB-U1", "HB-U2", 600, "80.00", "LISTED"),
                trade("M-3", "CEA-2024", "HB-U2", "HB-U1", 1_100, "80.00", "LISTED"),
                "42")));
        var results = r.getAsJsonArray("results");
        assertThat(results.get(0).getAsJsonObject().get("status").getAsString()).isEqualTo("SETTLED");
        assertThat(results.get(1)
                        .getAsJsonObject()
                        .getAsJsonObject("error")
                        .get("code")
                        .getAsString())
                .isEqualTo("INSUFFICIENT_HOLDINGS");
        assertThat(results.get(2).getAsJsonObject().get("status").getAsString())
                .as("sees the first trade's effect")
                .isEqualTo("SETTLED");
        assertThat(results.get(3)
                        .getAsJsonObject()
                        .getAsJsonObject("error")
                        .get("code")
                        .getAsString())
                .isEqualTo("BAD_REQUEST");
        assertThat(quantity("HB-U1", "CEA-2024")).isEqualTo(1_000 - 600 + 1_100);
        assertThat(quantity("HB-U2", "CEA-2024")).isEqualTo(500 + 600 - 1_100);
        assertThat(read(Parties.EXCHANGE, "M-2").code()).isEqualTo("NOT_FOUND");
        assertThat(read(Parties.EXCHANGE, "M-3").ok()).isTrue();
        assertThat(ledger.events().get(ledger.events().size() - 1).getEventName())
                .isEqualTo("TradesSettled");
        assertSupplyBalanced();
    }

    @Test
    void many_trades_from_anyone_but_the_exchange_write_nothing() {
        assertRejectedWithoutWrites(
                "FORBIDDEN",
                () -> settleMany(Parties.REGISTRY, trade("M-9", "CEA-2024", "HB-U1", "HB-U2", 1, "80.00", "LISTED")));
    }

    @Test
    void a_trade_settled_alone_is_replayed_not_settled_again_in_a_batch() {
        String t = trade("M-once", "CEA-2024", "HB-U1", "HB-U2", 10, "80.00", "LISTED");
        ok(settle(Parties.EXCHANGE, t));
        JsonObject r = object(ok(settleMany(Parties.EXCHANGE, t, t)));
        assertThat(r.getAsJsonArray("results")
                        .get(0)
                        .getAsJsonObject()
                        .get("replayed")
                        .getAsBoolean())
                .isTrue();
        assertThat(r.getAsJsonArray("results")
                        .get(1)
                        .getAsJsonObject()
                        .get("replayed")
                        .getAsBoolean())
                .isTrue();
        assertThat(quantity("HB-U1", "CEA-2024")).isEqualTo(990);
    }

    private InMemoryLedger.Outcome read(TestIdentity who, String tradeId) {
        return ledger.evaluate(who, "settlement:get", ctx -> new SettlementContract().get(ctx, tradeId));
    }
}
