package cn.ets.registry.gateway.secondpart;

import static cn.ets.registry.gateway.testing.HttpAssertions.assertSupplyBalanced;
import static cn.ets.registry.gateway.testing.HttpAssertions.created;
import static cn.ets.registry.gateway.testing.HttpAssertions.ok;
import static org.assertj.core.api.Assertions.assertThat;

import cn.ets.registry.gateway.testing.Json;
import cn.ets.registry.gateway.testing.RegistryClient.Response;
import com.google.gson.JsonObject;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Settlement with the bank over HTTP: POST /dvp, /dvp/{id}/confirm, /refuse, /dvp/cutoff,
 * GET /dvp/{id}, GET /dvp/statements/{day}, POST …/reconciliations, POST /reservations,
 * /reservations/{id}/reduce, GET /reservations/{id}, GET /accounts/{id}/trading,
 * PUT /accounts/{id}/funds-account, PUT /accounts/{id}/admission, POST /reversals,
 * /reversals/{id}/approve, /refuse, GET /reversals/{id}: each with its bad inputs — a clear error in
 * the contract's format, and supply, the accounts and the ledger log unchanged.
 */
class DvpHttpTest extends HttpScenario {
    static final String CEA = "CEA-2024";
    static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    final OffsetDateTime now = OffsetDateTime.now(BEIJING).withNano(0);
    final String day = LocalDate.now(BEIJING).toString();
    String u1;
    String u2;
    String ind;
    String inst;

    DvpHttpTest() {
        super("DV");
    }

    @Override
    void setUp() {
        u1 = unit("HB", "U1");
        u2 = unit("HB", "U2");
        ind = open("registry", "INDIVIDUAL", "DV-IND", null);
        inst = open("registry", "INSTITUTION", "DV-INST", null);
        give(CEA, u1, 5_000);
        for (String holder : List.of(u1, u2)) {
            ok(c.put(
                    "bank",
                    "/api/v1/accounts/" + holder + "/funds-account",
                    Json.obj("requestId", id("fa"), "reference", "6222-" + holder)));
        }
    }

    JsonObject dvp(String tradeId, String seller, String buyer, long q) {
        return Json.obj(
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
                "95.00",
                "mode",
                "LISTED",
                "tradedAt",
                now.minusMinutes(1).toString(),
                "cutOff",
                now.plusHours(2).toString());
    }

    JsonObject with(JsonObject o, Object... kv) {
        JsonObject out = o.deepCopy();
        for (int i = 0; i < kv.length; i += 2) {
            Object v = kv[i + 1];
            if (v == null) {
                out.remove((String) kv[i]);
            } else if (v instanceof String text) {
                out.addProperty((String) kv[i], text);
            } else if (v instanceof Number n) {
                out.addProperty((String) kv[i], n);
            } else {
                out.add((String) kv[i], Json.parse(Json.write(v)));
            }
        }
        return out;
    }

    static Map<String, Object> with(Map<String, Object> m, String key, Object value) {
        Map<String, Object> out = new HashMap<>(m);
        out.put(key, value);
        return out;
    }

    Response postDvp(String who, JsonObject body) {
        return c.post(who, "/api/v1/dvp", body);
    }

    @Test
    void posting_a_dvp_trade_refuses_every_bad_input_and_changes_nothing() {
        JsonObject good = dvp(id("D"), u1, u2, 100);
        rejected(403, "FORBIDDEN", () -> postDvp("bank", good));
        rejected(403, "FORBIDDEN", () -> postDvp(u1, good));
        rejected(400, "BAD_REQUEST", () -> postDvp("exchange", with(good, "price", null)));
        rejected(400, "BAD_REQUEST", () -> postDvp("exchange", with(good, "extra", 1)));
        rejected(400, "INVALID_QUANTITY", () -> postDvp("exchange", with(good, "quantity", 0)));
        rejected(400, "BAD_REQUEST", () -> postDvp("exchange", with(good, "price", "95.001")));
        rejected(400, "BAD_REQUEST", () -> postDvp("exchange", with(good, "tradedAt", "yesterday")));
        rejected(
                400,
                "BAD_REQUEST",
                () -> postDvp("exchange", with(good, "cutOff", now.minusHours(1).toString())));
        rejected(400, "BAD_REQUEST", () -> postDvp("exchange", with(good, "buyer", u1)));
        rejected(404, "NOT_FOUND", () -> postDvp("exchange", with(good, "buyer", "DV-NOBODY")));
        rejected(404, "NOT_FOUND", () -> postDvp("exchange", with(good, "reservationId", "DV-NO-RES")));
        rejected(409, "NO_FUNDS_ACCOUNT", () -> postDvp("exchange", with(good, "buyer", inst)));
        rejected(409, "NOT_TRADABLE", () -> postDvp("exchange", with(good, "buyer", ind)));
        rejected(409, "INSUFFICIENT_HOLDINGS", () -> postDvp("exchange", with(good, "quantity", 5_001)));
        rejected(
                409,
                "DEADLINE_PASSED",
                () -> postDvp(
                        "exchange",
                        with(
                                good,
                                "tradedAt",
                                now.minusDays(2).toString(),
                                "cutOff",
                                now.minusDays(1).toString())));
        JsonObject posted = created(postDvp("exchange", good)).json();
        assertThat(posted.get("status").getAsString()).isEqualTo("POSTED");
        rejected(409, "DUPLICATE_ID", () -> postDvp("exchange", with(good, "quantity", 101)));
        assertThat(created(postDvp("exchange", good)).json().get("replayed").getAsBoolean())
                .isTrue();
        assertSupplyBalanced(c);
    }

    @Test
    void the_banks_steps_and_the_cut_off_refuse_bad_input_and_wrong_callers() {
        String t = id("D");
        created(postDvp("exchange", dvp(t, u1, u2, 50)));
        String confirm = "/api/v1/dvp/" + t + "/confirm";
        rejected(403, "FORBIDDEN", () -> c.post("exchange", confirm, Json.obj("requestId", id("c"), "fundsRef", "F")));
        rejected(403, "FORBIDDEN", () -> c.post(u2, confirm, Json.obj("requestId", id("c"), "fundsRef", "F")));
        rejected(400, "BAD_REQUEST", () -> c.post("bank", confirm, Json.obj("requestId", id("c"), "fundsRef", " ")));
        rejected(400, "BAD_REQUEST", () -> c.post("bank", confirm, Json.obj("fundsRef", "F")));
        rejected(
                404,
                "NOT_FOUND",
                () -> c.post("bank", "/api/v1/dvp/DV-NONE/confirm", Json.obj("requestId", id("c"), "fundsRef", "F")));
        String refuse = "/api/v1/dvp/" + t + "/refuse";
        rejected(400, "BAD_REQUEST", () -> c.post("bank", refuse, Json.obj("requestId", id("r"), "reason", "")));
        rejected(403, "FORBIDDEN", () -> c.post("registry", refuse, Json.obj("requestId", id("r"), "reason", "x")));
        rejected(
                404,
                "NOT_FOUND",
                () -> c.post("bank", "/api/v1/dvp/DV-NONE/refuse", Json.obj("requestId", id("r"), "reason", "x")));
        rejected(
                403,
                "FORBIDDEN",
                () -> c.post("bank", "/api/v1/dvp/cutoff", Json.obj("requestId", id("co"), "day", day)));
        rejected(
                400,
                "BAD_REQUEST",
                () -> c.post("registry", "/api/v1/dvp/cutoff", Json.obj("requestId", id("co"), "day", "2026-02-30")));
        rejected(
                409,
                "DEADLINE_NOT_REACHED",
                () -> c.post("registry", "/api/v1/dvp/cutoff", Json.obj("requestId", id("co"), "day", day)));
        JsonObject settled = ok(c.post("bank", confirm, Json.obj("requestId", id("c"), "fundsRef", "FT-1")))
                .json();
        assertThat(settled.get("status").getAsString()).isEqualTo("SETTLED");
        rejected(409, "CONFLICT", () -> c.post("bank", refuse, Json.obj("requestId", id("r"), "reason", "late")));
        assertThat(ok(c.get(u1, "/api/v1/dvp/" + t)).json().get("status").getAsString())
                .isEqualTo("SETTLED");
        rejected(404, "NOT_FOUND", () -> c.get("exchange", "/api/v1/dvp/DV-NONE"));
        rejected(403, "FORBIDDEN", () -> c.get(ind, "/api/v1/dvp/" + t));
    }

    @Test
    void reservations_refuse_what_the_seller_cannot_set_aside_and_bad_reductions() {
        JsonObject r = Json.obj(
                "reservationId", id("R"), "account", u1, "product", CEA, "quantity", 1_000, "orderRef", "ORD-1");
        rejected(403, "FORBIDDEN", () -> c.post(u1, "/api/v1/reservations", r));
        rejected(400, "BAD_REQUEST", () -> c.post("exchange", "/api/v1/reservations", with(r, "orderRef", "")));
        rejected(400, "INVALID_QUANTITY", () -> c.post("exchange", "/api/v1/reservations", with(r, "quantity", -1)));
        rejected(
                409,
                "INSUFFICIENT_HOLDINGS",
                () -> c.post("exchange", "/api/v1/reservations", with(r, "quantity", 1_000_000)));
        rejected(409, "NOT_TRADABLE", () -> c.post("exchange", "/api/v1/reservations", with(r, "account", ind)));
        rejected(404, "NOT_FOUND", () -> c.post("exchange", "/api/v1/reservations", with(r, "account", "DV-NOBODY")));
        String rid = r.get("reservationId").getAsString();
        created(c.post("exchange", "/api/v1/reservations", r));
        rejected(409, "DUPLICATE_ID", () -> c.post("exchange", "/api/v1/reservations", with(r, "quantity", 2)));
        String reduce = "/api/v1/reservations/" + rid + "/reduce";
        rejected(
                400,
                "INVALID_QUANTITY",
                () -> c.post("exchange", reduce, Json.obj("requestId", id("x"), "quantity", 1_001)));
        rejected(
                400,
                "INVALID_QUANTITY",
                () -> c.post("exchange", reduce, Json.obj("requestId", id("x"), "quantity", 0)));
        rejected(403, "FORBIDDEN", () -> c.post("registry", reduce, Json.obj("requestId", id("x"))));
        rejected(
                404,
                "NOT_FOUND",
                () -> c.post("exchange", "/api/v1/reservations/DV-NONE/reduce", Json.obj("requestId", id("x"))));
        rejected(404, "NOT_FOUND", () -> c.get("exchange", "/api/v1/reservations/DV-NONE"));
        rejected(403, "FORBIDDEN", () -> c.get(u2, "/api/v1/reservations/" + rid));
        assertThat(ok(c.get(u1, "/api/v1/reservations/" + rid))
                        .json()
                        .get("quantity")
                        .getAsLong())
                .isEqualTo(1_000);
        ok(c.post("exchange", reduce, Json.obj("requestId", id("x"), "quantity", 400)));
        JsonObject position =
                ok(c.get("exchange", "/api/v1/accounts/" + u1 + "/trading")).json();
        assertThat(position.get("mayTradeCea").getAsBoolean()).isTrue();
        assertThat(position.get("fundsAccount").getAsString()).isEqualTo("6222-" + u1);
        rejected(404, "NOT_FOUND", () -> c.get("exchange", "/api/v1/accounts/DV-NOBODY/trading"));
        rejected(403, "FORBIDDEN", () -> c.get(u2, "/api/v1/accounts/" + u1 + "/trading"));
        assertSupplyBalanced(c);
    }

    @Test
    void funds_accounts_and_admission_refuse_bad_input_and_wrong_callers() {
        String fa = "/api/v1/accounts/" + u2 + "/funds-account";
        rejected(403, "FORBIDDEN", () -> c.put("exchange", fa, Json.obj("requestId", id("f"), "reference", "X")));
        rejected(400, "BAD_REQUEST", () -> c.put("bank", fa, Json.obj("requestId", id("f"), "reference", " ")));
        rejected(400, "BAD_REQUEST", () -> c.put("bank", fa, Json.obj("requestId", id("f"))));
        rejected(
                400,
                "BAD_REQUEST",
                () -> c.put(
                        "bank",
                        "/api/v1/accounts/PROVINCE-HB/funds-account",
                        Json.obj("requestId", id("f"), "reference", "X")));
        rejected(
                404,
                "NOT_FOUND",
                () -> c.put(
                        "bank",
                        "/api/v1/accounts/DV-NOBODY/funds-account",
                        Json.obj("requestId", id("f"), "reference", "X")));
        String adm = "/api/v1/accounts/" + inst + "/admission";
        JsonObject admit = Json.obj("requestId", id("a"), "admitted", true, "reason", "qualified");
        rejected(403, "FORBIDDEN", () -> c.put("exchange", adm, admit));
        rejected(400, "BAD_REQUEST", () -> c.put("registry", adm, with(admit, "admitted", null)));
        rejected(400, "BAD_REQUEST", () -> c.put("registry", adm, with(admit, "admitted", "yes")));
        rejected(400, "BAD_REQUEST", () -> c.put("registry", "/api/v1/accounts/" + ind + "/admission", admit));
        rejected(400, "BAD_REQUEST", () -> c.put("registry", "/api/v1/accounts/" + u1 + "/admission", admit));
        assertThat(ok(c.put("registry", adm, admit)).json().get("admitted").getAsBoolean())
                .isTrue();
    }

    @Test
    void statements_reconciliations_and_reversals_refuse_bad_input() {
        rejected(400, "BAD_REQUEST", () -> c.get("bank", "/api/v1/dvp/statements/2026-1-1"));
        rejected(403, "FORBIDDEN", () -> c.get(u1, "/api/v1/dvp/statements/" + day));
        String rec = "/api/v1/dvp/statements/" + day + "/reconciliations";
        Map<String, Object> line = Map.of(
                "kind", "DVP", "mode", "LISTED", "status", "SETTLED", "count", 1, "tonnes", 1, "amount", "95.00");
        rejected(
                403,
                "FORBIDDEN",
                () -> c.post("registry", rec, Json.obj("requestId", id("rc"), "totals", List.of(line))));
        // an unknown kind, a negative count, three decimals, an unknown mode
        for (Map<String, Object> bad : List.of(
                with(line, "kind", "SOMETHING"),
                with(line, "count", -1),
                with(line, "amount", "1.001"),
                with(line, "mode", "OTC"))) {
            rejected(
                    400,
                    "BAD_REQUEST",
                    () -> c.post("exchange", rec, Json.obj("requestId", id("rc"), "totals", List.of(bad))));
        }
        rejected(
                400,
                "BAD_REQUEST",
                () -> c.post(
                        "exchange",
                        "/api/v1/dvp/statements/day/reconciliations",
                        Json.obj("requestId", id("rc"), "totals", List.of(line))));

        // reversals
        String t = id("T");
        created(c.post("exchange", "/api/v1/settlements", with(dvp(t, u1, inst, 10), "cutOff", null)));
        rejected(
                403,
                "FORBIDDEN",
                () -> c.post(
                        "registry", "/api/v1/reversals", Json.obj("requestId", id("rv"), "tradeId", t, "reason", "x")));
        rejected(
                400,
                "BAD_REQUEST",
                () -> c.post(
                        "exchange", "/api/v1/reversals", Json.obj("requestId", id("rv"), "tradeId", t, "reason", "")));
        rejected(
                404,
                "NOT_FOUND",
                () -> c.post(
                        "exchange",
                        "/api/v1/reversals",
                        Json.obj("requestId", id("rv"), "tradeId", "DV-NONE", "reason", "x")));
        created(c.post(
                "exchange",
                "/api/v1/reversals",
                Json.obj("requestId", id("rv"), "tradeId", t, "reason", "wrong buyer")));
        rejected(
                404,
                "NOT_FOUND",
                () -> c.post("registry", "/api/v1/reversals/DV-NONE/approve", Json.obj("requestId", id("ap"))));
        rejected(
                403,
                "FORBIDDEN",
                () -> c.post("exchange", "/api/v1/reversals/" + t + "/approve", Json.obj("requestId", id("ap"))));
        rejected(
                400,
                "BAD_REQUEST",
                () -> c.post("registry", "/api/v1/reversals/" + t + "/refuse", Json.obj("requestId", id("rf"))));
        // the buyer moves the units on: the reversal is refused, nothing changes
        created(c.post("exchange", "/api/v1/settlements", with(dvp(id("T"), inst, u2, 10), "cutOff", null)));
        rejected(
                409,
                "CONFLICT",
                () -> c.post("registry", "/api/v1/reversals/" + t + "/approve", Json.obj("requestId", id("ap"))));
        assertThat(ok(c.post(
                                "registry",
                                "/api/v1/reversals/" + t + "/refuse",
                                Json.obj("requestId", id("rf"), "reason", "units moved on")))
                        .json()
                        .get("status")
                        .getAsString())
                .isEqualTo("REFUSED");
        rejected(404, "NOT_FOUND", () -> c.get("exchange", "/api/v1/reversals/DV-NONE"));
        rejected(403, "FORBIDDEN", () -> c.get(ind, "/api/v1/reversals/" + t));
        assertSupplyBalanced(c);
    }
}
