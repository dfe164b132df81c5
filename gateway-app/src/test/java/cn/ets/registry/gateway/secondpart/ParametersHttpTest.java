package cn.ets.registry.gateway.secondpart;

import static cn.ets.registry.gateway.testing.HttpAssertions.ok;
import static org.assertj.core.api.Assertions.assertThat;

import cn.ets.registry.gateway.testing.Json;
import cn.ets.registry.gateway.testing.RegistryClient.Response;
import com.google.gson.JsonObject;
import org.junit.jupiter.api.Test;

/** GET and PUT /api/v1/parameters/{vintage}. Changes only vintage 2023, which no other class of the gateway uses. */
class ParametersHttpTest extends HttpScenario {
    String unit;

    ParametersHttpTest() {
        super("PA");
    }

    @Override
    void setUp() {
        unit = unit("HB", "U1");
    }

    @Test
    void anyone_reads_the_parameters_of_2023_and_2024() {
        for (String who : new String[] {"auditor", "exchange", unit, "province-GD"}) {
            JsonObject p = ok(c.get(who, "/api/v1/parameters/2024?version=1")).json(); // as seeded
            assertThat(p.get("vintage").getAsString()).isEqualTo("2024");
            assertThat(p.get("version").getAsInt()).isEqualTo(1);
            assertThat(p.getAsJsonObject("benchmarks")
                            .getAsJsonObject("COAL_ABOVE_300MW")
                            .get("electricity")
                            .getAsBigDecimal())
                    .isEqualByComparingTo("0.7910");
            assertThat(p.getAsJsonObject("benchmarks")
                            .getAsJsonObject("GAS")
                            .get("heat")
                            .getAsBigDecimal())
                    .isEqualByComparingTo("0.0533");
            assertThat(p.get("preAllocationRate").getAsBigDecimal()).isEqualByComparingTo("0.70");
            assertThat(p.get("coalFloor").getAsBigDecimal()).isEqualByComparingTo("0.80");
            assertThat(p.get("offsetCap").getAsBigDecimal()).isEqualByComparingTo("0.05");
            assertThat(p.get("surrenderDeadline").getAsString()).isEqualTo("2025-12-31");
            JsonObject p23 = ok(c.get(who, "/api/v1/parameters/2023")).json();
            assertThat(p23.getAsJsonObject("benchmarks")
                            .getAsJsonObject("COAL_ABOVE_300MW")
                            .get("electricity")
                            .getAsBigDecimal())
                    .isEqualByComparingTo("0.7950");
        }
        assertThat(c.send("GET", "/api/v1/parameters/2024", null, null).status())
                .isEqualTo(401);
    }

    @Test
    void mee_puts_a_change_and_gets_the_next_version() {
        int before = ok(c.get("auditor", "/api/v1/parameters/2023"))
                .json()
                .get("version")
                .getAsInt();
        JsonObject r = ok(c.put(
                        "mee", "/api/v1/parameters/2023", Json.obj("requestId", id("p"), "penaltyMaxMultiple", "9")))
                .json();
        assertThat(r.get("version").getAsInt()).isEqualTo(before + 1);
        assertThat(r.get("vintage").getAsString()).isEqualTo("2023");
        assertThat(r.get("replayed").getAsBoolean()).isFalse();
        assertThat(r.getAsJsonObject("parameters").get("penaltyMaxMultiple").getAsBigDecimal())
                .isEqualByComparingTo("9");
        JsonObject now = ok(c.get("auditor", "/api/v1/parameters/2023")).json();
        assertThat(now.get("version").getAsInt()).isEqualTo(before + 1);
        assertThat(now.get("penaltyMaxMultiple").getAsBigDecimal()).isEqualByComparingTo("9");
        assertThat(now.get("offsetCap").getAsBigDecimal()).isEqualByComparingTo("0.05");

        String requestId = id("p");
        ok(c.put("mee", "/api/v1/parameters/2023", Json.obj("requestId", requestId, "penaltyMaxMultiple", "10")));
        Response again = ok(
                c.put("mee", "/api/v1/parameters/2023", Json.obj("requestId", requestId, "penaltyMaxMultiple", "10")));
        assertThat(again.replayed()).isTrue();
        assertThat(ok(c.get("auditor", "/api/v1/parameters/2023"))
                        .json()
                        .get("version")
                        .getAsInt())
                .isEqualTo(before + 2);
    }

    @Test
    void a_change_by_anyone_but_mee_is_forbidden_and_changes_nothing() {
        for (String who : new String[] {"registry", "province-HB", "exchange", "auditor", unit}) {
            rejected(
                    403,
                    "FORBIDDEN",
                    () -> c.put(who, "/api/v1/parameters/2023", Json.obj("requestId", id("p"), "offsetCap", "0.10")));
        }
        rejected(
                401,
                "UNAUTHENTICATED",
                () -> c.send("PUT", "/api/v1/parameters/2023", null, "{\"requestId\":\"x\",\"offsetCap\":\"0.1\"}"));
    }

    @Test
    void bad_changes_are_bad_requests_and_change_nothing() {
        for (String body : new String[] {
            "",
            "{\"requestId\":",
            "[1]",
            "{\"offsetCap\":\"0.04\"}",
            "{\"requestId\":\"x1\",\"offsetCapp\":\"0.04\"}",
            "{\"requestId\":\"x2\",\"preAllocationRate\":\"seventy\"}",
            "{\"requestId\":\"x3\",\"surrenderDeadline\":\"2024-02-30\"}"
        }) {
            rejected(400, "BAD_REQUEST", () -> c.send("PUT", "/api/v1/parameters/2023", bearer("mee"), body));
        }
        rejected(
                400,
                "BAD_REQUEST",
                () -> c.put("mee", "/api/v1/parameters/1999", Json.obj("requestId", id("p"), "offsetCap", "0.04")));
        assertThat(c.get("auditor", "/api/v1/parameters/1999").status()).isEqualTo(400);
    }

    @Test
    void an_out_of_range_value_is_a_bad_request() {
        rejected(
                400,
                "BAD_REQUEST",
                () -> c.put("mee", "/api/v1/parameters/2023", Json.obj("requestId", id("p"), "offsetCap", "1.5")));
        rejected(
                400,
                "BAD_REQUEST",
                () -> c.put("mee", "/api/v1/parameters/2023", Json.obj("requestId", id("p"), "coalFloor", "2")));
        rejected(
                400,
                "BAD_REQUEST",
                () -> c.put(
                        "mee",
                        "/api/v1/parameters/2023",
                        Json.obj("requestId", id("p"), "surrenderDeadline", "2023-01-31")));
    }

    /** Vintages are data: a vintage exists once MEE publishes a complete set or a copy, as a new version 1. */
    @Test
    void mee_publishes_a_new_vintage_by_copying_a_published_one_and_an_incomplete_first_set_is_refused() {
        assertThat(c.get("auditor", "/api/v1/parameters/2033").code()).isEqualTo("NOT_FOUND");
        rejected(
                400,
                "BAD_REQUEST",
                () -> c.put("mee", "/api/v1/parameters/2033", Json.obj("requestId", id("p"), "offsetCap", "0.05")));
        rejected(
                409,
                "PARAMETERS_NOT_PUBLISHED",
                () -> c.put("mee", "/api/v1/parameters/2033", Json.obj("requestId", id("p"), "copyFrom", "2022")));
        rejected(
                400,
                "BAD_REQUEST",
                () -> c.put("mee", "/api/v1/parameters/2033", Json.obj("requestId", id("p"), "copyFrom", 2024)));
        rejected(
                403,
                "FORBIDDEN",
                () -> c.put("registry", "/api/v1/parameters/2033", Json.obj("requestId", id("p"), "copyFrom", "2024")));
        JsonObject r = ok(c.put(
                        "mee",
                        "/api/v1/parameters/2033",
                        Json.obj(
                                "requestId",
                                id("p"),
                                "copyFrom",
                                "2024",
                                "emissionsDeadline",
                                "2034-08-31",
                                "surrenderDeadline",
                                "2034-12-31")))
                .json();
        assertThat(r.get("version").getAsInt()).isEqualTo(1);
        assertThat(r.getAsJsonObject("parameters").get("surrenderDeadline").getAsString())
                .isEqualTo("2034-12-31");
        String listed = ok(c.get("exchange", "/api/v1/parameters")).json().toString();
        assertThat(listed).contains("\"vintage\":\"2033\"", "\"vintage\":\"2024\"");
        assertThat(ok(c.get("auditor", "/api/v1/parameters/2033?version=1"))
                        .json()
                        .get("version")
                        .getAsInt())
                .isEqualTo(1);
        assertThat(c.get("auditor", "/api/v1/parameters/2033?version=2").status())
                .isEqualTo(404);
        assertThat(c.get("auditor", "/api/v1/parameters/2033?version=zero").status())
                .isEqualTo(400);
        assertThat(c.get("auditor", "/api/v1/parameters/2033?version=0").status())
                .isEqualTo(400);
    }
}
