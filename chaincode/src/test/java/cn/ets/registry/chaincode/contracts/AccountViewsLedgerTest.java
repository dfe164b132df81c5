package cn.ets.registry.chaincode.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ets.registry.chaincode.testing.InMemoryLedger.Outcome;
import cn.ets.registry.chaincode.testing.Parties;
import cn.ets.registry.chaincode.testing.TestIdentity;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What a province and a unit need to see (issue 11): accounts listed and searched in the caller's
 * scope with holdings and compliance, a holder's statement of movements for a period, trades in
 * scope; and the flows of item 3 (a debtor buys to cure its debt) and provinces returning
 * unallocated units to MEE.
 */
class AccountViewsLedgerTest extends LedgerScenario {

    @BeforeEach
    void registry() {
        coreRegistry(); // HB-U1 1,000, HB-U2 500, GD-U1 300 CEA-2024; clock 2025-06-01
    }

    private static List<String> ids(JsonObject list) {
        List<String> out = new ArrayList<>();
        for (JsonElement e : list.getAsJsonArray("accounts")) {
            out.add(e.getAsJsonObject().get("id").getAsString());
        }
        return out;
    }

    @Test
    void a_province_lists_its_own_accounts_with_holdings_and_compliance_mee_and_the_registry_list_all() {
        ok(recordEmissions(Parties.HB, "HB-U1", 2024, 800));
        JsonObject hb = object(ok(search(Parties.HB, null, "UNIT", null, null, "2024", null)));
        assertThat(ids(hb)).containsExactly("HB-U1", "HB-U2");
        JsonObject u1 = hb.getAsJsonArray("accounts").get(0).getAsJsonObject();
        assertThat(u1.getAsJsonArray("holdings")
                        .get(0)
                        .getAsJsonObject()
                        .get("quantity")
                        .getAsLong())
                .isEqualTo(1_000);
        assertThat(u1.getAsJsonObject("compliance").get("obligation").getAsLong())
                .isEqualTo(800);
        assertThat(hb.getAsJsonArray("accounts").get(1).getAsJsonObject().has("compliance"))
                .isFalse();
        assertThat(ids(object(ok(search(Parties.MEE, null, "UNIT", null, null, null, null)))))
                .containsExactly("GD-U1", "HB-U1", "HB-U2");
        assertThat(ids(object(ok(search(Parties.REGISTRY, "GD", null, null, null, null, null)))))
                .containsExactly("GD-U1", "PROVINCE-GD");
        assertThat(ids(object(ok(search(Parties.REGISTRY, null, null, null, "yichang", null, null)))))
                .containsExactly("HB-U2");
        assertThat(ids(object(ok(search(Parties.REGISTRY, null, null, null, null, null, "HB-U2")))))
                .containsExactly("INST-1", "MEE", "PO-1", "PROVINCE-GD", "PROVINCE-HB");
        ok(setStatus(Parties.REGISTRY, "HB-U2", "SUSPENDED"));
        assertThat(ids(object(ok(search(Parties.HB, null, null, "SUSPENDED", null, null, null)))))
                .containsExactly("HB-U2");

        for (TestIdentity who : new TestIdentity[] {HB_U1, Parties.EXCHANGE, Parties.AUDITOR, INST_1}) {
            assertThat(search(who, null, null, null, null, null, null).code()).isEqualTo("FORBIDDEN");
        }
        assertThat(search(Parties.HB, "GD", null, null, null, null, null).code())
                .isEqualTo("FORBIDDEN");
        assertThat(search(Parties.MEE, "hb", null, null, null, null, null).code())
                .isEqualTo("BAD_REQUEST");
        assertThat(search(Parties.MEE, null, "BANK", null, null, null, null).code())
                .isEqualTo("BAD_REQUEST");
        assertThat(search(Parties.MEE, null, null, null, null, "1999", null).code())
                .isEqualTo("BAD_REQUEST");
        assertThat(search(Parties.MEE, null, null, null, null, "20x4", null).code())
                .isEqualTo("BAD_REQUEST");
    }

    @Test
    void a_holders_statement_shows_opening_every_movement_with_its_counterparty_and_closing() {
        today("2025-07-10");
        ok(settle(Parties.EXCHANGE, trade("S1", "CEA-2024", "HB-U1", "HB-U2", 100, "90.00", "LISTED")));
        today("2025-08-10");
        ok(settle(Parties.EXCHANGE, trade("S2", "CEA-2024", "HB-U2", "HB-U1", 30, "91.00", "LISTED")));
        ok(pledge(HB_U1, "HB-U1", "CEA-2024", 50, "INST-1"));
        today("2025-09-10");
        ok(cancel(HB_U1, "HB-U1", "CEA-2024", 5));

        JsonObject s = object(ok(statement(HB_U1, "HB-U1", "2025-07-01", "2025-08-31")));
        assertThat(s.getAsJsonArray("opening").toString())
                .isEqualTo("[{\"locked\":0,\"product\":\"CEA-2024\",\"quantity\":1000}]");
        JsonArray moves = s.getAsJsonArray("movements");
        assertThat(moves).hasSize(3);
        JsonObject sold = moves.get(0).getAsJsonObject();
        assertThat(sold.get("quantity").getAsLong()).isEqualTo(-100);
        assertThat(sold.get("counterparty").getAsString()).isEqualTo("HB-U2");
        assertThat(sold.get("function").getAsString()).isEqualTo("settlement:settle");
        assertThat(moves.get(1).getAsJsonObject().get("quantity").getAsLong()).isEqualTo(30);
        JsonObject locked = moves.get(2).getAsJsonObject();
        assertThat(locked.get("quantity").getAsLong()).isZero();
        assertThat(locked.get("locked").getAsLong()).isEqualTo(50);
        assertThat(s.getAsJsonArray("closing").toString())
                .isEqualTo("[{\"locked\":50,\"product\":\"CEA-2024\",\"quantity\":930}]");
        JsonObject all = object(ok(statement(Parties.HB, "HB-U1", null, null)));
        assertThat(all.getAsJsonArray("movements"))
                .as("distribution, two trades, pledge, cancellation")
                .hasSize(5);
        assertThat(all.getAsJsonArray("closing").toString())
                .isEqualTo("[{\"locked\":50,\"product\":\"CEA-2024\",\"quantity\":925}]");

        for (TestIdentity who : new TestIdentity[] {HB_U2, Parties.GD, Parties.EXCHANGE}) {
            assertThat(statement(who, "HB-U1", null, null).code()).isEqualTo("FORBIDDEN");
        }
        assertThat(statement(HB_U1, "HB-U1", "2025-09-01", "2025-08-01").code()).isEqualTo("BAD_REQUEST");
        assertThat(statement(HB_U1, "HB-U1", "2025-13-01", null).code()).isEqualTo("BAD_REQUEST");
    }

    @Test
    void trades_of_a_month_are_listed_in_the_callers_scope() {
        ok(settle(Parties.EXCHANGE, trade("L1", "CEA-2024", "HB-U1", "HB-U2", 10, "90.00", "LISTED")));
        ok(settle(Parties.EXCHANGE, trade("L2", "CEA-2024", "HB-U1", "GD-U1", 10, "90.00", "LISTED")));
        ok(settle(Parties.EXCHANGE, trade("L3", "CEA-2024", "GD-U1", "INST-1", 5, "90.00", "LISTED")));
        assertThat(trades(Parties.MEE, null)).containsExactly("L1", "L2", "L3");
        assertThat(trades(Parties.EXCHANGE, null)).containsExactly("L1", "L2", "L3");
        assertThat(trades(Parties.HB, null)).containsExactly("L1", "L2");
        assertThat(trades(Parties.GD, null)).containsExactly("L2", "L3");
        assertThat(trades(HB_U2, null)).containsExactly("L1");
        assertThat(trades(Parties.REGISTRY, "INST-1")).containsExactly("L3");
        assertThat(listTrades(HB_U2, "2025-12", "HB-U1").code()).isEqualTo("FORBIDDEN");
        assertThat(listTrades(Parties.AUDITOR, "2025-12", null).code()).isEqualTo("FORBIDDEN");
        assertThat(listTrades(Parties.MEE, "2025-1", null).code()).isEqualTo("BAD_REQUEST");
        assertThat(listTrades(Parties.MEE, null, null).code()).isEqualTo("BAD_REQUEST");
    }

    private Outcome listTrades(TestIdentity who, String month, String account) {
        return ledger.evaluate(who, "settlement:list", ctx -> new SettlementContract().list(ctx, month, account));
    }

    private List<String> trades(TestIdentity who, String account) {
        List<String> out = new ArrayList<>();
        for (JsonElement e : object(ok(listTrades(who, "2025-12", account))).getAsJsonArray("trades")) {
            out.add(e.getAsJsonObject().get("tradeId").getAsString());
        }
        return out;
    }

    /** Issue 11 item 3: a claw-back debt restricts the unit; it can still buy, then repays and is free. */
    @Test
    void a_restricted_debtor_buys_to_cure_its_debt_and_repays_it_itself() {
        String claw = json("requestId", "adj", "unitId", "HB-U2", "year", 2024, "quantity", -800, "reason", "CLOSURE");
        ok(ledger.submit(Parties.HB, "allocation:adjust", ctx -> new AllocationContract().adjust(ctx, claw)));
        assertThat(status("HB-U2")).isEqualTo("RESTRICTED");
        assertThat(allocation(2024, "HB-U2").get("debt").getAsLong()).isEqualTo(300);
        assertRejectedWithoutWrites(
                "ACCOUNT_NOT_ACTIVE",
                () -> settle(Parties.EXCHANGE, trade("D0", "CEA-2024", "HB-U2", "HB-U1", 1, "90.00", "LISTED")));
        ok(settle(Parties.EXCHANGE, trade("D1", "CEA-2024", "HB-U1", "HB-U2", 300, "90.00", "LISTED")));
        assertRejectedWithoutWrites("FORBIDDEN", () -> collectDebt(HB_U1, "HB-U2", 2024));
        JsonObject repaid = object(ok(collectDebt(HB_U2, "HB-U2", 2024)));
        assertThat(repaid.get("collected").getAsLong()).isEqualTo(300);
        assertThat(status("HB-U2")).isEqualTo("ACTIVE");
        assertThat(quantity("HB-U2", "CEA-2024")).isZero();
        assertSupplyBalanced();
    }

    @Test
    void a_province_returns_unallocated_units_to_mee_and_no_one_else_moves_them_there() {
        ok(distribute(Parties.HB, "CEA-2024", "PROVINCE-HB", "MEE", 3_000));
        assertThat(quantity("PROVINCE-HB", "CEA-2024")).isEqualTo(500);
        assertThat(quantity("MEE", "CEA-2024")).isEqualTo(6_000);
        assertRejectedWithoutWrites("FORBIDDEN", () -> distribute(Parties.GD, "CEA-2024", "PROVINCE-HB", "MEE", 1));
        assertRejectedWithoutWrites("FORBIDDEN", () -> distribute(Parties.HB, "CEA-2024", "HB-U1", "MEE", 1));
        assertRejectedWithoutWrites(
                "FORBIDDEN", () -> distribute(Parties.HB, "CEA-2024", "PROVINCE-HB", "PROVINCE-GD", 1));
        assertRejectedWithoutWrites(
                "INSUFFICIENT_HOLDINGS", () -> distribute(Parties.HB, "CEA-2024", "PROVINCE-HB", "MEE", 501));
        assertSupplyBalanced();
    }
}
