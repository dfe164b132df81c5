package cn.ets.registry.chaincode.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ets.registry.chaincode.testing.Parties;
import cn.ets.registry.chaincode.testing.TestCerts;
import cn.ets.registry.chaincode.testing.TestIdentity;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Settlement with the settlement bank (001 §21; 000 §18; 003 §2.3.2): delivery versus payment
 * (POSTED → FUNDS_CONFIRMED + SETTLED in one transaction, or FAILED on the bank's refusal or at the
 * cut-off), pre-trade reservations, the daily statement and its reconciliation, reversals and CEA
 * admission (003 §2.2.6). HB-U1 holds 1,000 t of CEA-2024; the clock is 10:00 Beijing on 15
 * December 2025, the trades are of 09:30 that day, the cut-off 17:00.
 */
class DvpLedgerTest extends LedgerScenario {
    static final String CEA = "CEA-2024";
    static final String DAY = "2025-12-15";
    static final String AT = "2025-12-15T09:30:00+08:00";
    static final Instant AFTER_CUT_OFF = Instant.parse("2025-12-15T09:00:00Z");

    @BeforeEach
    void registry() {
        secondPartRegistry();
        give(CEA, "HB-U1", 1_000);
        today(DAY);
        fundsAccounts("HB-U1", "HB-U2", "INST-1");
    }

    long available(String account, String product) {
        for (JsonElement e : object(ok(position(Parties.EXCHANGE, account))).getAsJsonArray("holdings")) {
            JsonObject h = e.getAsJsonObject();
            if (h.get("product").getAsString().equals(product)) {
                return h.get("available").getAsLong();
            }
        }
        return 0;
    }

    @Test
    void the_bank_confirms_the_funds_leg_and_the_units_are_delivered_in_the_same_transaction() {
        JsonObject posted = object(ok(postDvp("T1", CEA, "HB-U1", "HB-U2", 400, "95.50", AT, null)));
        assertThat(posted.get("status").getAsString()).isEqualTo("POSTED");
        assertThat(posted.get("amount").getAsString()).isEqualTo("38200.00");
        assertThat(posted.get("cutOff").getAsString()).isEqualTo("2025-12-15T09:00:00Z");
        assertThat(posted.get("buyerFundsAccount").getAsString()).isEqualTo("BANK-HB-U2");
        assertThat(quantity("HB-U1", CEA)).isEqualTo(1_000);
        assertThat(available("HB-U1", CEA)).isEqualTo(600);
        assertSupplyBalanced();

        for (TestIdentity who : new TestIdentity[] {Parties.EXCHANGE, Parties.REGISTRY, HB_U2}) {
            assertRejectedWithoutWrites("FORBIDDEN", () -> confirm(who, "T1", "c-1", "FT-1"));
        }
        JsonObject settled = object(ok(confirm(Parties.BANK, "T1", "c-1", "FT-1")));
        assertThat(settled.get("status").getAsString()).isEqualTo("SETTLED");
        assertThat(settled.get("fundsConfirmed").getAsBoolean()).isTrue();
        assertThat(settled.get("fundsRef").getAsString()).isEqualTo("FT-1");
        assertThat(quantity("HB-U1", CEA)).isEqualTo(600);
        assertThat(available("HB-U1", CEA)).isEqualTo(600);
        assertThat(quantity("HB-U2", CEA)).isEqualTo(400);
        assertThat(ledger.events().get(ledger.events().size() - 1).getEventName())
                .isEqualTo("DvpSettled");

        // the same confirmation again answers the first; another step on a final trade is refused
        Map<String, String> before = ledger.snapshot();
        assertThat(object(ok(confirm(Parties.BANK, "T1", "c-1", "FT-1"))).get("txId"))
                .isEqualTo(settled.get("txId"));
        assertThat(ledger.snapshot()).isEqualTo(before);
        assertRejectedWithoutWrites("CONFLICT", () -> confirm(Parties.BANK, "T1", "c-2", "FT-1"));
        assertRejectedWithoutWrites("CONFLICT", () -> refuse(Parties.BANK, "T1", "r-1", "too late"));
        assertThat(object(ok(getDvp(HB_U1, "T1"))).get("status").getAsString()).isEqualTo("SETTLED");
        assertRejectedWithoutWrites("FORBIDDEN", () -> getDvp(GD_U1, "T1"));
        assertSupplyBalanced();
    }

    @Test
    void a_bank_refusal_fails_the_trade_releases_the_units_and_keeps_the_reason() {
        ok(postDvp("T2", CEA, "HB-U1", "HB-U2", 400, "95.50", AT, null));
        JsonObject failed = object(ok(refuse(Parties.BANK, "T2", "r-1", "buyer's funds insufficient")));
        assertThat(failed.get("status").getAsString()).isEqualTo("FAILED");
        assertThat(failed.get("failure").getAsString()).isEqualTo("BANK_REFUSED");
        assertThat(failed.get("reason").getAsString()).isEqualTo("buyer's funds insufficient");
        assertThat(failed.get("fundsConfirmed").getAsBoolean()).isFalse();
        assertThat(available("HB-U1", CEA)).isEqualTo(1_000);
        assertThat(quantity("HB-U2", CEA)).isZero();
        assertRejectedWithoutWrites("CONFLICT", () -> confirm(Parties.BANK, "T2", "c-9", "FT-9"));
        assertSupplyBalanced();
    }

    @Test
    void the_cut_off_fails_what_the_bank_did_not_confirm_and_nothing_is_confirmed_after_it() {
        ok(postDvp("T3", CEA, "HB-U1", "HB-U2", 100, "95.50", AT, null));
        ok(postDvp("T4", CEA, "HB-U1", "HB-U2", 200, "95.50", AT, null));
        ok(confirm(Parties.BANK, "T4", "c-4", "FT-4"));
        assertRejectedWithoutWrites("DEADLINE_NOT_REACHED", () -> cutOff(Parties.REGISTRY, "co-1", DAY));
        assertRejectedWithoutWrites("FORBIDDEN", () -> cutOff(Parties.EXCHANGE, "co-1", DAY));
        ledger.setClock(AFTER_CUT_OFF);
        assertRejectedWithoutWrites("DEADLINE_PASSED", () -> confirm(Parties.BANK, "T3", "c-3", "FT-3"));
        JsonObject done = object(ok(cutOff(Parties.REGISTRY, "co-1", DAY)));
        assertThat(done.getAsJsonArray("failed")).hasSize(1);
        JsonObject t3 = object(ok(getDvp(Parties.BANK, "T3")));
        assertThat(t3.get("failure").getAsString()).isEqualTo("CUT_OFF");
        assertThat(quantity("HB-U1", CEA)).isEqualTo(800);
        assertThat(available("HB-U1", CEA)).isEqualTo(800);
        // run again: nothing more fails
        assertThat(object(ok(cutOff(Parties.REGISTRY, "co-2", DAY))).getAsJsonArray("failed"))
                .isEmpty();
        assertRejectedWithoutWrites(
                "DEADLINE_PASSED", () -> postDvp("T5", CEA, "HB-U1", "HB-U2", 1, "95.50", AT, null));
        assertSupplyBalanced();
    }

    @Test
    void a_reservation_sets_units_aside_so_the_trade_citing_it_cannot_fail_for_lack_of_units() {
        JsonObject r = object(ok(reserve(Parties.EXCHANGE, "R-1", "HB-U1", CEA, 700)));
        assertThat(r.get("status").getAsString()).isEqualTo("ACTIVE");
        assertThat(available("HB-U1", CEA)).isEqualTo(300);
        assertRejectedWithoutWrites("FORBIDDEN", () -> reserve(HB_U1, "R-2", "HB-U1", CEA, 1));
        assertRejectedWithoutWrites("INSUFFICIENT_HOLDINGS", () -> reserve(Parties.EXCHANGE, "R-2", "HB-U1", CEA, 301));
        // what is reserved cannot be sold, pledged or surrendered around the reservation
        assertRejectedWithoutWrites("UNITS_LOCKED", () -> settle(Parties.EXCHANGE, "HB-U1", "HB-U2", 301));
        ok(settle(Parties.EXCHANGE, "HB-U1", "HB-U2", 300));
        // the seller has nothing else available; the trades citing the reservation still settle
        ok(postDvp("T6", CEA, "HB-U1", "INST-1", 500, "95.50", AT, "R-1"));
        ok(confirm(Parties.BANK, "T6", "c-6", "FT-6"));
        JsonObject single = object(trade("T7", CEA, "HB-U1", "HB-U2", 100, "95.50", "LISTED", AT));
        single.addProperty("reservationId", "R-1");
        assertThat(object(ok(settle(Parties.EXCHANGE, single.toString())))
                        .get("reservationId")
                        .getAsString())
                .isEqualTo("R-1");
        JsonObject left = object(ok(getReservation(Parties.EXCHANGE, "R-1")));
        assertThat(left.get("quantity").getAsLong()).isEqualTo(100);
        assertThat(left.get("filled").getAsLong()).isEqualTo(600);
        assertRejectedWithoutWrites(
                "INSUFFICIENT_HOLDINGS", () -> postDvp("T8", CEA, "HB-U1", "INST-1", 101, "95.50", AT, "R-1"));
        assertRejectedWithoutWrites("BAD_REQUEST", () -> postDvp("T8", CEA, "HB-U2", "INST-1", 1, "95.50", AT, "R-1"));
        // the order is cancelled: the rest is available again
        JsonObject released = object(ok(reduceReservation(Parties.EXCHANGE, "R-1", "red-1", null)));
        assertThat(released.get("status").getAsString()).isEqualTo("RELEASED");
        assertThat(released.get("released").getAsLong()).isEqualTo(100);
        assertThat(available("HB-U1", CEA)).isEqualTo(100);
        assertRejectedWithoutWrites("CONFLICT", () -> reduceReservation(Parties.EXCHANGE, "R-1", "red-2", 1L));
        assertRejectedWithoutWrites("FORBIDDEN", () -> getReservation(GD_U1, "R-1"));
        assertThat(getReservation(HB_U1, "R-1").ok()).isTrue();
        assertSupplyBalanced();
    }

    @Test
    void both_parties_need_a_funds_account_and_a_trade_id_is_one_trade() {
        assertRejectedWithoutWrites(
                "NO_FUNDS_ACCOUNT", () -> postDvp("T9", CEA, "HB-U1", "HB-S1", 1, "95.50", AT, null));
        assertRejectedWithoutWrites("FORBIDDEN", () -> setFundsAccount(Parties.EXCHANGE, "HB-S1", "X"));
        assertRejectedWithoutWrites("BAD_REQUEST", () -> setFundsAccount(Parties.BANK, "PROVINCE-HB", "X"));
        // the bank is its own organisation: the Registry's CA cannot issue a bank
        assertRejectedWithoutWrites(
                "FORBIDDEN", () -> setFundsAccount(Parties.BANK_OF_REGISTRY, "HB-S1", "BANK-HB-S1"));
        ok(setFundsAccount(Parties.BANK, "HB-S1", "BANK-HB-S1"));
        ok(postDvp("T9", CEA, "HB-U1", "HB-S1", 1, "95.50", AT, null));
        assertRejectedWithoutWrites(
                "DUPLICATE_ID",
                () -> settle(Parties.EXCHANGE, trade("T9", CEA, "HB-U1", "HB-S1", 1, "95.50", "LISTED", AT)));
        ok(settle(Parties.EXCHANGE, trade("T10", CEA, "HB-U1", "HB-S1", 1, "95.50", "LISTED", AT)));
        assertRejectedWithoutWrites("DUPLICATE_ID", () -> postDvp("T10", CEA, "HB-U1", "HB-S1", 1, "95.50", AT, null));
        // a certificate of the exchange's organisation cannot claim to be the bank
        TestIdentity fake = TestCerts.identity("ExchangeMSP", "bank", Map.of("role", "SETTLEMENT_BANK"));
        assertRejectedWithoutWrites("FORBIDDEN", () -> confirm(fake, "T9", "c-9", "FT-9"));
    }

    @Test
    void units_trade_cea_institutions_once_admitted_individuals_only_ccer() {
        ok(openAccount(Parties.REGISTRY, json("id", "INST-3", "type", "INSTITUTION", "name", "New Fund")));
        assertRejectedWithoutWrites("NOT_TRADABLE", () -> settle(Parties.EXCHANGE, "HB-U1", "INST-3", 10));
        assertRejectedWithoutWrites("NOT_TRADABLE", () -> settle(Parties.EXCHANGE, "HB-U1", "IND-1", 10));
        JsonObject p = object(ok(position(Parties.EXCHANGE, "INST-3")));
        assertThat(p.get("mayTradeCea").getAsBoolean()).isFalse();
        assertThat(p.get("mayTradeCcer").getAsBoolean()).isTrue();
        assertRejectedWithoutWrites("FORBIDDEN", () -> admit(Parties.EXCHANGE, "INST-3", true));
        assertRejectedWithoutWrites("BAD_REQUEST", () -> admit(Parties.REGISTRY, "IND-1", true));
        assertRejectedWithoutWrites("BAD_REQUEST", () -> admit(Parties.REGISTRY, "HB-U1", true));
        ok(admit(Parties.REGISTRY, "INST-3", true));
        assertThat(object(ok(position(Parties.EXCHANGE, "INST-3")))
                        .get("mayTradeCea")
                        .getAsBoolean())
                .isTrue();
        ok(settle(Parties.EXCHANGE, "HB-U1", "INST-3", 10));
        ok(admit(Parties.REGISTRY, "INST-3", false));
        assertRejectedWithoutWrites("NOT_TRADABLE", () -> settle(Parties.EXCHANGE, "INST-3", "HB-U2", 10));
        assertRejectedWithoutWrites("FORBIDDEN", () -> position(GD_U1, "INST-3"));
    }

    @Test
    void a_reversal_is_a_new_linked_transaction_approved_by_the_registry_and_refused_once_the_units_moved_on() {
        ok(postDvp("T11", CEA, "HB-U1", "HB-U2", 300, "95.50", AT, null));
        ok(confirm(Parties.BANK, "T11", "c-11", "FT-11"));
        ok(settle(Parties.EXCHANGE, trade("T12", CEA, "HB-U1", "INST-1", 200, "95.50", "LISTED", AT)));
        assertRejectedWithoutWrites("FORBIDDEN", () -> requestReversal(Parties.REGISTRY, "rv-1", "T11", "wrong buyer"));
        assertRejectedWithoutWrites("NOT_FOUND", () -> requestReversal(Parties.EXCHANGE, "rv-1", "T99", "typo"));
        JsonObject asked = object(ok(requestReversal(Parties.EXCHANGE, "rv-1", "T11", "wrong buyer")));
        assertThat(asked.get("status").getAsString()).isEqualTo("REQUESTED");
        assertThat(asked.get("reversalId").getAsString()).isEqualTo("R-T11");
        assertRejectedWithoutWrites("CONFLICT", () -> requestReversal(Parties.EXCHANGE, "rv-2", "T11", "again"));
        assertRejectedWithoutWrites("FORBIDDEN", () -> approveReversal(Parties.EXCHANGE, "T11", "ap-1"));
        JsonObject approved = object(ok(approveReversal(Parties.REGISTRY, "T11", "ap-1")));
        assertThat(approved.get("status").getAsString()).isEqualTo("APPROVED");
        assertThat(approved.get("decidedTx").getAsString())
                .isNotEqualTo(approved.get("requestedTx").getAsString());
        assertThat(quantity("HB-U2", CEA)).isZero();
        assertThat(quantity("HB-U1", CEA)).isEqualTo(800);
        // the trade itself is not edited
        assertThat(object(ok(getDvp(Parties.REGISTRY, "T11"))).get("status").getAsString())
                .isEqualTo("SETTLED");

        // INST-1 sold on what it bought: its trade cannot be reversed
        ok(admit(Parties.REGISTRY, "INST-1", true));
        ok(setFundsAccount(Parties.BANK, "INST-2", "BANK-INST-2"));
        ok(settle(Parties.EXCHANGE, trade("T13", CEA, "INST-1", "INST-2", 150, "95.50", "LISTED", AT)));
        ok(requestReversal(Parties.EXCHANGE, "rv-3", "T12", "wrong price"));
        assertRejectedWithoutWrites("CONFLICT", () -> approveReversal(Parties.REGISTRY, "T12", "ap-3"));
        JsonObject refused = object(ok(refuseReversal(Parties.REGISTRY, "T12", "rf-3", "the units have moved on")));
        assertThat(refused.get("status").getAsString()).isEqualTo("REFUSED");
        assertThat(object(ok(getReversal(HB_U1, "T12"))).get("refusal").getAsString())
                .isEqualTo("the units have moved on");
        assertSupplyBalanced();
    }

    @Test
    void the_daily_statement_counts_each_kind_mode_and_status_and_reconciliation_reports_every_difference() {
        ok(postDvp("T20", CEA, "HB-U1", "HB-U2", 100, "95.00", AT, null));
        ok(confirm(Parties.BANK, "T20", "c-20", "FT-20"));
        ok(postDvp("T21", CEA, "HB-U1", "HB-U2", 50, "96.00", AT, null));
        ok(refuse(Parties.BANK, "T21", "r-21", "no funds"));
        ok(postDvp("T22", CEA, "HB-U1", "INST-1", 10, "95.00", AT, null));
        ok(settle(Parties.EXCHANGE, trade("T23", CEA, "HB-U1", "INST-1", 20, "95.00", "LISTED", AT)));
        JsonObject s = object(ok(statement(Parties.BANK, DAY)));
        assertThat(s.getAsJsonArray("trades")).hasSize(4);
        Map<String, String> totals = new TreeMap<>();
        for (JsonElement e : s.getAsJsonArray("totals")) {
            JsonObject t = e.getAsJsonObject();
            totals.put(
                    t.get("kind").getAsString() + "/" + t.get("status").getAsString(),
                    t.get("count").getAsLong() + "/" + t.get("tonnes").getAsLong() + "/"
                            + t.get("amount").getAsString());
        }
        assertThat(totals)
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        "DVP/SETTLED", "1/100/9500.00",
                        "DVP/FAILED", "1/50/4800.00",
                        "DVP/PENDING", "1/10/950.00",
                        "SINGLE_STEP/SETTLED", "1/20/1900.00"));
        assertRejectedWithoutWrites("FORBIDDEN", () -> statement(HB_U1, DAY));

        String exchangeTotals = "{\"requestId\":\"rc-1\",\"totals\":["
                + "{\"kind\":\"DVP\",\"mode\":\"LISTED\",\"status\":\"SETTLED\",\"count\":1,\"tonnes\":100,\"amount\":\"9500.00\"},"
                + "{\"kind\":\"DVP\",\"mode\":\"LISTED\",\"status\":\"FAILED\",\"count\":1,\"tonnes\":50,\"amount\":\"4800.00\"},"
                + "{\"kind\":\"DVP\",\"mode\":\"LISTED\",\"status\":\"PENDING\",\"count\":1,\"tonnes\":10,\"amount\":\"950.00\"},"
                + "{\"kind\":\"SINGLE_STEP\",\"mode\":\"LISTED\",\"status\":\"SETTLED\",\"count\":1,\"tonnes\":20,\"amount\":\"1900.00\"}]}";
        JsonObject ex = object(ok(reconcile(Parties.EXCHANGE, DAY, exchangeTotals)));
        assertThat(ex.get("matches").getAsBoolean()).isTrue();
        assertThat(ex.get("party").getAsString()).isEqualTo("EXCHANGE");
        String bankTotals = "{\"requestId\":\"rc-2\",\"totals\":["
                + "{\"kind\":\"DVP\",\"mode\":\"LISTED\",\"status\":\"SETTLED\",\"count\":1,\"amount\":\"9500.00\"},"
                + "{\"kind\":\"DVP\",\"mode\":\"LISTED\",\"status\":\"FAILED\",\"count\":1,\"amount\":\"4800.00\"},"
                + "{\"kind\":\"DVP\",\"mode\":\"LISTED\",\"status\":\"PENDING\",\"count\":2,\"amount\":\"950.00\"}]}";
        JsonObject bank = object(ok(reconcile(Parties.BANK, DAY, bankTotals)));
        assertThat(bank.get("matches").getAsBoolean()).isFalse();
        // one difference only: the bank counts DvP lines, not the single-step trade it never carried
        assertThat(bank.getAsJsonArray("differences")).hasSize(1);
        assertThat(bank.getAsJsonArray("differences").toString())
                .contains("\"field\":\"count\",\"kind\":\"DVP\"", "\"reported\":\"2\"", "\"statement\":\"1\"");
        assertRejectedWithoutWrites("FORBIDDEN", () -> reconcile(Parties.REGISTRY, DAY, bankTotals));
        assertRejectedWithoutWrites("BAD_REQUEST", () -> reconcile(Parties.BANK, "2025-13-01", bankTotals));
    }
}
