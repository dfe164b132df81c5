package cn.ets.registry.gateway.secondpart;

import static cn.ets.registry.gateway.testing.HttpAssertions.assertSupplyBalanced;
import static cn.ets.registry.gateway.testing.HttpAssertions.created;
import static cn.ets.registry.gateway.testing.HttpAssertions.ok;
import static org.assertj.core.api.Assertions.assertThat;

import cn.ets.registry.gateway.testing.Json;
import cn.ets.registry.gateway.testing.TestCalendar;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * POST /compliance/{year}/close and what follows it, on year 2025, which no other class of the
 * gateway closes. Its calendar is open while the figures are recorded; before the close MEE moves
 * the deadlines into the past (emissions 2026-10-31, surrender 2026-11-30: the penalty month is
 * November 2026), since deadlines act on the wall clock. CL-U1 owes 2,000, surrenders 1,500 and sold
 * 1,000 t at 80.00 and 3,000 t at 100.00 in November 2026 (average 95.00) plus 1,000 CEA-2024
 * earlier; the GD unit owes 500 and surrenders it.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ComplianceCloseHttpTest extends HttpScenario {
    String u1;
    String u2;
    String inst;

    ComplianceCloseHttpTest() {
        super("CL");
    }

    @Override
    void setUp() {
        u1 = unit("HB", "U1");
        u2 = unit("GD", "U2");
        inst = open("registry", "INSTITUTION", "CL-INST", null);
        give("CEA-2025", u1, 10_000);
        give("CEA-2024", u1, 2_000);
        give("CEA-2025", u2, 1_000);
        created(settle("CEA-2025", u1, inst, 1_000, "80.00", "2026-11-05T10:00:00+08:00"));
        created(settle("CEA-2025", u1, inst, 3_000, "100.00", "2026-11-18T10:00:00+08:00"));
        created(settle("CEA-2024", u1, inst, 1_000, "70.00", "2025-11-18T10:00:00+08:00"));
        created(emissions(u1, 2025, 2_000));
        created(emissions(u2, 2025, 500));
        created(emissions(u1, 2024, 1_000));
        created(surrender(u1, 2025, "CEA-2025", 1_500));
        created(surrender(u2, 2025, "CEA-2025", 500));
    }

    @Test
    @Order(1)
    void only_mee_closes_a_year_and_a_bad_year_is_a_bad_request() {
        for (String who : new String[] {"registry", "province-HB", "exchange", "auditor", u1}) {
            rejected(403, "FORBIDDEN", () -> c.post(who, "/api/v1/compliance/2025/close", Json.obj()));
        }
        rejected(400, "BAD_REQUEST", () -> c.post("mee", "/api/v1/compliance/20x5/close", Json.obj()));
        rejected(400, "BAD_REQUEST", () -> c.send("POST", "/api/v1/compliance/2025/close", bearer("mee"), "{oops"));
        rejected(401, "UNAUTHENTICATED", () -> c.send("POST", "/api/v1/compliance/2025/close", null, ""));
        rejected(409, "DEADLINE_NOT_REACHED", () -> c.post("mee", "/api/v1/compliance/2025/close", Json.obj()));
        assertThat(compliance(2025, u1).get("status").getAsString()).isEqualTo("OPEN");
    }

    @Test
    @Order(2)
    void once_the_deadline_has_passed_mee_closes_the_year_with_the_volume_weighted_average_of_its_month() {
        TestCalendar.close(c, "2025", "2026-10-31", "2026-11-30");
        JsonObject r = ok(c.send("POST", "/api/v1/compliance/2025/close", bearer("mee"), ""))
                .json();
        assertThat(r.get("year").getAsInt()).isEqualTo(2025);
        assertThat(r.get("closed").getAsBoolean()).isTrue();
        assertThat(r.get("penaltyMonth").getAsString()).isEqualTo("2026-11");
        assertThat(r.get("averagePrice").getAsBigDecimal()).isEqualByComparingTo("95.00");

        JsonObject s = compliance(2025, u1);
        assertThat(s.get("status").getAsString()).isEqualTo("SHORTFALL");
        assertThat(s.get("shortfall").getAsLong()).isEqualTo(500);
        assertThat(s.get("averagePrice").getAsBigDecimal()).isEqualByComparingTo("95.00");
        assertThat(s.get("penaltyMin").getAsBigDecimal()).isEqualByComparingTo("237500.00");
        assertThat(s.get("penaltyMax").getAsBigDecimal()).isEqualByComparingTo("475000.00");
        assertThat(s.get("deduction").getAsLong()).isEqualTo(500);
        assertThat(s.get("carryOverLimit").getAsLong())
                .as("10,000 + 1.5 × 1,000 t of CEA-2024 sold")
                .isEqualTo(11_500);
        JsonObject g = compliance(2025, u2);
        assertThat(g.get("status").getAsString()).isEqualTo("COMPLIANT");
        assertThat(g.get("deduction").getAsLong()).isZero();

        Map<String, JsonObject> units = new HashMap<>();
        for (JsonElement e :
                ok(c.get("auditor", "/api/v1/compliance/2025")).json().getAsJsonArray("units")) {
            units.put(e.getAsJsonObject().get("unitId").getAsString(), e.getAsJsonObject());
        }
        assertThat(units.get(u1).get("status").getAsString()).isEqualTo("SHORTFALL");
        assertThat(units.get(u1).get("province").getAsString()).isEqualTo("HB");
        assertThat(units.get(u2).get("status").getAsString()).isEqualTo("COMPLIANT");
        for (String field : List.of("obligation", "surrendered", "offsetUsed", "shortfall")) {
            assertThat(units.get(u1).has(field)).as(field).isTrue();
        }
    }

    @Test
    @Order(3)
    void closing_again_is_deadline_passed_and_so_are_the_years_emissions_and_allocations() {
        rejected(409, "DEADLINE_PASSED", () -> c.post("mee", "/api/v1/compliance/2025/close", Json.obj()));
        rejected(409, "DEADLINE_PASSED", () -> emissions(u1, 2025, 1_000));
        rejected(
                409,
                "DEADLINE_PASSED",
                () -> c.post(
                        "province-HB",
                        "/api/v1/allocations/pre",
                        Json.obj("requestId", id("pre"), "unitId", u1, "year", 2025)));
        rejected(
                409,
                "DEADLINE_PASSED",
                () -> c.post(
                        "province-HB",
                        "/api/v1/allocations/final",
                        Json.obj(
                                "requestId",
                                id("fin"),
                                "unitId",
                                u1,
                                "year",
                                2025,
                                "sector",
                                "POWER",
                                "facilities",
                                List.of(Map.of(
                                        "category", "GAS", "electricityMWh", 1_000, "heatGJ", 0, "loadFactor", 0.9)))));
    }

    @Test
    @Order(4)
    void a_late_surrender_lowers_shortfall_and_deduction_and_the_fine_range_stands() {
        JsonObject r = created(surrender(u1, 2025, "CEA-2025", 200)).json();
        assertThat(r.get("late").getAsBoolean()).isTrue();
        JsonObject s = compliance(2025, u1);
        assertThat(s.get("shortfall").getAsLong()).isEqualTo(300);
        assertThat(s.get("deduction").getAsLong()).isEqualTo(300);
        assertThat(s.get("status").getAsString()).isEqualTo("SHORTFALL");
        assertThat(s.get("penaltyMin").getAsBigDecimal()).isEqualByComparingTo("237500.00");
        assertThat(s.get("penaltyMax").getAsBigDecimal()).isEqualByComparingTo("475000.00");
        assertSupplyBalanced(c);
    }
}
