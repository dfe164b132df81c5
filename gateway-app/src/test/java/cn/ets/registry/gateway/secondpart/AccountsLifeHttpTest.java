package cn.ets.registry.gateway.secondpart;

import static cn.ets.registry.gateway.testing.HttpAssertions.created;
import static cn.ets.registry.gateway.testing.HttpAssertions.ok;
import static org.assertj.core.api.Assertions.assertThat;

import cn.ets.registry.gateway.testing.Json;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Accounts as provinces and units live them: GET /accounts (search), GET /accounts/{id}/statement,
 * POST /accounts/{id}/measures, /measures/{id}/lift, GET /accounts/{id}/measures, POST
 * /accounts/{id}/succession, closing with CLOSURE_PENDING, a province returning units to MEE — each
 * with its bad inputs refused and nothing changed. CEA-2024 and the 2024 year (open on this gateway).
 */
class AccountsLifeHttpTest extends HttpScenario {
    static final String CEA = "CEA-2024";
    String u1;
    String u2;
    String u3;
    String gd;
    String u5;

    AccountsLifeHttpTest() {
        super("AC");
    }

    @Override
    void setUp() {
        u1 = unit("HB", "U1");
        u2 = unit("HB", "U2");
        u3 = unit("HB", "U3");
        gd = unit("GD", "U4");
        u5 = unit("HB", "U5");
        give(CEA, u5, 700);
        give(CEA, u1, 2_000);
        give(CEA, u2, 1_000);
        give(CEA, u3, 500);
    }

    private static List<String> ids(JsonObject list) {
        List<String> out = new ArrayList<>();
        for (JsonElement e : list.getAsJsonArray("accounts")) {
            out.add(e.getAsJsonObject().get("id").getAsString());
        }
        return out;
    }

    @Test
    void a_province_searches_its_accounts_and_bad_searches_are_refused() {
        List<String> hb = ids(
                ok(c.get("province-HB", "/api/v1/accounts?type=UNIT&q=HB-AC-")).json());
        assertThat(hb).contains(u1, u2).doesNotContain(gd);
        assertThat(ids(ok(c.get("mee", "/api/v1/accounts?q=ac-u4")).json())).containsExactly(gd);
        JsonObject withYear =
                ok(c.get("registry", "/api/v1/accounts?q=" + u1 + "&year=2024")).json();
        assertThat(withYear.getAsJsonArray("accounts").get(0).getAsJsonObject().has("holdings"))
                .isTrue();
        assertThat(c.get("province-HB", "/api/v1/accounts?province=GD").code()).isEqualTo("FORBIDDEN");
        assertThat(c.get(u1, "/api/v1/accounts").code()).isEqualTo("FORBIDDEN");
        assertThat(c.get("exchange", "/api/v1/accounts").code()).isEqualTo("FORBIDDEN");
        assertThat(c.get("mee", "/api/v1/accounts?type=BANK").status()).isEqualTo(400);
        assertThat(c.get("mee", "/api/v1/accounts?status=OPEN").status()).isEqualTo(400);
        assertThat(c.get("mee", "/api/v1/accounts?year=19").status()).isEqualTo(400);
        assertThat(c.get("mee", "/api/v1/accounts?year=twenty").status()).isEqualTo(400);
        assertThat(c.send("GET", "/api/v1/accounts", null, null).status()).isEqualTo(401);
    }

    @Test
    void a_holder_reads_its_statement_of_a_period_and_strangers_may_not() {
        JsonObject s = ok(c.get(u3, "/api/v1/accounts/" + u3 + "/statement")).json();
        assertThat(s.getAsJsonArray("movements")).hasSizeGreaterThanOrEqualTo(1);
        JsonObject first = s.getAsJsonArray("movements").get(0).getAsJsonObject();
        assertThat(first.get("function").getAsString()).isEqualTo("distribution:distribute");
        assertThat(first.get("counterparty").getAsString()).isEqualTo("PROVINCE-HB");
        assertThat(ok(c.get("province-HB", "/api/v1/accounts/" + u3 + "/statement?from=2000-01-01&to=2000-12-31"))
                        .json()
                        .getAsJsonArray("movements"))
                .isEmpty();
        assertThat(c.get(u1, "/api/v1/accounts/" + u3 + "/statement").code()).isEqualTo("FORBIDDEN");
        assertThat(c.get("province-GD", "/api/v1/accounts/" + u3 + "/statement").code())
                .isEqualTo("FORBIDDEN");
        assertThat(c.get(u3, "/api/v1/accounts/" + u3 + "/statement?from=2026-02-30")
                        .status())
                .isEqualTo(400);
        assertThat(c.get(u3, "/api/v1/accounts/" + u3 + "/statement?from=2026-02-01&to=2026-01-01")
                        .status())
                .isEqualTo(400);
        assertThat(c.get("registry", "/api/v1/accounts/AC-NOBODY/statement").status())
                .isEqualTo(404);
    }

    @Test
    void the_registry_takes_typed_measures_and_lifts_them_and_bad_measures_change_nothing() {
        String path = "/api/v1/accounts/" + u2 + "/measures";
        JsonObject m = Json.obj(
                "requestId",
                id("m"),
                "measure",
                "CANCEL_TRADING_QUALIFICATION",
                "reason",
                "wash trades",
                "legalBasis",
                "碳排放权交易管理规则（试行）第二十九条");
        rejected(403, "FORBIDDEN", () -> c.post("mee", path, m));
        rejected(403, "FORBIDDEN", () -> c.post("province-HB", path, m));
        rejected(400, "BAD_REQUEST", () -> c.post("registry", path, Json.with(m, "measure", "FINE")));
        rejected(400, "BAD_REQUEST", () -> c.post("registry", path, Json.without(m, "legalBasis")));
        rejected(400, "BAD_REQUEST", () -> c.post("registry", path, Json.with(m, "functions", List.of("TRADE"))));
        rejected(
                400,
                "BAD_REQUEST",
                () -> c.post(
                        "registry",
                        path,
                        Json.with(Json.with(m, "measure", "RESTRICT_FUNCTIONS"), "functions", List.of())));
        rejected(404, "NOT_FOUND", () -> c.post("registry", "/api/v1/accounts/AC-NOBODY/measures", m));
        rejected(403, "FORBIDDEN", () -> c.post("registry", "/api/v1/accounts/PROVINCE-HB/measures", m));
        JsonObject applied = created(c.post("registry", path, m)).json();
        String measureId = applied.getAsJsonObject("measure").get("measureId").getAsString();
        assertThat(applied.getAsJsonObject("account").get("status").getAsString())
                .isEqualTo("ACTIVE");
        assertThat(c.account(u2).get("tradingQualified").getAsBoolean()).isFalse();
        assertThat(ok(c.get(u2, path)).json().getAsJsonArray("measures")).hasSize(1);
        assertThat(c.get(u1, path).code()).isEqualTo("FORBIDDEN");

        String lift = path + "/" + measureId + "/lift";
        rejected(403, "FORBIDDEN", () -> c.post("mee", lift, Json.obj("requestId", id("l"), "reason", "ok")));
        rejected(400, "BAD_REQUEST", () -> c.post("registry", lift, Json.obj("requestId", id("l"))));
        rejected(
                404,
                "NOT_FOUND",
                () -> c.post("registry", path + "/M-NOPE/lift", Json.obj("requestId", id("l"), "reason", "x")));
        ok(c.post("registry", lift, Json.obj("requestId", id("l"), "reason", "corrected")));
        assertThat(c.account(u2).get("tradingQualified").getAsBoolean()).isTrue();
        rejected(409, "CONFLICT", () -> c.post("registry", lift, Json.obj("requestId", id("l"), "reason", "again")));
    }

    @Test
    void a_unit_with_units_left_is_closure_pending_until_empty() {
        JsonObject pending = ok(c.put(
                        "registry",
                        "/api/v1/accounts/" + u3 + "/status",
                        Json.obj("status", "CLOSED", "reason", "ceased")))
                .json();
        assertThat(pending.get("status").getAsString()).isEqualTo("CLOSURE_PENDING");
        assertThat(pending.getAsJsonArray("closurePending").toString()).contains("HOLDING", "500");
        rejected(
                400,
                "BAD_REQUEST",
                () -> c.put(
                        "registry",
                        "/api/v1/accounts/" + u3 + "/status",
                        Json.obj("status", "CLOSURE_PENDING", "reason", "x")));
        created(c.post(
                u3,
                "/api/v1/cancellations",
                Json.obj(
                        "requestId",
                        id("cx"),
                        "account",
                        u3,
                        "product",
                        CEA,
                        "quantity",
                        500,
                        "purpose",
                        "wind-down")));
        assertThat(ok(c.put(
                                "registry",
                                "/api/v1/accounts/" + u3 + "/status",
                                Json.obj("status", "CLOSED", "reason", "ceased")))
                        .json()
                        .get("status")
                        .getAsString())
                .isEqualTo("CLOSED");
    }

    @Test
    void the_province_hands_a_unit_over_to_its_successor_and_bad_handovers_change_nothing() {
        String path = "/api/v1/accounts/" + u5 + "/succession";
        JsonObject s = Json.obj("requestId", id("s"), "successor", u1, "reason", "MERGER", "note", "merger 2026-07");
        rejected(403, "FORBIDDEN", () -> c.post("province-GD", path, s));
        rejected(403, "FORBIDDEN", () -> c.post("registry", path, s));
        rejected(403, "FORBIDDEN", () -> c.post("province-HB", path, Json.with(s, "successor", gd)));
        rejected(400, "BAD_REQUEST", () -> c.post("province-HB", path, Json.with(s, "successor", u5)));
        rejected(400, "BAD_REQUEST", () -> c.post("province-HB", path, Json.with(s, "reason", "LOVE")));
        rejected(404, "NOT_FOUND", () -> c.post("province-HB", path, Json.with(s, "successor", "HB-AC-NOBODY")));
        long before = c.holding(u1, CEA);
        long theirs = c.holding(u5, CEA);
        JsonObject r = created(c.post("province-HB", path, s)).json();
        assertThat(r.get("predecessor").getAsString()).isEqualTo(u5);
        assertThat(c.holding(u1, CEA)).isEqualTo(before + theirs);
        assertThat(c.account(u5).get("status").getAsString()).isEqualTo("CLOSED");
        rejected(409, "ACCOUNT_NOT_ACTIVE", () -> c.post("province-HB", path, Json.with(s, "requestId", id("s"))));
    }

    @Test
    void a_province_returns_unallocated_units_to_mee() {
        long mee = c.holding("MEE", CEA);
        JsonObject back =
                Json.obj("requestId", id("r"), "product", CEA, "from", "PROVINCE-HB", "to", "MEE", "quantity", 1);
        rejected(403, "FORBIDDEN", () -> c.post("province-GD", "/api/v1/distributions", back));
        rejected(403, "FORBIDDEN", () -> c.post("province-HB", "/api/v1/distributions", Json.with(back, "from", u1)));
        give(CEA, "PROVINCE-HB", 10);
        created(c.post("province-HB", "/api/v1/distributions", back));
        assertThat(c.holding("MEE", CEA)).isEqualTo(mee + 1);
    }
}
