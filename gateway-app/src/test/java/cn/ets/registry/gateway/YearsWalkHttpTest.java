package cn.ets.registry.gateway;

import static cn.ets.registry.gateway.testing.HttpAssertions.assertSupplyBalanced;
import static cn.ets.registry.gateway.testing.HttpAssertions.created;
import static cn.ets.registry.gateway.testing.HttpAssertions.expectError;
import static cn.ets.registry.gateway.testing.HttpAssertions.ok;
import static org.assertj.core.api.Assertions.assertThat;

import cn.ets.registry.gateway.testing.CeaAdmission;
import cn.ets.registry.gateway.testing.EmbeddedGateway;
import cn.ets.registry.gateway.testing.Json;
import cn.ets.registry.gateway.testing.RegistryClient;
import cn.ets.registry.gateway.testing.TestCalendar;
import com.google.gson.JsonObject;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The registry through the years (issue 11): 2024 → 2025 → 2026 → 2027 over HTTP, every step each
 * year — MEE publishes the vintage (2024 seeded; 2025 a copy of 2024; 2026 a copy with new power
 * benchmarks and cement by intensity, 003 §2.2.3; 2027 a complete set), the province lists its units,
 * MEE issues and hands down, the province pre-allocates (70 % of the year before) and records the
 * verified emissions, the final allocation trues up (less last year's deduction), the exchange posts
 * closes and trades, the units surrender, MEE closes after the deadline, and the deduction reaches
 * the next year. Deadlines act on the wall clock (today is after 2026-12-02), so each calendar is
 * open while the year is recorded and then set to fixed past dates before its close: 2024 its own
 * (2025-12-31, penalty month December 2025), 2025 → 2026-09-30, 2026 → 2026-10-31, 2027 → 2026-11-30.
 *
 * <p>HB-PWR: a coal unit &gt; 300 MW, 1,000,000 MWh a year at load factor 0.80; HB-CEM: a cement unit.
 * Each penalty month the exchange posts a close of 100.00 and HB-PWR sells 1,000 t at 100.00, 2,000 t
 * at 104.00 (average 102.67) and 500 t at 150.00 — outside the ±10 % band, flagged and left out.
 */
class YearsWalkHttpTest {
    private static final String FACILITY = "COAL_ABOVE_300MW";
    private RegistryClient c;
    private int ids;

    private String id(String what) {
        return what + "-" + (++ids);
    }

    @Test
    void every_vintage_walks_through_every_step(@TempDir Path dir) {
        try (EmbeddedGateway g = EmbeddedGateway.start(dir, false)) {
            c = g.client();
            openUnits();
            beforeAnyPublication();
            year2024();
            year2025();
            year2026();
            year2027();
            assertSupplyBalanced(c);
        }
    }

    private void openUnits() {
        for (String[] u : new String[][] {{"HB-PWR", "POWER"}, {"HB-CEM", "CEMENT"}}) {
            JsonObject r = created(c.post(
                            "province-HB",
                            "/api/v1/accounts",
                            Json.obj("id", u[0], "type", "UNIT", "name", u[0], "province", "HB", "sector", u[1])))
                    .json();
            c.addIdentity(u[0], r.get("token").getAsString());
        }
        JsonObject inst = created(c.post(
                        "registry", "/api/v1/accounts", Json.obj("id", "FUND", "type", "INSTITUTION", "name", "Fund")))
                .json();
        c.addIdentity("FUND", inst.get("token").getAsString());
        CeaAdmission.admit(c, "FUND");
    }

    /** Item 1 of the issue: nothing of a vintage happens before MEE publishes it. */
    private void beforeAnyPublication() {
        assertThat(c.get("auditor", "/api/v1/parameters/2025").status()).isEqualTo(404);
        expectError(
                c.post(
                        "mee",
                        "/api/v1/issuances",
                        Json.obj("requestId", id("i"), "product", "CEA-2025", "quantity", 1)),
                409,
                "PARAMETERS_NOT_PUBLISHED");
        expectError(
                c.post(
                        "province-HB",
                        "/api/v1/emissions",
                        Json.obj("unitId", "HB-PWR", "year", 2026, "verifiedEmissions", 1)),
                409,
                "PARAMETERS_NOT_PUBLISHED");
        expectError(
                c.put("mee", "/api/v1/parameters/2025", Json.obj("requestId", id("p"), "offsetCap", "0.05")),
                400,
                "BAD_REQUEST");
        // 2023's emissions are the basis of 2024's pre-allocation: recorded while 2023 is open.
        TestCalendar.open(c, "2023");
        created(emissions("HB-PWR", 2023, 800_000));
    }

    private void year2024() {
        TestCalendar.open(c, "2024");
        startYear(2024, List.of("HB-PWR", "HB-CEM"));
        created(pre("HB-PWR", 2024, 560_000)); // 70 % × 800,000
        created(emissions("HB-PWR", 2024, 800_000));
        created(emissions("HB-CEM", 2024, 300_000));
        JsonObject p = power(2024, 791_000, 231_000); // 1,000,000 × 0.7910
        assertThat(p.get("deducted").getAsLong()).isZero();
        JsonObject cem = cement(2024, null, 300_000, 300_000); // VERIFIED_EMISSIONS
        assertThat(cem.get("rule").getAsString()).isEqualTo("VERIFIED_EMISSIONS");
        trade(2024, YearMonth.of(2025, 12));
        surrender("HB-PWR", 2024, Map.of("CEA-2024", 780_000L)); // 20,000 short
        surrender("HB-CEM", 2024, Map.of("CEA-2024", 300_000L));
        TestCalendar.close(c, "2024", "2025-08-31", "2025-12-31");
        JsonObject pwr = closeYear(2024, "2025-12", "HB-PWR");
        assertThat(pwr.get("status").getAsString()).isEqualTo("SHORTFALL");
        assertThat(pwr.get("deduction").getAsLong()).isEqualTo(20_000);
        assertThat(pwr.get("penaltyMin").getAsString()).isEqualTo("10267000.00"); // 5 × 102.67 × 20,000
        assertThat(pwr.get("penaltyMax").getAsString()).isEqualTo("20534000.00");
    }

    private void year2025() {
        assertThat(TestCalendar.deadlines(
                                c,
                                "2025",
                                "2024",
                                TestCalendar.today().plusDays(60),
                                TestCalendar.today().plusDays(120))
                        .get("version")
                        .getAsInt())
                .isEqualTo(1);
        startYear(2025, List.of("HB-PWR", "HB-CEM"));
        created(pre("HB-PWR", 2025, 560_000));
        created(pre("HB-CEM", 2025, 210_000)); // 70 % × 300,000
        created(emissions("HB-PWR", 2025, 775_000));
        created(emissions("HB-CEM", 2025, 310_000));
        JsonObject p = power(2025, 771_000, 211_000); // 791,000 less 2024's deduction of 20,000
        assertThat(p.get("deducted").getAsLong()).isEqualTo(20_000);
        cement(2025, null, 310_000, 100_000);
        trade(2025, YearMonth.of(2026, 9));
        // 767,500 CEA-2025 left after the trades, and 7,500 CEA-2024 carried over (limit 10,000 + 1.5 × 3,500).
        surrender("HB-PWR", 2025, Map.of("CEA-2025", 767_500L, "CEA-2024", 7_500L));
        surrender("HB-CEM", 2025, Map.of("CEA-2025", 310_000L));
        TestCalendar.close(c, "2025", "2026-08-31", "2026-09-30");
        assertThat(closeYear(2025, "2026-09", "HB-PWR").get("status").getAsString())
                .isEqualTo("COMPLIANT");
    }

    private void year2026() {
        JsonObject benchmarks =
                ok(c.get("auditor", "/api/v1/parameters/2025")).json().getAsJsonObject("benchmarks");
        benchmarks.getAsJsonObject(FACILITY).addProperty("electricity", "0.7870");
        JsonObject published = ok(c.put(
                        "mee",
                        "/api/v1/parameters/2026",
                        Json.obj(
                                "requestId",
                                id("p"),
                                "copyFrom",
                                "2025",
                                "emissionsDeadline",
                                TestCalendar.today().plusDays(60).toString(),
                                "surrenderDeadline",
                                TestCalendar.today().plusDays(120).toString(),
                                "benchmarks",
                                benchmarks,
                                "sectorMethods",
                                Map.of(
                                        "POWER",
                                        "BENCHMARK",
                                        "STEEL",
                                        "INTENSITY",
                                        "CEMENT",
                                        "INTENSITY",
                                        "ALUMINIUM",
                                        "INTENSITY"),
                                "intensityBenchmarks",
                                Map.of(
                                        "CEMENT",
                                        Map.of("CLINKER", "0.8600"),
                                        "STEEL",
                                        Map.of("CRUDE_STEEL", "1.8500"),
                                        "ALUMINIUM",
                                        Map.of("ALUMINIUM", "10.5000")))))
                .json();
        assertThat(published.get("version").getAsInt()).isEqualTo(1);
        startYear(2026, List.of("HB-PWR", "HB-CEM"));
        created(pre("HB-PWR", 2026, 542_500)); // 70 % × 775,000
        created(pre("HB-CEM", 2026, 217_000)); // 70 % × 310,000
        created(emissions("HB-PWR", 2026, 770_000));
        created(emissions("HB-CEM", 2026, 320_000));
        power(2026, 787_000, 244_500); // 1,000,000 × 0.7870
        JsonObject cem = cement(2026, "350000", 301_000, 84_000); // 350,000 t of clinker × 0.8600
        assertThat(cem.get("rule").getAsString()).isEqualTo("INTENSITY");
        trade(2026, YearMonth.of(2026, 10));
        surrender("HB-PWR", 2026, Map.of("CEA-2026", 770_000L));
        surrender("HB-CEM", 2026, Map.of("CEA-2026", 301_000L)); // 19,000 short
        TestCalendar.close(c, "2026", "2026-10-15", "2026-10-31");
        JsonObject c26 = closeYear(2026, "2026-10", "HB-CEM");
        assertThat(c26.get("deduction").getAsLong()).isEqualTo(19_000);
        assertThat(c26.get("penaltyMin").getAsString()).isEqualTo("9753650.00"); // 5 × 102.67 × 19,000
    }

    private void year2027() {
        JsonObject complete = ok(c.get("auditor", "/api/v1/parameters/2026")).json();
        complete.remove("vintage");
        complete.remove("version");
        complete.addProperty("requestId", id("p"));
        complete.addProperty(
                "emissionsDeadline", TestCalendar.today().plusDays(60).toString());
        complete.addProperty(
                "surrenderDeadline", TestCalendar.today().plusDays(120).toString());
        complete.getAsJsonObject("benchmarks").getAsJsonObject(FACILITY).addProperty("electricity", "0.7830");
        complete.getAsJsonObject("intensityBenchmarks")
                .getAsJsonObject("CEMENT")
                .addProperty("CLINKER", "0.8500");
        assertThat(ok(c.put("mee", "/api/v1/parameters/2027", complete))
                        .json()
                        .get("version")
                        .getAsInt())
                .isEqualTo(1);
        startYear(2027, List.of("HB-PWR", "HB-CEM"));
        created(pre("HB-PWR", 2027, 539_000)); // 70 % × 770,000
        created(pre("HB-CEM", 2027, 224_000)); // 70 % × 320,000
        created(emissions("HB-PWR", 2027, 760_000));
        created(emissions("HB-CEM", 2027, 330_000));
        power(2027, 783_000, 244_000); // 1,000,000 × 0.7830
        JsonObject cem = cement(2027, "360000", 287_000, 63_000); // 360,000 × 0.85 = 306,000 less 19,000
        assertThat(cem.get("deducted").getAsLong()).isEqualTo(19_000);
        trade(2027, YearMonth.of(2026, 11));
        surrender("HB-PWR", 2027, Map.of("CEA-2027", 760_000L));
        JsonObject s = surrender("HB-CEM", 2027, Map.of("CEA-2027", 287_000L));
        assertThat(s.get("late").getAsBoolean()).isFalse();
        TestCalendar.close(c, "2027", "2026-11-15", "2026-11-30");
        JsonObject c27 = closeYear(2027, "2026-11", "HB-CEM");
        assertThat(c27.get("shortfall").getAsLong()).isEqualTo(43_000);
        assertThat(c27.get("penaltyMin").getAsString()).isEqualTo("22074050.00"); // 5 × 102.67 × 43,000
        assertThat(ok(c.get("auditor", "/api/v1/parameters")).json().toString())
                .contains("\"vintage\":\"2025\"", "\"vintage\":\"2026\"", "\"vintage\":\"2027\"");
    }

    // ---- the steps ----

    /** Roster, issuance of 2,000,000 t of the vintage and its distribution to the province. */
    private void startYear(int year, List<String> units) {
        for (String u : units) {
            created(c.post(
                    "province-HB",
                    "/api/v1/roster",
                    Json.obj("requestId", id("ros"), "year", year, "unitId", u, "qualifyingEmissions", 300_000)));
        }
        String cea = "CEA-" + year;
        created(c.post(
                "mee", "/api/v1/issuances", Json.obj("requestId", id("iss"), "product", cea, "quantity", 2_000_000)));
        created(c.post(
                "mee",
                "/api/v1/distributions",
                Json.obj(
                        "requestId",
                        id("d"),
                        "product",
                        cea,
                        "from",
                        "MEE",
                        "to",
                        "PROVINCE-HB",
                        "quantity",
                        2_000_000)));
        assertThat(ok(c.get("auditor", "/api/v1/roster/" + year + "?province=HB"))
                        .json()
                        .getAsJsonArray("units"))
                .hasSize(units.size());
    }

    private RegistryClient.Response emissions(String unit, int year, long q) {
        return c.post(
                "province-HB", "/api/v1/emissions", Json.obj("unitId", unit, "year", year, "verifiedEmissions", q));
    }

    private RegistryClient.Response pre(String unit, int year, long expected) {
        RegistryClient.Response r = c.post(
                "province-HB",
                "/api/v1/allocations/pre",
                Json.obj("requestId", id("pre"), "unitId", unit, "year", year));
        assertThat(r.num("quantity")).as("%s pre-allocation %d", unit, year).isEqualTo(expected);
        return r;
    }

    private JsonObject power(int year, long expectedFinal, long expectedTrueUp) {
        JsonObject r = created(c.post(
                        "province-HB",
                        "/api/v1/allocations/final",
                        Json.obj(
                                "requestId",
                                id("fin"),
                                "unitId",
                                "HB-PWR",
                                "year",
                                year,
                                "sector",
                                "POWER",
                                "facilities",
                                List.of(Map.of(
                                        "category",
                                        FACILITY,
                                        "electricityMWh",
                                        1_000_000,
                                        "heatGJ",
                                        0,
                                        "loadFactor",
                                        0.8)))))
                .json();
        assertThat(r.get("final").getAsLong()).as("HB-PWR final %d", year).isEqualTo(expectedFinal);
        assertThat(r.get("trueUp").getAsLong()).as("HB-PWR true-up %d", year).isEqualTo(expectedTrueUp);
        return r;
    }

    private JsonObject cement(int year, String clinker, long expectedFinal, long expectedTrueUp) {
        JsonObject body = Json.obj("requestId", id("fin"), "unitId", "HB-CEM", "year", year, "sector", "CEMENT");
        if (clinker != null) {
            body = Json.with(body, "outputs", List.of(Map.of("product", "CLINKER", "quantity", clinker)));
        }
        JsonObject r = created(c.post("province-HB", "/api/v1/allocations/final", body))
                .json();
        assertThat(r.get("final").getAsLong()).as("HB-CEM final %d", year).isEqualTo(expectedFinal);
        assertThat(r.get("trueUp").getAsLong()).as("HB-CEM true-up %d", year).isEqualTo(expectedTrueUp);
        return r;
    }

    /** A close of 100.00 on the 9th of the penalty month; three trades on the 10th, one outside its band. */
    private void trade(int year, YearMonth month) {
        String cea = "CEA-" + year;
        created(c.post(
                "exchange",
                "/api/v1/prices/closing",
                Json.obj("product", cea, "date", month.atDay(9).toString(), "price", "100.00")));
        String at = month.atDay(10) + "T10:00:00+08:00";
        for (Object[] t : new Object[][] {{1_000, "100.00", true}, {2_000, "104.00", true}, {500, "150.00", false}}) {
            JsonObject s = created(c.post(
                            "exchange",
                            "/api/v1/settlements",
                            Json.obj(
                                    "tradeId",
                                    id("T" + year),
                                    "product",
                                    cea,
                                    "seller",
                                    "HB-PWR",
                                    "buyer",
                                    "FUND",
                                    "quantity",
                                    t[0],
                                    "price",
                                    t[1],
                                    "mode",
                                    "LISTED",
                                    "tradedAt",
                                    at)))
                    .json();
            assertThat(s.getAsJsonObject("priceCheck").get("withinBand").getAsBoolean())
                    .isEqualTo(t[2]);
        }
    }

    private JsonObject surrender(String unit, int year, Map<String, Long> items) {
        List<Map<String, Object>> list = items.entrySet().stream()
                .map(e -> Map.<String, Object>of("product", e.getKey(), "quantity", e.getValue()))
                .toList();
        return created(c.post(
                        unit,
                        "/api/v1/surrenders",
                        Json.obj("requestId", id("sur"), "unitId", unit, "year", year, "items", list)))
                .json();
    }

    /** MEE closes the year: the penalty month, its in-band average 102.67, the unit's compliance after it. */
    private JsonObject closeYear(int year, String penaltyMonth, String unit) {
        JsonObject r = ok(c.post("mee", "/api/v1/compliance/" + year + "/close", Json.obj()))
                .json();
        assertThat(r.get("penaltyMonth").getAsString()).isEqualTo(penaltyMonth);
        assertThat(r.get("averagePrice").getAsString()).isEqualTo("102.67");
        assertThat(r.get("tradesOutOfBand").getAsInt()).isEqualTo(1);
        return ok(c.get("auditor", "/api/v1/compliance/" + year + "/" + unit)).json();
    }
}
