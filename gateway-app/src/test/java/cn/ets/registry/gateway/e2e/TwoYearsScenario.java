package cn.ets.registry.gateway.e2e;

import static cn.ets.registry.gateway.testing.HttpAssertions.assertSupplyBalanced;
import static cn.ets.registry.gateway.testing.HttpAssertions.expect;
import static cn.ets.registry.gateway.testing.HttpAssertions.expectError;
import static org.assertj.core.api.Assertions.assertThat;

import cn.ets.registry.gateway.testing.CeaAdmission;
import cn.ets.registry.gateway.testing.Json;
import cn.ets.registry.gateway.testing.RegistryClient;
import cn.ets.registry.gateway.testing.RegistryClient.Response;
import cn.ets.registry.gateway.testing.TestCalendar;
import com.google.gson.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Two consecutive compliance years, 2026 and 2027, through the REST contract the same on both
 * ledgers — README's worked example, continued. Hubei's units: PWR (coal > 300 MW), STL (steel),
 * CEM (cement, listed but never reporting 2026), OLD (a small coal unit that merges into PWR);
 * BANK, an institution. What it shows: vintages published by MEE as data (2026 a copy of 2025 with
 * steel and cement by intensity, 2027 a copy of 2026 with a new power benchmark), the roster, a unit
 * without emissions that does not escape (EMISSIONS_NOT_ENTERED, then the province's estimate, a fine
 * and a deduction), a debtor that buys to cure its debt, a penalty price without the out-of-band
 * trade, a succession, and a two-party pledge enforced after a default.
 *
 * <p>Deadlines act on the wall clock (December 2026 or later), so MEE keeps each calendar ahead of
 * today while the year is recorded, and closes 2026 with deadlines 2026-10-15 / 2026-10-31 (penalty
 * month October 2026) and 2027 with 2026-11-15 / 2026-11-30 (November 2026) — a compressed calendar;
 * a real 2026 would close after 2027-12-31. Needs 2025 still open (its emissions are 2026's basis) and
 * 2026, 2027 unpublished or open: on Fabric it runs after {@link FullCycleScenario}.
 */
public final class TwoYearsScenario {
    private static final String STEEL = "CRUDE_STEEL";
    private static final String CLINKER = "CLINKER";
    private final RegistryClient api;
    private final String run = UUID.randomUUID().toString().substring(0, 6);
    private final String pwr = "HB-PWR-" + run;
    private final String stl = "HB-STL-" + run;
    private final String cem = "HB-CEM-" + run;
    private final String old = "HB-OLD-" + run;
    private final String bank = "BANK-" + run;
    private int seq;

    public TwoYearsScenario(RegistryClient api) {
        this.api = api;
    }

    private String id(String s) {
        return s + "-" + run + "-" + (++seq);
    }

    public void run() {
        setUp();
        year2026();
        year2027();
        assertSupplyBalanced(api);
    }

    /** The units, and their 2025 emissions: the basis of 2026's pre-allocation. */
    private void setUp() {
        TestCalendar.open(api, "2025");
        open("province-HB", pwr, "UNIT", "POWER");
        open("province-HB", stl, "UNIT", "STEEL");
        open("province-HB", cem, "UNIT", "CEMENT");
        open("province-HB", old, "UNIT", "POWER");
        open("registry", bank, "INSTITUTION", null);
        CeaAdmission.admit(api, bank); // it buys CEA (003 §2.2.6)
        emissions(pwr, 2025, 900_000);
        emissions(stl, 2025, 500_000);
        emissions(cem, 2025, 300_000);
        emissions(old, 2025, 200_000);
    }

    private void year2026() {
        // MEE publishes 2026: 2025's set, steel and cement by intensity (003 §2.2.3).
        publish(
                "2026",
                "2025",
                "sectorMethods",
                Map.of("POWER", "BENCHMARK", "STEEL", "INTENSITY", "CEMENT", "INTENSITY", "ALUMINIUM", "INTENSITY"),
                "intensityBenchmarks",
                Map.of(
                        "STEEL",
                        Map.of(STEEL, "1.8000"),
                        "CEMENT",
                        Map.of(CLINKER, "0.8600"),
                        "ALUMINIUM",
                        Map.of("ALUMINIUM", "10.5000")));
        roster(2026, Map.of(pwr, 900_000L, stl, 500_000L, cem, 300_000L, old, 200_000L));
        issue("CEA-2026", 3_000_000);

        // Pre-allocation: 70 % of 2025's verified emissions.
        assertThat(pre(pwr, 2026)).isEqualTo(630_000);
        assertThat(pre(stl, 2026)).isEqualTo(350_000);
        assertThat(pre(cem, 2026)).isEqualTo(210_000);
        assertThat(pre(old, 2026)).isEqualTo(140_000);

        // October 2026, the month before the 2026 deadline: the close of the 9th is 100.00.
        close("CEA-2026", "2026-10-09", "100.00");
        JsonObject block = settle("CEA-2026", stl, bank, 300_000, "98.00", "BLOCK", "2026-10-10T10:00:00+08:00");
        assertThat(block.getAsJsonObject("priceCheck").get("withinBand").getAsBoolean())
                .isTrue();
        settle("CEA-2026", pwr, bank, 20_000, "104.00", "LISTED", "2026-10-12T10:00:00+08:00");
        JsonObject odd = settle("CEA-2026", old, bank, 10_000, "250.00", "LISTED", "2026-10-12T11:00:00+08:00");
        assertThat(odd.getAsJsonObject("priceCheck").get("withinBand").getAsBoolean())
                .as("250.00 against a close of 100.00: outside ±10 %, flagged")
                .isFalse();

        emissions(pwr, 2026, 850_000);
        emissions(stl, 2026, 270_000);
        emissions(old, 2026, 150_000);
        // CEM never reports 2026.

        JsonObject p = finalPower(pwr, 2026, 1_100_000);
        assertThat(p.get("final").getAsLong()).as("1,100,000 MWh × 0.7910").isEqualTo(870_100);
        assertThat(p.get("trueUp").getAsLong()).isEqualTo(240_100);
        assertThat(finalPower(old, 2026, 200_000).get("trueUp").getAsLong())
                .as("158,200 − 140,000")
                .isEqualTo(18_200);

        // The debtor: its final allocation (150,000 t of crude steel × 1.80 = 270,000) is 80,000 below what it
        // was pre-allocated, and it sold 300,000: 50,000 are clawed back, 30,000 stay a debt that restricts it.
        JsonObject s = finalIntensity(stl, 2026, "STEEL", STEEL, "150000");
        assertThat(s.get("final").getAsLong()).isEqualTo(270_000);
        assertThat(s.get("clawedBack").getAsLong()).isEqualTo(50_000);
        assertThat(s.get("debt").getAsLong()).isEqualTo(30_000);
        assertThat(api.account(stl).get("status").getAsString()).isEqualTo("RESTRICTED");
        expectError(
                api.post(
                        "exchange",
                        "/api/v1/settlements",
                        trade("CEA-2026", stl, bank, 1, "98.00", "LISTED", "2026-10-13T10:00:00+08:00")),
                409,
                "ACCOUNT_NOT_ACTIVE");
        // …but it may buy, and it repays the debt itself: the restriction lifts.
        settle("CEA-2026", bank, stl, 300_000, "98.00", "BLOCK", "2026-10-14T10:00:00+08:00");
        JsonObject repaid = expect(
                        api.post(
                                stl,
                                "/api/v1/allocations/debt/collect",
                                Json.obj("requestId", id("debt"), "unitId", stl, "year", 2026)),
                        201)
                .json();
        assertThat(repaid.get("collected").getAsLong()).isEqualTo(30_000);
        assertThat(api.account(stl).get("status").getAsString()).isEqualTo("ACTIVE");

        // Surrenders, on time.
        assertThat(surrender(pwr, 2026, "CEA-2026", 850_000).get("late").getAsBoolean())
                .isFalse();
        surrender(stl, 2026, "CEA-2026", 270_000);
        surrender(old, 2026, "CEA-2026", 148_200); // 140,000 + 18,200 − 10,000: 1,800 short

        // The deadlines pass; MEE closes 2026.
        TestCalendar.close(api, "2026", "2026-10-15", "2026-10-31");
        expectError(
                api.post(
                        "province-HB",
                        "/api/v1/emissions",
                        Json.obj("unitId", cem, "year", 2026, "verifiedEmissions", 320_000)),
                409,
                "DEADLINE_PASSED");
        JsonObject closed = expect(api.post("mee", "/api/v1/compliance/2026/close", "{}"), 200)
                .json();
        assertThat(closed.get("penaltyMonth").getAsString()).isEqualTo("2026-10");
        // (300,000 × 98.00 + 20,000 × 104.00 + 300,000 × 98.00) / 620,000; the 250.00 trade is left out.
        assertThat(closed.get("averagePrice").getAsString()).isEqualTo("98.19");
        assertThat(closed.get("tradesOutOfBand").getAsInt()).isEqualTo(1);
        JsonObject o = compliance(2026, old);
        assertThat(o.get("status").getAsString()).isEqualTo("SHORTFALL");
        assertThat(o.get("penaltyMin").getAsString()).isEqualTo("883710.00"); // 5 × 98.19 × 1,800
        assertThat(o.get("penaltyMax").getAsString()).isEqualTo("1767420.00");
        assertThat(o.get("deduction").getAsLong()).isEqualTo(1_800);

        // The unit without emissions did not escape: a public status of its own, then the province's estimate.
        assertThat(compliance(2026, cem).get("status").getAsString()).isEqualTo("EMISSIONS_NOT_ENTERED");
        JsonObject est = expect(
                        api.post(
                                "province-HB",
                                "/api/v1/emissions",
                                Json.obj("unitId", cem, "year", 2026, "verifiedEmissions", 320_000, "estimated", true)),
                        201)
                .json();
        assertThat(est.get("status").getAsString()).isEqualTo("SHORTFALL");
        assertThat(est.get("estimated").getAsBoolean()).isTrue();
        assertThat(est.get("penaltyMin").getAsString()).isEqualTo("157104000.00"); // 5 × 98.19 × 320,000
        assertThat(est.get("deduction").getAsLong()).isEqualTo(320_000);
        // It surrenders what it holds, late: the deduction falls, the fine stands.
        assertThat(surrender(cem, 2026, "CEA-2026", 210_000).get("late").getAsBoolean())
                .isTrue();
        assertThat(compliance(2026, cem).get("deduction").getAsLong()).isEqualTo(110_000);
    }

    private void year2027() {
        // MEE publishes 2027: 2026's set with a tighter coal benchmark.
        JsonObject benchmarks =
                api.get("auditor", "/api/v1/parameters/2026").json().getAsJsonObject("benchmarks");
        benchmarks.getAsJsonObject("COAL_ABOVE_300MW").addProperty("electricity", "0.7870");
        publish("2027", "2026", "benchmarks", benchmarks);
        roster(2027, Map.of(pwr, 850_000L, stl, 270_000L, cem, 320_000L, old, 150_000L));
        issue("CEA-2027", 3_000_000);
        assertThat(pre(pwr, 2027)).isEqualTo(595_000); // 70 % × 850,000
        assertThat(pre(stl, 2027)).isEqualTo(189_000); // 70 % × 270,000
        assertThat(pre(cem, 2027)).as("70 % × the estimate of 320,000").isEqualTo(224_000);
        assertThat(pre(old, 2027)).isEqualTo(105_000); // 70 % × 150,000

        // A pledge registered by both parties, released in part, enforced after a default.
        String lockId = expect(
                        api.post(
                                pwr,
                                "/api/v1/locks",
                                Json.obj(
                                        "requestId",
                                        id("lock"),
                                        "account",
                                        pwr,
                                        "product",
                                        "CEA-2027",
                                        "quantity",
                                        100_000,
                                        "kind",
                                        "PLEDGE",
                                        "pledgee",
                                        bank,
                                        "reason",
                                        "working-capital loan",
                                        "contractRef",
                                        "HBBANK-2027-0042",
                                        "securedAmount",
                                        "8000000.00",
                                        "maturity",
                                        "2027-06-30")),
                        201)
                .str("lockId");
        expect(api.post(bank, "/api/v1/locks/" + lockId + "/accept", "{}"), 200);
        expect(api.post(bank, "/api/v1/locks/" + lockId + "/release", Json.obj("quantity", 20_000)), 200);
        expectError(
                api.post(bank, "/api/v1/locks/" + lockId + "/default", Json.obj("reason", "instalment missed")),
                409,
                "DEADLINE_NOT_REACHED");
        expect(api.post(pwr, "/api/v1/locks/" + lockId + "/default", Json.obj("reason", "instalment missed")), 200);
        JsonObject enforced = expect(api.post(bank, "/api/v1/locks/" + lockId + "/enforce", "{}"), 200)
                .json();
        assertThat(enforced.get("moved").getAsLong()).isEqualTo(80_000);

        // Succession: OLD merges into PWR — its holdings, its 2026 year (with the 1,800 t deduction) and its
        // carry-over history pass in one transaction; OLD closes.
        JsonObject merged = expect(
                        api.post(
                                "province-HB",
                                "/api/v1/accounts/" + old + "/succession",
                                Json.obj("requestId", id("succ"), "successor", pwr, "reason", "MERGER")),
                        201)
                .json();
        assertThat(merged.get("years").toString()).isEqualTo("[2025,2026]");
        assertThat(api.account(old).get("status").getAsString()).isEqualTo("CLOSED");
        assertThat(compliance(2026, old).get("status").getAsString()).isEqualTo("SUCCEEDED");
        assertThat(compliance(2026, pwr).get("deduction").getAsLong()).isEqualTo(1_800);

        // November 2026, the month before the 2027 deadline.
        close("CEA-2027", "2026-11-09", "100.00");
        settle("CEA-2027", pwr, bank, 1_000, "100.00", "LISTED", "2026-11-10T10:00:00+08:00");
        settle("CEA-2027", pwr, bank, 2_000, "104.00", "LISTED", "2026-11-10T11:00:00+08:00");
        settle("CEA-2027", pwr, bank, 500, "150.00", "LISTED", "2026-11-10T12:00:00+08:00");

        emissions(pwr, 2027, 800_000);
        emissions(stl, 2027, 252_000);
        emissions(cem, 2027, 300_000);
        JsonObject p = finalPower(pwr, 2027, 1_100_000);
        assertThat(p.get("final").getAsLong())
                .as("1,100,000 × 0.7870 − OLD's 1,800")
                .isEqualTo(863_900);
        assertThat(p.get("trueUp").getAsLong()).isEqualTo(268_900);
        assertThat(finalIntensity(stl, 2027, "STEEL", STEEL, "140000")
                        .get("trueUp")
                        .getAsLong())
                .as("140,000 × 1.80 − 189,000")
                .isEqualTo(63_000);
        JsonObject c = finalIntensity(cem, 2027, "CEMENT", CLINKER, "330000");
        assertThat(c.get("final").getAsLong())
                .as("330,000 × 0.86 − the 110,000 deduction")
                .isEqualTo(173_800);
        assertThat(c.get("trueUp").getAsLong()).isEqualTo(-50_200);

        surrender(pwr, 2027, "CEA-2027", 800_000);
        surrender(stl, 2027, "CEA-2027", 252_000);
        surrender(cem, 2027, "CEA-2027", 173_800);
        TestCalendar.close(api, "2027", "2026-11-15", "2026-11-30");
        JsonObject closed = expect(api.post("mee", "/api/v1/compliance/2027/close", "{}"), 200)
                .json();
        assertThat(closed.get("averagePrice").getAsString()).isEqualTo("102.67");
        assertThat(compliance(2027, pwr).get("status").getAsString()).isEqualTo("COMPLIANT");
        assertThat(compliance(2027, stl).get("status").getAsString()).isEqualTo("COMPLIANT");
        JsonObject c27 = compliance(2027, cem);
        assertThat(c27.get("shortfall").getAsLong()).isEqualTo(126_200);
        assertThat(c27.get("penaltyMin").getAsString()).isEqualTo("64784770.00"); // 5 × 102.67 × 126,200
        assertThat(api.get("auditor", "/api/v1/roster/2026?province=HB").json().toString())
                .contains("\"unitId\":\"" + cem + "\"");
    }

    // ---- steps ----

    private void open(String opener, String accountId, String type, String sector) {
        JsonObject body = sector == null
                ? Json.obj("id", accountId, "type", type, "name", accountId)
                : Json.obj("id", accountId, "type", type, "name", accountId, "province", "HB", "sector", sector);
        Response r = expect(api.post(opener, "/api/v1/accounts", body), 201);
        api.addIdentity(accountId, r.str("token"), opener);
    }

    /** MEE publishes a vintage (a copy of {@code from} with the changes) whose calendar lies ahead of today. */
    private void publish(String vintage, String from, Object... changes) {
        JsonObject body = Json.obj(
                "requestId",
                id("par" + vintage),
                "emissionsDeadline",
                TestCalendar.today().plusDays(60).toString(),
                "surrenderDeadline",
                TestCalendar.today().plusDays(120).toString());
        for (int i = 0; i < changes.length; i += 2) {
            body = Json.with(body, (String) changes[i], changes[i + 1]);
        }
        if (api.get("auditor", "/api/v1/parameters/" + vintage).status() == 404) {
            body.addProperty("copyFrom", from);
        }
        expect(api.put("mee", "/api/v1/parameters/" + vintage, body), 200);
    }

    private void roster(int year, Map<String, Long> units) {
        units.forEach((unit, q) -> expect(
                api.post(
                        "province-HB",
                        "/api/v1/roster",
                        Json.obj("requestId", id("ros"), "year", year, "unitId", unit, "qualifyingEmissions", q)),
                201));
    }

    private void issue(String product, long q) {
        expect(
                api.post(
                        "mee",
                        "/api/v1/issuances",
                        Json.obj("requestId", id("iss"), "product", product, "quantity", q)),
                201);
        expect(
                api.post(
                        "mee",
                        "/api/v1/distributions",
                        Json.obj(
                                "requestId",
                                id("dist"),
                                "product",
                                product,
                                "from",
                                "MEE",
                                "to",
                                "PROVINCE-HB",
                                "quantity",
                                q)),
                201);
    }

    private void emissions(String unit, int year, long q) {
        expect(
                api.post(
                        "province-HB",
                        "/api/v1/emissions",
                        Json.obj("unitId", unit, "year", year, "verifiedEmissions", q)),
                201);
    }

    private long pre(String unit, int year) {
        return expect(
                        api.post(
                                "province-HB",
                                "/api/v1/allocations/pre",
                                Json.obj("requestId", id("pre"), "unitId", unit, "year", year)),
                        201)
                .num("quantity");
    }

    private JsonObject finalPower(String unit, int year, long mwh) {
        return expect(
                        api.post(
                                "province-HB",
                                "/api/v1/allocations/final",
                                Json.obj(
                                        "requestId",
                                        id("fin"),
                                        "unitId",
                                        unit,
                                        "year",
                                        year,
                                        "sector",
                                        "POWER",
                                        "facilities",
                                        List.of(Map.of(
                                                "category",
                                                "COAL_ABOVE_300MW",
                                                "electricityMWh",
                                                mwh,
                                                "heatGJ",
                                                0,
                                                "loadFactor",
                                                0.8)))),
                        201)
                .json();
    }

    private JsonObject finalIntensity(String unit, int year, String sector, String output, String quantity) {
        return expect(
                        api.post(
                                "province-HB",
                                "/api/v1/allocations/final",
                                Json.obj(
                                        "requestId",
                                        id("fin"),
                                        "unitId",
                                        unit,
                                        "year",
                                        year,
                                        "sector",
                                        sector,
                                        "outputs",
                                        List.of(Map.of("product", output, "quantity", quantity)))),
                        201)
                .json();
    }

    private void close(String product, String date, String price) {
        expect(
                api.post(
                        "exchange",
                        "/api/v1/prices/closing",
                        Json.obj("product", product, "date", date, "price", price)),
                201);
    }

    private static JsonObject trade(
            String product, String seller, String buyer, long q, String price, String mode, String at) {
        return Json.obj(
                "tradeId",
                "T-" + UUID.randomUUID(),
                "product",
                product,
                "seller",
                seller,
                "buyer",
                buyer,
                "quantity",
                q,
                "price",
                price,
                "mode",
                mode,
                "tradedAt",
                at);
    }

    private JsonObject settle(
            String product, String seller, String buyer, long q, String price, String mode, String at) {
        return expect(
                        api.post("exchange", "/api/v1/settlements", trade(product, seller, buyer, q, price, mode, at)),
                        201)
                .json();
    }

    private JsonObject surrender(String unit, int year, String product, long q) {
        return expect(
                        api.post(
                                unit,
                                "/api/v1/surrenders",
                                Json.obj(
                                        "requestId",
                                        id("sur"),
                                        "unitId",
                                        unit,
                                        "year",
                                        year,
                                        "items",
                                        List.of(Map.of("product", product, "quantity", q)))),
                        201)
                .json();
    }

    private JsonObject compliance(int year, String unit) {
        return expect(api.get("auditor", "/api/v1/compliance/" + year + "/" + unit), 200)
                .json();
    }
}
