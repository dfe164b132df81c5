package cn.ets.registry.gateway.testing;

import static cn.ets.registry.gateway.testing.HttpAssertions.expect;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The allowance lifecycle end to end through the REST contract: issue → distribute MEE→PROVINCE-HB →
 * open units → distribute to units → settle (single and batch, one bad trade rejected while the others
 * settle) → verified emissions → surrender → compliance COMPLIANT → voluntary cancellation → supply
 * balanced, audit matching the holdings, and (where the ledger offers it) the log verified.
 *
 * <p>Every id carries {@code runId} and every supply check is a difference against what the run found,
 * so the same scenario runs on a fresh embedded gateway or repeatedly on a long-lived Fabric network.
 */
public final class LifecycleScenario {
    public static final String PRODUCT = "CEA-2024";
    public static final int YEAR = 2024;
    static final long ISSUED = 100_000;

    private final RegistryClient c;
    private final String run;
    public final String u1;
    public final String u2;
    public final String u3;
    public final String inst;
    private JsonObject supplyBefore;
    private long provinceBefore;
    private final Map<String, Long> expected = new LinkedHashMap<>();

    public LifecycleScenario(RegistryClient client, String runId) {
        this.c = client;
        this.run = runId;
        this.u1 = "HB-" + runId + "-U1";
        this.u2 = "HB-" + runId + "-U2";
        this.u3 = "HB-" + runId + "-U3";
        this.inst = "INST-" + runId;
    }

    public List<String> accounts() {
        return List.of("MEE", "PROVINCE-HB", u1, u2, u3, inst);
    }

    /** All steps in order. */
    public LifecycleScenario run() {
        return issue().distributeToProvince()
                .openAccounts()
                .distributeToUnits()
                .settleOne()
                .settleBatch()
                .recordEmissions()
                .surrender()
                .cancel()
                .checkSupplyAndAudit()
                .checkLedger();
    }

    public LifecycleScenario issue() {
        supplyBefore = c.supplyOf(PRODUCT);
        provinceBefore = c.holding("PROVINCE-HB", PRODUCT);
        long meeBefore = c.holding("MEE", PRODUCT);
        JsonObject r = expect(
                        c.post(
                                "mee",
                                "/api/v1/issuances",
                                Json.obj("requestId", run + "-iss", "product", PRODUCT, "quantity", ISSUED)),
                        201)
                .json();
        assertThat(r.get("replayed").getAsBoolean()).isFalse();
        assertThat(r.get("account").getAsString()).isEqualTo("MEE");
        assertThat(c.holding("MEE", PRODUCT)).isEqualTo(meeBefore + ISSUED);
        assertThat(c.supplyOf(PRODUCT).get("issued").getAsLong())
                .isEqualTo(supplyBefore.get("issued").getAsLong() + ISSUED);
        return this;
    }

    public LifecycleScenario distributeToProvince() {
        expect(
                c.post(
                        "mee",
                        "/api/v1/distributions",
                        Json.obj(
                                "requestId",
                                run + "-d-hb",
                                "product",
                                PRODUCT,
                                "from",
                                "MEE",
                                "to",
                                "PROVINCE-HB",
                                "quantity",
                                60_000)),
                201);
        assertThat(c.holding("PROVINCE-HB", PRODUCT)).isEqualTo(provinceBefore + 60_000);
        return this;
    }

    public LifecycleScenario openAccounts() {
        for (String u : List.of(u1, u2, u3)) {
            JsonObject a = expect(
                            c.post(
                                    "province-HB",
                                    "/api/v1/accounts",
                                    Json.obj(
                                            "id",
                                            u,
                                            "type",
                                            "UNIT",
                                            "name",
                                            "Unit " + u,
                                            "province",
                                            "HB",
                                            "sector",
                                            "POWER")),
                            201)
                    .json();
            assertThat(a.get("status").getAsString()).isEqualTo("ACTIVE");
            assertThat(a.get("token").getAsString()).isNotBlank();
            c.addIdentity(u, a.get("token").getAsString());
        }
        JsonObject i = expect(
                        c.post(
                                "registry",
                                "/api/v1/accounts",
                                Json.obj("id", inst, "type", "INSTITUTION", "name", "Fund " + run)),
                        201)
                .json();
        c.addIdentity(inst, i.get("token").getAsString());
        CeaAdmission.admit(c, inst);
        JsonObject me = expect(c.get(u1, "/api/v1/whoami"), 200).json();
        assertThat(me.get("role").getAsString()).isEqualTo("UNIT");
        assertThat(me.get("account").getAsString()).isEqualTo(u1);
        assertThat(me.get("province").getAsString()).isEqualTo("HB");
        return this;
    }

    public LifecycleScenario distributeToUnits() {
        long[] q = {20_000, 10_000, 5_000};
        String[] units = {u1, u2, u3};
        for (int k = 0; k < 3; k++) {
            expect(
                    c.post(
                            "province-HB",
                            "/api/v1/distributions",
                            Json.obj(
                                    "requestId",
                                    run + "-d-" + k,
                                    "product",
                                    PRODUCT,
                                    "from",
                                    "PROVINCE-HB",
                                    "to",
                                    units[k],
                                    "quantity",
                                    q[k])),
                    201);
            expected.put(units[k], q[k]);
        }
        expected.put(inst, 0L);
        assertThat(c.holding("PROVINCE-HB", PRODUCT)).isEqualTo(provinceBefore + 60_000 - 35_000);
        checkHoldings();
        return this;
    }

    static JsonObject trade(String tradeId, String seller, String buyer, long quantity, String price) {
        return Json.obj(
                "tradeId",
                tradeId,
                "product",
                PRODUCT,
                "seller",
                seller,
                "buyer",
                buyer,
                "quantity",
                quantity,
                "price",
                price,
                "mode",
                "LISTED",
                "tradedAt",
                "2025-11-14T10:30:00+08:00"); // not December: the full cycle on the same Fabric ledger prices its
        // penalty on December trades
    }

    public LifecycleScenario settleOne() {
        JsonObject s = expect(
                        c.post("exchange", "/api/v1/settlements", trade(run + "-T1", u1, u2, 3_000, "88.50")), 201)
                .json();
        assertThat(s.get("status").getAsString()).isEqualTo("SETTLED");
        assertThat(s.get("tradeId").getAsString()).isEqualTo(run + "-T1");
        move(u1, u2, 3_000);
        for (String reader : List.of("exchange", "registry", u1, u2)) {
            JsonObject read = expect(c.get(reader, "/api/v1/settlements/" + run + "-T1"), 200)
                    .json();
            assertThat(read.get("quantity").getAsLong()).isEqualTo(3_000);
        }
        assertThat(c.get(u3, "/api/v1/settlements/" + run + "-T1").status()).isEqualTo(403);
        checkHoldings();
        return this;
    }

    public LifecycleScenario settleBatch() {
        JsonArray trades = new JsonArray();
        trades.add(trade(run + "-T2", u2, u3, 1_000, "88.60"));
        trades.add(trade(run + "-T3", u1, inst, 500, "88.70"));
        trades.add(trade(run + "-T4", u3, u1, 999_999, "88.80")); // oversell: rejected on its own
        trades.add(trade(run + "-T5", inst, u1, 200, "88.90")); // depends on T3 (same account, settled after it)
        JsonObject r = expect(c.post("exchange", "/api/v1/settlements/batch", Json.obj("trades", trades)), 200)
                .json();
        JsonArray results = r.getAsJsonArray("results");
        assertThat(results).hasSize(4);
        List<String> statuses = new ArrayList<>();
        for (JsonElement e : results) {
            statuses.add(e.getAsJsonObject().get("tradeId").getAsString() + "="
                    + e.getAsJsonObject().get("status").getAsString());
        }
        assertThat(statuses)
                .containsExactly(run + "-T2=SETTLED", run + "-T3=SETTLED", run + "-T4=REJECTED", run + "-T5=SETTLED");
        JsonObject rejected = results.get(2).getAsJsonObject();
        assertThat(rejected.getAsJsonObject("error").get("code").getAsString()).isEqualTo("INSUFFICIENT_HOLDINGS");
        move(u2, u3, 1_000);
        move(u1, inst, 500);
        move(inst, u1, 200);
        assertThat(c.get("exchange", "/api/v1/settlements/" + run + "-T4").status())
                .isEqualTo(404);
        assertThat(c.get("exchange", "/api/v1/settlements/" + run + "-T5").status())
                .isEqualTo(200);
        checkHoldings();
        return this;
    }

    public LifecycleScenario recordEmissions() {
        TestCalendar.open(c, String.valueOf(YEAR)); // verified emissions are recorded before the deadline
        JsonObject o = expect(
                        c.post(
                                "province-HB",
                                "/api/v1/emissions",
                                Json.obj("unitId", u1, "year", YEAR, "verifiedEmissions", 15_000)),
                        201)
                .json();
        assertThat(o.get("obligation").getAsLong()).isEqualTo(15_000);
        assertThat(o.get("status").getAsString()).isEqualTo("OPEN");
        expect(
                c.post(
                        "province-HB",
                        "/api/v1/emissions",
                        Json.obj("unitId", u2, "year", YEAR, "verifiedEmissions", 12_500)),
                201);
        return this;
    }

    public LifecycleScenario surrender() {
        JsonObject s = expect(
                        c.post(
                                u1,
                                "/api/v1/surrenders",
                                Json.obj(
                                        "requestId",
                                        run + "-s1",
                                        "unitId",
                                        u1,
                                        "year",
                                        YEAR,
                                        "items",
                                        List.of(Map.of("product", PRODUCT, "quantity", 15_000)))),
                        201)
                .json();
        assertThat(s.getAsJsonObject("compliance").get("status").getAsString()).isEqualTo("COMPLIANT");
        expected.merge(u1, -15_000L, Long::sum);
        JsonObject c1 = expect(c.get("auditor", "/api/v1/compliance/" + YEAR + "/" + u1), 200)
                .json();
        assertThat(c1.get("status").getAsString()).isEqualTo("COMPLIANT");
        assertThat(c1.get("obligation").getAsLong()).isEqualTo(15_000);
        assertThat(c1.get("surrendered").getAsLong()).isEqualTo(15_000);
        assertThat(c1.get("shortfall").getAsLong()).isZero();

        expect(
                c.post(
                        u2,
                        "/api/v1/surrenders",
                        Json.obj(
                                "requestId",
                                run + "-s2",
                                "unitId",
                                u2,
                                "year",
                                YEAR,
                                "items",
                                List.of(Map.of("product", PRODUCT, "quantity", 10_000)))),
                201);
        expected.merge(u2, -10_000L, Long::sum);
        JsonObject c2 = expect(c.get("auditor", "/api/v1/compliance/" + YEAR + "/" + u2), 200)
                .json();
        assertThat(c2.get("status").getAsString()).isEqualTo("OPEN");
        assertThat(c2.get("shortfall").getAsLong()).isEqualTo(2_500);

        JsonObject year =
                expect(c.get("auditor", "/api/v1/compliance/" + YEAR), 200).json();
        Map<String, String> statusByUnit = new LinkedHashMap<>();
        for (JsonElement e : year.getAsJsonArray("units")) {
            statusByUnit.put(
                    e.getAsJsonObject().get("unitId").getAsString(),
                    e.getAsJsonObject().get("status").getAsString());
        }
        assertThat(statusByUnit).containsEntry(u1, "COMPLIANT").containsEntry(u2, "OPEN");
        checkHoldings();
        return this;
    }

    public LifecycleScenario cancel() {
        expect(
                c.post(
                        inst,
                        "/api/v1/cancellations",
                        Json.obj(
                                "requestId",
                                run + "-c1",
                                "account",
                                inst,
                                "product",
                                PRODUCT,
                                "quantity",
                                100,
                                "purpose",
                                "carbon-neutral conference",
                                "beneficiary",
                                "ETS Forum " + run)),
                201);
        expect(
                c.post(
                        u3,
                        "/api/v1/cancellations",
                        Json.obj(
                                "requestId",
                                run + "-c2",
                                "account",
                                u3,
                                "product",
                                PRODUCT,
                                "quantity",
                                1_000,
                                "purpose",
                                "public-good offset")),
                201);
        expected.merge(inst, -100L, Long::sum);
        expected.merge(u3, -1_000L, Long::sum);
        checkHoldings();
        return this;
    }

    public LifecycleScenario checkSupplyAndAudit() {
        JsonObject now = c.supplyOf(PRODUCT);
        assertThat(now.get("balanced").getAsBoolean()).as("%s", now).isTrue();
        assertThat(now.get("issued").getAsLong() - supplyBefore.get("issued").getAsLong())
                .isEqualTo(ISSUED);
        assertThat(now.get("surrendered").getAsLong()
                        - supplyBefore.get("surrendered").getAsLong())
                .isEqualTo(25_000);
        assertThat(now.get("cancelled").getAsLong()
                        - supplyBefore.get("cancelled").getAsLong())
                .isEqualTo(1_100);
        assertThat(now.get("held").getAsLong() - supplyBefore.get("held").getAsLong())
                .isEqualTo(ISSUED - 25_000 - 1_100);
        JsonObject audit = c.audit();
        assertThat(audit.get("balanced").getAsBoolean()).as("%s", audit).isTrue();
        for (JsonElement p : audit.getAsJsonArray("products")) {
            assertThat(p.getAsJsonObject().get("matchesHoldings").getAsBoolean())
                    .as("%s", p)
                    .isTrue();
        }
        return this;
    }

    public LifecycleScenario checkLedger() {
        c.verify().ifPresent(v -> {
            assertThat(v.get("chainIntact").getAsBoolean()).as("%s", v).isTrue();
            assertThat(v.get("stateMatchesLog").getAsBoolean()).as("%s", v).isTrue();
        });
        return this;
    }

    /** What each account of the run should now hold of the product. */
    public Map<String, Long> expectedHoldings() {
        return Map.copyOf(expected);
    }

    private void move(String from, String to, long q) {
        expected.merge(from, -q, Long::sum);
        expected.merge(to, q, Long::sum);
    }

    private void checkHoldings() {
        expected.forEach((account, q) -> assertThat(c.holding(account, PRODUCT))
                .as("holding of %s", account)
                .isEqualTo(q));
    }
}
