package cn.ets.registry.gateway.secondpart;

import static cn.ets.registry.gateway.testing.HttpAssertions.created;
import static cn.ets.registry.gateway.testing.HttpAssertions.ok;
import static org.assertj.core.api.Assertions.assertThat;

import cn.ets.registry.gateway.testing.Json;
import cn.ets.registry.gateway.testing.RegistryClient.Response;
import com.google.gson.JsonObject;
import java.time.YearMonth;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/**
 * POST /deposits and GET /deposits/{unitId}/{month}[?sha256=]. The gateway stamps deposits with the
 * real clock, so months are taken relative to today in Beijing: last month is within its 40 days,
 * three months ago is not, this month has not ended.
 */
class DepositsHttpTest extends HttpScenario {
    static final String SHA = "c".repeat(64);
    static final String SM3 = "fedcba9876543210".repeat(4);
    static final String OTHER = "d".repeat(64);
    static final YearMonth THIS_MONTH = YearMonth.now(ZoneId.of("Asia/Shanghai"));
    String u1;
    String u2;

    DepositsHttpTest() {
        super("DP");
    }

    @Override
    void setUp() {
        u1 = unit("HB", "U1");
        u2 = unit("GD", "U2");
    }

    Response deposit(String who, String unit, YearMonth month, String sha, String sm3) {
        return c.post(
                who,
                "/api/v1/deposits",
                Json.obj("unitId", unit, "month", month.toString(), "sha256", sha, "sm3", sm3));
    }

    @Test
    void a_unit_deposits_last_months_digests_on_time_and_anyone_checks_a_document_against_them() {
        YearMonth month = THIS_MONTH.minusMonths(1);
        JsonObject r = created(deposit(u1, u1, month, SHA, SM3)).json();
        assertThat(r.get("late").getAsBoolean()).isFalse();
        assertThat(r.get("recordedAt").getAsString()).isNotBlank();
        String path = "/api/v1/deposits/" + u1 + "/" + month;
        JsonObject read = ok(c.get("auditor", path)).json();
        assertThat(read.get("sha256").getAsString()).isEqualTo(SHA);
        assertThat(read.get("sm3").getAsString()).isEqualTo(SM3);
        assertThat(read.get("recordedAt").getAsString())
                .isEqualTo(r.get("recordedAt").getAsString());
        assertThat(read.has("matches")).isFalse();
        assertThat(ok(c.get(u2, path + "?sha256=" + SHA)).json().get("matches").getAsBoolean())
                .isTrue();
        assertThat(ok(c.get("exchange", path + "?sha256=" + OTHER))
                        .json()
                        .get("matches")
                        .getAsBoolean())
                .isFalse();
        assertThat(c.get("auditor", path + "?sha256=xyz").status()).isEqualTo(400);
    }

    @Test
    void a_deposit_after_the_40_day_window_is_flagged_late() {
        JsonObject r =
                created(deposit(u1, u1, THIS_MONTH.minusMonths(3), SHA, SM3)).json();
        assertThat(r.get("late").getAsBoolean()).isTrue();
    }

    @Test
    void a_deposit_is_never_rewritten() {
        YearMonth month = THIS_MONTH.minusMonths(2);
        JsonObject first = created(deposit(u2, u2, month, SHA, SM3)).json();
        Response again = created(deposit(u2, u2, month, SHA, SM3));
        assertThat(again.replayed()).isTrue();
        assertThat(again.json().get("recordedAt").getAsString())
                .isEqualTo(first.get("recordedAt").getAsString());
        rejected(409, "ALREADY_EXISTS", () -> deposit(u2, u2, month, OTHER, SM3));
        assertThat(ok(c.get("auditor", "/api/v1/deposits/" + u2 + "/" + month))
                        .json()
                        .get("sha256")
                        .getAsString())
                .isEqualTo(SHA);
    }

    @Test
    void bad_deposits_are_refused_and_change_nothing() {
        YearMonth month = THIS_MONTH.minusMonths(4);
        for (String body : new String[] {"", "{\"unitId\":", "[]"}) {
            rejected(400, "BAD_REQUEST", () -> c.send("POST", "/api/v1/deposits", bearer(u1), body));
        }
        JsonObject valid = Json.obj("unitId", u1, "month", month.toString(), "sha256", SHA, "sm3", SM3);
        for (String field : new String[] {"unitId", "month", "sha256", "sm3"}) {
            rejected(400, "BAD_REQUEST", () -> c.post(u1, "/api/v1/deposits", Json.without(valid, field)));
        }
        rejected(
                400,
                "BAD_REQUEST",
                () -> c.post(u1, "/api/v1/deposits", Json.with(valid, "sha256", SHA.toUpperCase())));
        rejected(400, "BAD_REQUEST", () -> c.post(u1, "/api/v1/deposits", Json.with(valid, "sm3", "abc")));
        rejected(400, "BAD_REQUEST", () -> c.post(u1, "/api/v1/deposits", Json.with(valid, "month", "2025-13")));
        rejected(400, "BAD_REQUEST", () -> deposit(u1, u1, THIS_MONTH, SHA, SM3));
        for (String who : new String[] {u2, "province-HB", "registry", "mee"}) {
            rejected(403, "FORBIDDEN", () -> c.post(who, "/api/v1/deposits", valid));
        }
        rejected(401, "UNAUTHENTICATED", () -> c.send("POST", "/api/v1/deposits", "Bearer x", Json.write(valid)));
        assertThat(c.get("auditor", "/api/v1/deposits/" + u1 + "/" + month).status())
                .isEqualTo(404);
        assertThat(c.get("auditor", "/api/v1/deposits/" + u1 + "/2025-4").status())
                .isEqualTo(400);
    }
}
