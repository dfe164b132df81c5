package cn.ets.registry.gateway.secondpart;

import static cn.ets.registry.gateway.testing.HttpAssertions.assertSupplyBalanced;
import static cn.ets.registry.gateway.testing.HttpAssertions.created;
import static cn.ets.registry.gateway.testing.HttpAssertions.ok;
import static org.assertj.core.api.Assertions.assertThat;

import cn.ets.registry.gateway.testing.Json;
import cn.ets.registry.gateway.testing.RegistryClient.Response;
import cn.ets.registry.gateway.testing.RegistryState;
import com.google.gson.JsonObject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** POST /allocations/pre, /allocations/final, /allocations/debt/collect, /allocation/preview; GET /allocations/{year}/{unit} (year 2024). */
class AllocationHttpTest extends HttpScenario {
    static final String CEA = "CEA-2024";
    String u1;
    String u2;
    String u3;
    String inst;

    AllocationHttpTest() {
        super("AL");
    }

    @Override
    void setUp() {
        u1 = unit("HB", "U1");
        u2 = unit("HB", "U2");
        u3 = unit("HB", "U3");
        inst = open("registry", "INSTITUTION", "AL-INST", null);
        give(CEA, "PROVINCE-HB", 60_000);
        for (String u : List.of(u1, u2, u3)) {
            created(emissions(u, 2023, 10_000));
        }
    }

    static List<Map<String, Object>> coal(long mwh) {
        return List.of(Map.of("category", "COAL_ABOVE_300MW", "electricityMWh", mwh, "heatGJ", 0, "loadFactor", 0.8));
    }

    JsonObject finalCommand(String unit, long mwh) {
        return Json.obj(
                "requestId", id("fin"), "unitId", unit, "year", 2024, "sector", "POWER", "facilities", coal(mwh));
    }

    @Test
    void pre_then_final_allocation_over_http_with_a_positive_true_up() {
        long province = c.holding("PROVINCE-HB", CEA);
        JsonObject pre = created(c.post(
                        "province-HB",
                        "/api/v1/allocations/pre",
                        Json.obj("requestId", id("pre"), "unitId", u1, "year", 2024)))
                .json();
        assertThat(pre.get("unitId").getAsString()).isEqualTo(u1);
        assertThat(pre.get("year").getAsInt()).isEqualTo(2024);
        assertThat(pre.get("quantity").getAsLong()).isEqualTo(7_000);
        assertThat(c.holding(u1, CEA)).isEqualTo(7_000);
        assertThat(c.holding("PROVINCE-HB", CEA)).isEqualTo(province - 7_000);

        created(emissions(u1, 2024, 9_000));
        JsonObject fin = created(c.post("province-HB", "/api/v1/allocations/final", finalCommand(u1, 10_000)))
                .json();
        assertThat(fin.get("final").getAsLong()).isEqualTo(7_910);
        assertThat(fin.get("preAllocated").getAsLong()).isEqualTo(7_000);
        assertThat(fin.get("trueUp").getAsLong()).isEqualTo(910);
        assertThat(c.holding(u1, CEA)).isEqualTo(7_910);

        JsonObject view = ok(c.get("auditor", "/api/v1/allocations/2024/" + u1)).json();
        assertThat(view.get("preAllocated").getAsLong()).isEqualTo(7_000);
        assertThat(view.get("final").getAsLong()).isEqualTo(7_910);
        assertThat(view.get("trueUp").getAsLong()).isEqualTo(910);
        assertThat(view.has("adjustments")).isTrue();
        assertSupplyBalanced(c);
    }

    @Test
    void a_negative_true_up_of_units_already_sold_leaves_a_debt_that_collection_repays() {
        created(c.post(
                "province-HB",
                "/api/v1/allocations/pre",
                Json.obj("requestId", id("pre"), "unitId", u2, "year", 2024)));
        created(settle(CEA, u2, inst, 6_500, "90.00", "2025-10-10T10:00:00+08:00"));
        created(emissions(u2, 2024, 6_000));
        // 6,000 MWh × 0.7910 = 4,746 t < 80 % × 6,000 ⇒ 4,800 t; pre-allocated 7,000 ⇒ true-up −2,200, 500 t held
        JsonObject fin = created(c.post("province-HB", "/api/v1/allocations/final", finalCommand(u2, 6_000)))
                .json();
        assertThat(fin.get("final").getAsLong()).isEqualTo(4_800);
        assertThat(fin.get("trueUp").getAsLong()).isEqualTo(-2_200);
        assertThat(fin.get("clawedBack").getAsLong()).isEqualTo(500);
        assertThat(fin.get("debt").getAsLong()).isEqualTo(1_700);
        assertThat(c.holding(u2, CEA)).isZero();
        assertThat(c.account(u2).get("status").getAsString()).isEqualTo("RESTRICTED");
        assertSupplyBalanced(c);

        created(c.post(
                "province-HB",
                "/api/v1/distributions",
                Json.obj("requestId", id("d"), "product", CEA, "from", "PROVINCE-HB", "to", u2, "quantity", 2_000)));
        rejected(
                403,
                "FORBIDDEN",
                () -> c.post(
                        "province-GD",
                        "/api/v1/allocations/debt/collect",
                        Json.obj("requestId", id("debt"), "unitId", u2, "year", 2024)));
        JsonObject col = created(c.post(
                        "province-HB",
                        "/api/v1/allocations/debt/collect",
                        Json.obj("requestId", id("debt"), "unitId", u2, "year", 2024)))
                .json();
        assertThat(col.get("collected").getAsLong()).isEqualTo(1_700);
        assertThat(col.get("debt").getAsLong()).isZero();
        assertThat(c.holding(u2, CEA)).isEqualTo(300);
        assertThat(c.account(u2).get("status").getAsString()).isEqualTo("ACTIVE");
        assertSupplyBalanced(c);
    }

    @Test
    void the_preview_computes_without_changing_anything() {
        JsonObject body =
                Json.obj("sector", "POWER", "year", 2024, "verifiedEmissions", 9_000, "facilities", coal(8_000));
        var before = RegistryState.of(c, List.of("PROVINCE-HB", u3));
        JsonObject r = ok(c.post("auditor", "/api/v1/allocation/preview", body)).json();
        assertThat(r.get("computed").getAsLong()).isEqualTo(6_328);
        assertThat(r.get("adjustedTo").getAsLong()).isEqualTo(7_200);
        assertThat(r.get("final").getAsLong()).isEqualTo(7_200);
        assertThat(r.get("rule").getAsString()).isNotBlank();
        assertThat(RegistryState.of(c, List.of("PROVINCE-HB", u3))).isEqualTo(before);
    }

    @Test
    void bad_allocation_commands_are_refused_and_change_nothing() {
        String pre = "/api/v1/allocations/pre";
        String fin = "/api/v1/allocations/final";
        for (String body : new String[] {"", "{\"requestId\":", "[]", "null"}) {
            rejected(400, "BAD_REQUEST", () -> c.send("POST", pre, bearer("province-HB"), body));
            rejected(400, "BAD_REQUEST", () -> c.send("POST", fin, bearer("province-HB"), body));
        }
        JsonObject valid = Json.obj("requestId", id("pre"), "unitId", u3, "year", 2024);
        for (String field : new String[] {"requestId", "unitId", "year"}) {
            rejected(400, "BAD_REQUEST", () -> c.post("province-HB", pre, Json.without(valid, field)));
        }
        rejected(400, "BAD_REQUEST", () -> c.post("province-HB", pre, Json.with(valid, "year", "2024")));
        rejected(
                400,
                "BAD_REQUEST",
                () -> c.post("province-HB", fin, Json.without(finalCommand(u3, 1_000), "facilities")));
        rejected(
                400,
                "BAD_REQUEST",
                () -> c.post("province-HB", fin, Json.with(finalCommand(u3, 1_000), "sector", "SHIPPING")));
        rejected(
                400,
                "BAD_REQUEST",
                () -> c.post(
                        "province-HB",
                        fin,
                        Json.with(
                                finalCommand(u3, 1_000),
                                "facilities",
                                List.of(Map.of("category", "NUCLEAR", "electricityMWh", 1)))));
        for (String who : new String[] {"province-GD", "mee", "registry", "exchange", u3}) {
            rejected(
                    403,
                    "FORBIDDEN",
                    () -> c.post(who, pre, Json.obj("requestId", id("pre"), "unitId", u3, "year", 2024)));
        }
        rejected(403, "FORBIDDEN", () -> c.post("province-GD", fin, finalCommand(u3, 1_000)));
        rejected(
                404,
                "NOT_FOUND",
                () -> c.post(
                        "province-HB", pre, Json.obj("requestId", id("pre"), "unitId", "HB-AL-NOBODY", "year", 2024)));
        rejected( // vintage 2021 is not published on this registry (vintages are data)
                409,
                "PARAMETERS_NOT_PUBLISHED",
                () -> c.post("province-HB", pre, Json.obj("requestId", id("pre"), "unitId", u3, "year", 2021)));
        rejected(404, "NOT_FOUND", () -> c.post("province-HB", fin, finalCommand(u3, 1_000))); // no 2024 emissions yet
        rejected(401, "UNAUTHENTICATED", () -> c.send("POST", pre, "Bearer nope", Json.write(valid)));
        assertThat(c.get("auditor", "/api/v1/allocations/2024/HB-AL-NOBODY").status())
                .isEqualTo(404);
        assertThat(c.get("auditor", "/api/v1/allocations/20x4/" + u3).status()).isEqualTo(400);
    }

    @Test
    void a_second_pre_allocation_is_refused_and_a_replay_returns_the_first() {
        JsonObject cmd = Json.obj("requestId", id("pre"), "unitId", u3, "year", 2024);
        created(c.post("province-HB", "/api/v1/allocations/pre", cmd));
        Response again = created(c.post("province-HB", "/api/v1/allocations/pre", cmd));
        assertThat(again.replayed()).isTrue();
        assertThat(again.json().get("quantity").getAsLong()).isEqualTo(7_000);
        rejected(
                409,
                "ALREADY_EXISTS",
                () -> c.post(
                        "province-HB",
                        "/api/v1/allocations/pre",
                        Json.obj("requestId", id("pre"), "unitId", u3, "year", 2024)));
        rejected(
                409,
                "DUPLICATE_ID",
                () -> c.post("province-HB", "/api/v1/allocations/pre", Json.with(cmd, "year", 2025)));
        assertThat(c.holding(u3, CEA)).isEqualTo(7_000);
    }
}
