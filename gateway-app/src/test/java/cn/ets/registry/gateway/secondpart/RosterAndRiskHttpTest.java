package cn.ets.registry.gateway.secondpart;

import static cn.ets.registry.gateway.testing.HttpAssertions.created;
import static cn.ets.registry.gateway.testing.HttpAssertions.ok;
import static org.assertj.core.api.Assertions.assertThat;

import cn.ets.registry.gateway.testing.Json;
import cn.ets.registry.gateway.testing.RegistryClient.Response;
import cn.ets.registry.gateway.testing.TestCalendar;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * POST /roster, GET /roster/{year}, POST /emissions with an estimate, GET /compliance-risk/{year}
 * and /{year}/{unitId}, POST /compliance/{year}/warnings — on vintage 2029, which MEE publishes here
 * (a copy of 2024) with its emissions deadline 10 days ahead, inside the 30 warning days.
 */
class RosterAndRiskHttpTest extends HttpScenario {
    static final int YEAR = 2029;
    String u1;
    String u2;
    String gd;

    RosterAndRiskHttpTest() {
        super("RR");
    }

    @Override
    void setUp() {
        TestCalendar.deadlines(
                c,
                "2029",
                "2024",
                TestCalendar.today().plusDays(10),
                TestCalendar.today().plusDays(40));
        u1 = unit("HB", "U1");
        u2 = unit("HB", "U2");
        gd = unit("GD", "U3");
        give("CEA-2029", u1, 3_000);
        created(enlist(u1, 50_000));
        created(enlist(u2, 26_000));
        created(emissions(u1, YEAR, 5_000));
    }

    JsonObject enlistBody(String unit, long q) {
        return Json.obj("requestId", id("ros"), "year", YEAR, "unitId", unit, "qualifyingEmissions", q);
    }

    Response enlist(String unit, long q) {
        return c.post("province-" + unit.substring(0, 2), "/api/v1/roster", enlistBody(unit, q));
    }

    private static Map<String, JsonObject> byUnit(JsonObject withUnits) {
        Map<String, JsonObject> out = new HashMap<>();
        for (JsonElement e : withUnits.getAsJsonArray("units")) {
            out.put(e.getAsJsonObject().get("unitId").getAsString(), e.getAsJsonObject());
        }
        return out;
    }

    @Test
    void the_roster_is_public_per_year_and_province_and_lists_what_each_unit_recorded() {
        Map<String, JsonObject> hb =
                byUnit(ok(c.get("auditor", "/api/v1/roster/2029?province=HB")).json());
        assertThat(hb).containsOnlyKeys(u1, u2);
        assertThat(hb.get(u1).get("emissions").getAsString()).isEqualTo("VERIFIED");
        assertThat(hb.get(u2).get("emissions").getAsString())
                .as("until the estimate of another test")
                .isIn("MISSING", "ESTIMATED");
        assertThat(hb.get(u2).get("qualifyingEmissions").getAsLong()).isEqualTo(26_000);
        assertThat(ok(c.get("exchange", "/api/v1/roster/2029"))
                        .json()
                        .get("threshold")
                        .getAsLong())
                .isEqualTo(26_000);
        assertThat(c.get("auditor", "/api/v1/roster/2029?province=hubei").status())
                .isEqualTo(400);
        assertThat(c.get("auditor", "/api/v1/roster/20x9").status()).isEqualTo(400);
        assertThat(c.get("auditor", "/api/v1/roster/2040").code()).isEqualTo("PARAMETERS_NOT_PUBLISHED");
    }

    @Test
    void bad_listings_are_refused_and_change_nothing() {
        String path = "/api/v1/roster";
        rejected(409, "NOT_A_KEY_EMITTER", () -> c.post("province-GD", path, enlistBody(gd, 25_999)));
        rejected(409, "ALREADY_EXISTS", () -> c.post("province-HB", path, enlistBody(u1, 50_000)));
        rejected(403, "FORBIDDEN", () -> c.post("province-GD", path, enlistBody(u2, 50_000)));
        rejected(403, "FORBIDDEN", () -> c.post("mee", path, enlistBody(gd, 50_000)));
        rejected(403, "FORBIDDEN", () -> c.post(u2, path, enlistBody(u2, 50_000)));
        rejected(404, "NOT_FOUND", () -> c.post("province-HB", path, enlistBody("HB-RR-NOBODY", 50_000)));
        rejected(400, "INVALID_QUANTITY", () -> c.post("province-GD", path, enlistBody(gd, -1)));
        rejected(
                400, "BAD_REQUEST", () -> c.post("province-GD", path, Json.with(enlistBody(gd, 30_000), "year", 1999)));
        rejected(400, "BAD_REQUEST", () -> c.post("province-GD", path, Json.without(enlistBody(gd, 30_000), "unitId")));
        rejected(400, "BAD_REQUEST", () -> c.send("POST", path, bearer("province-GD"), "{\"requestId\":"));
        rejected(401, "UNAUTHENTICATED", () -> c.send("POST", path, null, Json.write(enlistBody(gd, 30_000))));
        rejected(
                409,
                "PARAMETERS_NOT_PUBLISHED",
                () -> c.post("province-GD", path, Json.with(enlistBody(gd, 30_000), "year", 2041)));
    }

    @Test
    void an_estimate_is_recorded_and_flagged_and_a_bad_one_changes_nothing() {
        JsonObject body = Json.obj("unitId", u2, "year", YEAR, "verifiedEmissions", 40_000, "estimated", true);
        rejected(
                400,
                "BAD_REQUEST",
                () -> c.post("province-HB", "/api/v1/emissions", Json.with(body, "estimated", "yes")));
        rejected(403, "FORBIDDEN", () -> c.post("province-GD", "/api/v1/emissions", body));
        rejected(409, "CONFLICT", () -> c.post("province-HB", "/api/v1/emissions", Json.with(body, "unitId", u1)));
        JsonObject r = created(c.post("province-HB", "/api/v1/emissions", body)).json();
        assertThat(r.get("estimated").getAsBoolean()).isTrue();
        assertThat(compliance(YEAR, u2).get("estimated").getAsBoolean()).isTrue();
        assertThat(byUnit(ok(c.get("auditor", "/api/v1/roster/2029?province=HB"))
                                .json())
                        .get(u2)
                        .get("emissions")
                        .getAsString())
                .isEqualTo("ESTIMATED");
    }

    @Test
    void a_unit_and_its_province_read_its_compliance_risk_others_may_not() {
        JsonObject r = ok(c.get(u1, "/api/v1/compliance-risk/2029/" + u1)).json();
        assertThat(r.get("owed").getAsLong()).isEqualTo(5_000);
        assertThat(r.get("eligibleCea").getAsLong()).isEqualTo(3_000);
        assertThat(r.get("gap").getAsLong()).isEqualTo(2_000);
        assertThat(r.get("risk").getAsString()).isEqualTo("AT_RISK");
        assertThat(r.get("daysToSurrenderDeadline").getAsLong()).isEqualTo(40);
        assertThat(ok(c.get("province-HB", "/api/v1/compliance-risk/2029/" + u1))
                        .json()
                        .get("gap")
                        .getAsLong())
                .isEqualTo(2_000);
        for (String who : new String[] {"province-GD", u2, "exchange", "auditor"}) {
            assertThat(c.get(who, "/api/v1/compliance-risk/2029/" + u1).code())
                    .as(who)
                    .isEqualTo("FORBIDDEN");
        }
        assertThat(c.get("mee", "/api/v1/compliance-risk/2029/RR-NOBODY").status())
                .isEqualTo(404);
        assertThat(c.get("mee", "/api/v1/compliance-risk/2029/" + "PROVINCE-HB").status())
                .isEqualTo(400);
        assertThat(c.get("mee", "/api/v1/compliance-risk/29/" + u1).status()).isEqualTo(400);
        assertThat(c.send("GET", "/api/v1/compliance-risk/2029/" + u1, null, null)
                        .status())
                .isEqualTo(401);

        Map<String, JsonObject> hb =
                byUnit(ok(c.get("province-HB", "/api/v1/compliance-risk/2029")).json());
        assertThat(hb).containsKeys(u1, u2).doesNotContainKey(gd);
        assertThat(byUnit(ok(c.get("registry", "/api/v1/compliance-risk/2029?province=HB"))
                        .json()))
                .containsKeys(u1, u2)
                .doesNotContainKey(gd);
        assertThat(c.get("province-HB", "/api/v1/compliance-risk/2029?province=GD")
                        .code())
                .isEqualTo("FORBIDDEN");
        assertThat(c.get(u1, "/api/v1/compliance-risk/2029").code()).isEqualTo("FORBIDDEN");
        assertThat(c.get("mee", "/api/v1/compliance-risk/2029?province=Hubei").status())
                .isEqualTo(400);
    }

    @Test
    void warnings_are_issued_once_a_day_within_the_window_and_bad_calls_change_nothing() {
        String path = "/api/v1/compliance/2029/warnings";
        rejected(403, "FORBIDDEN", () -> c.post("exchange", path, Json.obj("requestId", id("w"))));
        rejected(403, "FORBIDDEN", () -> c.post(u1, path, Json.obj("requestId", id("w"))));
        rejected(400, "BAD_REQUEST", () -> c.post("province-GD", path, Json.obj()));
        rejected(
                400,
                "BAD_REQUEST",
                () -> c.post("province-GD", "/api/v1/compliance/20x9/warnings", Json.obj("requestId", id("w"))));
        rejected(
                409,
                "PARAMETERS_NOT_PUBLISHED",
                () -> c.post("province-GD", "/api/v1/compliance/2042/warnings", Json.obj("requestId", id("w"))));
        JsonObject w = created(c.post("province-GD", path, Json.obj("requestId", id("w"))))
                .json();
        assertThat(w.get("scope").getAsString()).isEqualTo("GD");
        assertThat(w.getAsJsonArray("units").toString()).doesNotContain(u1);
        rejected(409, "ALREADY_EXISTS", () -> c.post("province-GD", path, Json.obj("requestId", id("w"))));
    }
}
