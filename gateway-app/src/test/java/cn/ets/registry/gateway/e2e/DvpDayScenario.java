package cn.ets.registry.gateway.e2e;

import static cn.ets.registry.gateway.testing.HttpAssertions.assertSupplyBalanced;
import static cn.ets.registry.gateway.testing.HttpAssertions.created;
import static cn.ets.registry.gateway.testing.HttpAssertions.expectError;
import static cn.ets.registry.gateway.testing.HttpAssertions.ok;
import static org.assertj.core.api.Assertions.assertThat;

import cn.ets.registry.gateway.testing.Json;
import cn.ets.registry.gateway.testing.RegistryClient;
import cn.ets.registry.gateway.testing.RegistryClient.Response;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * A settlement day with the settlement bank, end to end through the REST contract, the same on
 * both ledgers (the exchange, the bank and the registry each through their own gateway on Fabric):
 * admission and funds accounts, a sell order's reservation, DvP trades (two confirmed, one refused by
 * the bank, one failed at the cut-off), a single-step trade from the same reservation, the order's
 * cancellation, a reversal approved by the registry, the daily statement, and the exchange's and the
 * bank's reconciliations (the bank's with one difference). Trades are of today (Beijing), on the
 * ledger's wall clock.
 */
public final class DvpDayScenario {
    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    private static final String CEA = "CEA-2024";
    private final RegistryClient api;
    private final String run = UUID.randomUUID().toString().substring(0, 6);
    private final String s1 = "HB-DVP1-" + run;
    private final String s2 = "HB-DVP2-" + run;
    private final String fund = "FUND-DVP-" + run;
    private final String person = "IND-DVP-" + run;
    private final OffsetDateTime now = OffsetDateTime.now(BEIJING).withNano(0);
    private final String day = LocalDate.now(BEIJING).toString();

    public DvpDayScenario(RegistryClient api) {
        this.api = api;
    }

    private String id(String s) {
        return s + "-" + run;
    }

    public void run() throws Exception {
        // Accounts and units: two units of Hubei, an institution, an individual.
        open("province-HB", s1, "UNIT", "\"province\":\"HB\",\"sector\":\"POWER\"");
        open("province-HB", s2, "UNIT", "\"province\":\"HB\",\"sector\":\"POWER\"");
        open("registry", fund, "INSTITUTION", null);
        open("registry", person, "INDIVIDUAL", null);
        created(api.post(
                "mee", "/api/v1/issuances", Json.obj("requestId", id("iss"), "product", CEA, "quantity", 15_000)));
        created(api.post("mee", "/api/v1/distributions", dist("d0", "MEE", "PROVINCE-HB", 15_000)));
        created(api.post("province-HB", "/api/v1/distributions", dist("d1", "PROVINCE-HB", s1, 10_000)));
        created(api.post("province-HB", "/api/v1/distributions", dist("d2", "PROVINCE-HB", s2, 5_000)));

        // Admission (003 §2.2.6): the institution once admitted; the individual trades CCER only.
        JsonObject fundBefore =
                ok(api.get("exchange", "/api/v1/accounts/" + fund + "/trading")).json();
        assertThat(fundBefore.get("mayTradeCea").getAsBoolean()).isFalse();
        ok(api.put(
                "registry",
                "/api/v1/accounts/" + fund + "/admission",
                Json.obj("requestId", id("adm"), "admitted", true, "reason", "qualified investor")));
        JsonObject ind = ok(api.get("exchange", "/api/v1/accounts/" + person + "/trading"))
                .json();
        assertThat(ind.get("mayTradeCea").getAsBoolean()).isFalse();
        assertThat(ind.get("mayTradeCcer").getAsBoolean()).isTrue();
        expectError(
                api.post("exchange", "/api/v1/settlements", trade("T-IND", s1, person, 10, "95.00", null)),
                409,
                "NOT_TRADABLE");

        // The bank records the funds accounts.
        for (String holder : List.of(s1, s2, fund)) {
            ok(api.put(
                    "bank",
                    "/api/v1/accounts/" + holder + "/funds-account",
                    Json.obj("requestId", id("fa-" + holder), "reference", "6222-" + holder)));
        }

        // A sell order of 4,000 t: reserved; the exchange sees what remains available.
        created(api.post(
                "exchange",
                "/api/v1/reservations",
                Json.obj(
                        "reservationId",
                        id("R1"),
                        "account",
                        s1,
                        "product",
                        CEA,
                        "quantity",
                        4_000,
                        "orderRef",
                        id("ORD-1"))));
        assertThat(available(s1)).isEqualTo(6_000);

        // DvP trades: two fill the order, one from S2's free units, one with a cut-off 20 s away.
        post(trade(id("D1"), s1, fund, 1_000, "95.00", id("R1")));
        post(trade(id("D2"), s1, s2, 500, "96.00", id("R1")));
        post(trade(id("D3"), s2, fund, 300, "95.50", null));
        JsonObject d4 = trade(id("D4"), s2, fund, 200, "95.00", null);
        OffsetDateTime d4CutOff = OffsetDateTime.now(BEIJING).plusSeconds(20).withNano(0);
        d4.addProperty("cutOff", d4CutOff.toString());
        post(d4);
        // a single-step trade (its funds settled by the exchange) from the same reservation
        JsonObject t1 = trade(id("T1"), s1, s2, 100, "95.00", id("R1"));
        assertThat(created(api.post("exchange", "/api/v1/settlements", t1)).str("status"))
                .isEqualTo("SETTLED");
        assertThat(available(s2)).isEqualTo(5_000 - 300 - 200 + 100);

        // The bank: D1 and D2 confirmed (delivered in the same transaction), D3 refused.
        JsonObject d1 = confirm(id("D1"), "c1");
        assertThat(d1.get("status").getAsString()).isEqualTo("SETTLED");
        assertThat(d1.get("fundsConfirmed").getAsBoolean()).isTrue();
        Response again = api.post(
                "bank",
                "/api/v1/dvp/" + id("D1") + "/confirm",
                Json.obj("requestId", id("c1"), "fundsRef", "FT-" + id("D1")));
        assertThat(ok(again).json().get("replayed").getAsBoolean()).isTrue();
        confirm(id("D2"), "c2");
        JsonObject d3 = ok(api.post(
                        "bank",
                        "/api/v1/dvp/" + id("D3") + "/refuse",
                        Json.obj("requestId", id("r3"), "reason", "buyer's funds insufficient")))
                .json();
        assertThat(d3.get("failure").getAsString()).isEqualTo("BANK_REFUSED");

        // D4's cut-off passes unconfirmed: the registry closes the day, D4 fails and its units return.
        long wait = Duration.between(OffsetDateTime.now(BEIJING), d4CutOff).toMillis() + 1_500;
        if (wait > 0) {
            Thread.sleep(wait);
        }
        JsonObject closed = ok(api.post("registry", "/api/v1/dvp/cutoff", Json.obj("requestId", id("co"), "day", day)))
                .json();
        assertThat(closed.getAsJsonArray("failed").toString()).contains(id("D4"), "CUT_OFF");
        expectError(
                api.post(
                        "bank",
                        "/api/v1/dvp/" + id("D4") + "/confirm",
                        Json.obj("requestId", id("c4"), "fundsRef", "FT-D4")),
                409,
                "CONFLICT");

        // The rest of the order is cancelled: 4,000 − 1,000 − 500 − 100 = 2,400 t available again.
        JsonObject released = ok(api.post(
                        "exchange", "/api/v1/reservations/" + id("R1") + "/reduce", Json.obj("requestId", id("red"))))
                .json();
        assertThat(released.get("released").getAsLong()).isEqualTo(2_400);
        assertThat(released.get("status").getAsString()).isEqualTo("RELEASED");

        // D2 went to the wrong buyer: the exchange asks, the registry approves, a linked transaction.
        created(api.post(
                "exchange",
                "/api/v1/reversals",
                Json.obj("requestId", id("rv"), "tradeId", id("D2"), "reason", "wrong counterparty")));
        JsonObject reversed = ok(api.post(
                        "registry", "/api/v1/reversals/" + id("D2") + "/approve", Json.obj("requestId", id("ap"))))
                .json();
        assertThat(reversed.get("status").getAsString()).isEqualTo("APPROVED");
        assertThat(reversed.get("reversalId").getAsString()).isEqualTo("R-" + id("D2"));

        // Where the units are: S1 10,000 − 1,000 − 500 − 100 + 500; S2 5,000 + 500 + 100 − 500; the fund 1,000.
        assertThat(quantity(s1)).isEqualTo(8_900);
        assertThat(quantity(s2)).isEqualTo(5_100);
        assertThat(quantity(fund)).isEqualTo(1_000);
        assertThat(available(s1)).isEqualTo(8_900);
        assertThat(available(s2)).isEqualTo(5_100);
        assertSupplyBalanced(api);

        // The daily statement: this run's lines, and the totals the exchange and the bank keep.
        JsonObject statement =
                ok(api.get("bank", "/api/v1/dvp/statements/" + day)).json();
        Map<String, String> mine = new TreeMap<>();
        for (JsonElement e : statement.getAsJsonArray("trades")) {
            JsonObject l = e.getAsJsonObject();
            if (l.get("tradeId").getAsString().endsWith(run)) {
                mine.put(
                        l.get("tradeId").getAsString(),
                        l.get("kind").getAsString() + "/" + l.get("status").getAsString() + "/"
                                + l.get("quantity").getAsLong() + "/"
                                + l.get("amount").getAsString());
            }
        }
        assertThat(mine)
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        id("D1"),
                        "DVP/SETTLED/1000/95000.00",
                        id("D2"),
                        "DVP/SETTLED/500/48000.00",
                        id("D3"),
                        "DVP/FAILED/300/28650.00",
                        id("D4"),
                        "DVP/FAILED/200/19000.00",
                        id("T1"),
                        "SINGLE_STEP/SETTLED/100/9500.00",
                        "R-" + id("D2"),
                        "DVP/REVERSED/500/48000.00"));

        // Reconciliations: the exchange's totals are the statement's; the bank missed the cut-off failure.
        List<JsonObject> totals = new ArrayList<>();
        for (JsonElement e : statement.getAsJsonArray("totals")) {
            totals.add(e.getAsJsonObject());
        }
        JsonObject exchange = created(api.post(
                        "exchange",
                        "/api/v1/dvp/statements/" + day + "/reconciliations",
                        Json.obj("requestId", id("rc-x"), "totals", totals)))
                .json();
        assertThat(exchange.get("matches").getAsBoolean()).as("%s", exchange).isTrue();
        List<JsonObject> bankTotals = new ArrayList<>();
        for (JsonObject t : totals) {
            if (!t.get("kind").getAsString().equals("DVP")) {
                continue;
            }
            JsonObject b = t.deepCopy();
            b.remove("tonnes");
            if (t.get("status").getAsString().equals("FAILED")) {
                b.addProperty("count", t.get("count").getAsLong() - 1);
                b.addProperty(
                        "amount",
                        t.getAsJsonPrimitive("amount")
                                .getAsBigDecimal()
                                .subtract(new BigDecimal("19000.00"))
                                .toPlainString());
            }
            bankTotals.add(b);
        }
        JsonObject bank = created(api.post(
                        "bank",
                        "/api/v1/dvp/statements/" + day + "/reconciliations",
                        Json.obj("requestId", id("rc-b"), "totals", bankTotals)))
                .json();
        assertThat(bank.get("matches").getAsBoolean()).isFalse();
        assertThat(bank.getAsJsonArray("differences")).hasSize(2); // the count and the amount of FAILED
        assertThat(bank.getAsJsonArray("differences").toString()).contains("FAILED", "count", "amount");
    }

    private JsonObject confirm(String tradeId, String req) {
        return ok(api.post(
                        "bank",
                        "/api/v1/dvp/" + tradeId + "/confirm",
                        Json.obj("requestId", id(req), "fundsRef", "FT-" + tradeId)))
                .json();
    }

    /** Posts a DvP trade; its cut-off two hours ahead unless it names one. */
    private void post(JsonObject trade) {
        if (!trade.has("cutOff")) {
            trade.addProperty("cutOff", now.plusHours(2).toString());
        }
        JsonObject r = created(api.post("exchange", "/api/v1/dvp", trade)).json();
        assertThat(r.get("status").getAsString()).isEqualTo("POSTED");
    }

    private long available(String account) {
        return line(account).get("available").getAsLong();
    }

    private long quantity(String account) {
        return line(account).get("quantity").getAsLong();
    }

    private JsonObject line(String account) {
        for (JsonElement e : ok(api.get("exchange", "/api/v1/accounts/" + account + "/trading"))
                .json()
                .getAsJsonArray("holdings")) {
            if (e.getAsJsonObject().get("product").getAsString().equals(CEA)) {
                return e.getAsJsonObject();
            }
        }
        return Json.obj("product", CEA, "quantity", 0, "available", 0);
    }

    private JsonObject trade(String tradeId, String seller, String buyer, long q, String price, String reservationId) {
        JsonObject t = Json.obj(
                "tradeId",
                tradeId,
                "product",
                CEA,
                "seller",
                seller,
                "buyer",
                buyer,
                "quantity",
                q,
                "price",
                price,
                "mode",
                "LISTED",
                "tradedAt",
                now.minusMinutes(1).toString());
        if (reservationId != null) {
            t.addProperty("reservationId", reservationId);
        }
        return t;
    }

    private JsonObject dist(String req, String from, String to, long q) {
        return Json.obj("requestId", id(req), "product", CEA, "from", from, "to", to, "quantity", q);
    }

    private void open(String opener, String accountId, String type, String extra) {
        Response r = api.post(
                opener,
                "/api/v1/accounts",
                "{\"id\":\"" + accountId + "\",\"type\":\"" + type + "\",\"name\":\"" + accountId + "\""
                        + (extra == null ? "" : "," + extra) + "}");
        created(r);
        api.addIdentity(accountId, r.str("token"), opener);
    }
}
