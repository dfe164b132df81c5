package cn.ets.registry.gateway.e2e;

import static cn.ets.registry.gateway.testing.HttpAssertions.assertSupplyBalanced;
import static cn.ets.registry.gateway.testing.HttpAssertions.expect;
import static cn.ets.registry.gateway.testing.HttpAssertions.expectError;
import static org.assertj.core.api.Assertions.assertThat;

import cn.ets.registry.gateway.testing.RegistryClient;
import cn.ets.registry.gateway.testing.RegistryClient.Response;
import cn.ets.registry.gateway.testing.TestCalendar;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.UUID;
import org.bouncycastle.crypto.digests.SM3Digest;

/**
 * One unit's compliance year end to end through the REST contract, the same on both ledgers:
 * issue → distribute → pre-allocate → trade → verify → true-up → CCER → surrender with offsets →
 * close → penalty → late surrender → next year's deduction; with pledges, cancellation, batch
 * settlement, deposits and the supply invariant along the way. The numbers are README's worked
 * example. Expects a ledger whose years 2024 and 2025 are still open (a fresh one).
 */
public final class FullCycleScenario {
    private static final String FACILITY =
            "{\"category\":\"COAL_ABOVE_300MW\",\"electricityMWh\":1200000,\"heatGJ\":500000,\"loadFactor\":0.6}";
    private final RegistryClient api;
    private final String run = UUID.randomUUID().toString().substring(0, 6);
    private final String u1 = "HB-COAL-" + run;
    private final String u2 = "HB-STEEL-" + run;
    private final String po = "PO-" + run;
    private final String inst = "BANK-" + run;

    public FullCycleScenario(RegistryClient api) {
        this.api = api;
    }

    private String id(String s) {
        return s + "-" + run;
    }

    public void run() throws Exception {
        // The calendars: the run replays 2023–2025 on today's wall clock, so MEE keeps their deadlines ahead
        // of today while the figures are recorded, and puts 2024's back to its own before closing it.
        TestCalendar.open(api, "2023");
        TestCalendar.open(api, "2024");
        TestCalendar.open(api, "2025");

        // Issuance and distribution MEE → province.
        for (String v : new String[] {"2024", "2025"}) {
            expect(
                    api.post(
                            "mee",
                            "/api/v1/issuances",
                            "{\"requestId\":\"" + id("iss" + v) + "\",\"product\":\"CEA-" + v
                                    + "\",\"quantity\":5000000}"),
                    201);
            expect(
                    api.post(
                            "mee",
                            "/api/v1/distributions",
                            "{\"requestId\":\"" + id("dist" + v) + "\",\"product\":\"CEA-" + v
                                    + "\",\"from\":\"MEE\",\"to\":\"PROVINCE-HB\",\"quantity\":3000000}"),
                    201);
        }
        Response replay = api.post(
                "mee",
                "/api/v1/issuances",
                "{\"requestId\":\"" + id("iss2024") + "\",\"product\":\"CEA-2024\",\"quantity\":5000000}");
        expect(replay, 201);
        assertThat(replay.json().get("replayed").getAsBoolean()).isTrue();
        expectError(
                api.post(
                        "mee",
                        "/api/v1/issuances",
                        "{\"requestId\":\"" + id("iss2024") + "\",\"product\":\"CEA-2024\",\"quantity\":5}"),
                409,
                "DUPLICATE_ID");

        // Accounts: the province opens its units, the registry the others; each gets its own token.
        open("province-HB", u1, "UNIT", "\"province\":\"HB\",\"sector\":\"POWER\"");
        open("province-HB", u2, "UNIT", "\"province\":\"HB\",\"sector\":\"STEEL\"");
        open("registry", po, "PROJECT_OWNER", null);
        open("registry", inst, "INSTITUTION", null);
        expectError(
                api.post(
                        "province-GD",
                        "/api/v1/accounts",
                        "{\"id\":\"" + id("X")
                                + "\",\"type\":\"UNIT\",\"name\":\"x\",\"province\":\"HB\",\"sector\":\"POWER\"}"),
                403,
                "FORBIDDEN");
        assertThat(api.get(u1, "/api/v1/whoami").str("account")).isEqualTo(u1);

        // Parameters on the ledger, allocation preview for anyone.
        Response params = api.get("auditor", "/api/v1/parameters/2024");
        expect(params, 200);
        assertThat(params.json()
                        .getAsJsonObject("benchmarks")
                        .getAsJsonObject("COAL_ABOVE_300MW")
                        .get("electricity")
                        .getAsString())
                .isEqualTo("0.7910");
        assertThat(params.json().get("preAllocationRate").getAsString()).isEqualTo("0.70");
        Response preview = api.post(
                "auditor",
                "/api/v1/allocation/preview",
                "{\"sector\":\"POWER\",\"year\":2024,\"verifiedEmissions\":1050000,\"facilities\":[" + FACILITY + "]}");
        expect(preview, 200);
        assertThat(preview.num("computed")).isEqualTo(1_006_545L);

        // Pre-allocation: 70 % of 2023's verified emissions.
        expect(
                api.post(
                        "province-HB",
                        "/api/v1/emissions",
                        "{\"unitId\":\"" + u1 + "\",\"year\":2023,\"verifiedEmissions\":1000000}"),
                201);
        Response pre = api.post(
                "province-HB",
                "/api/v1/allocations/pre",
                "{\"requestId\":\"" + id("pre") + "\",\"unitId\":\"" + u1 + "\",\"year\":2024}");
        expect(pre, 201);
        assertThat(pre.num("quantity")).isEqualTo(700_000L);

        // Trades in December 2025 (the month before the 2024 deadline) set the penalty price.
        settle(id("T1"), "CEA-2024", u1, u2, 20_000, "98.40", "2025-12-10T10:00:00+08:00");
        Response again = api.post(
                "exchange",
                "/api/v1/settlements",
                trade(id("T1"), "CEA-2024", u1, u2, 20_000, "98.40", "2025-12-10T10:00:00+08:00"));
        expect(again, 201);
        assertThat(again.json().get("replayed").getAsBoolean()).isTrue();
        settle(id("T2"), "CEA-2024", u1, u2, 10_000, "100.00", "2025-12-18T14:00:00+08:00");
        expectError(
                api.post(
                        "exchange",
                        "/api/v1/settlements",
                        trade(id("T3"), "CEA-2024", u1, u2, 10_000_000, "99.00", "2025-12-19T10:00:00+08:00")),
                409,
                "INSUFFICIENT_HOLDINGS");

        // Verified emissions and the final allocation with its true-up.
        expect(
                api.post(
                        "province-HB",
                        "/api/v1/emissions",
                        "{\"unitId\":\"" + u1 + "\",\"year\":2024,\"verifiedEmissions\":1050000}"),
                201);
        Response fin = api.post(
                "province-HB",
                "/api/v1/allocations/final",
                "{\"requestId\":\"" + id("fin24") + "\",\"unitId\":\"" + u1
                        + "\",\"year\":2024,\"sector\":\"POWER\",\"facilities\":[" + FACILITY + "]}");
        expect(fin, 201);
        assertThat(fin.num("final")).isEqualTo(1_006_545L);
        assertThat(fin.num("preAllocated")).isEqualTo(700_000L);
        assertThat(fin.num("trueUp")).isEqualTo(306_545L);
        assertThat(api.ownHolding(u1, "CEA-2024")).isEqualTo(700_000L + 306_545L - 30_000L);

        // CCER: project, issuance with serials, sold to the unit through the exchange.
        expect(
                api.post(
                        "mee",
                        "/api/v1/ccer/projects",
                        "{\"id\":\"" + id("PRJ")
                                + "\",\"name\":\"Hubei afforestation\",\"methodology\":\"CCER-14-001-V01\",\"owner\":\""
                                + po + "\",\"province\":\"HB\",\"insideEtsBoundary\":false}"),
                201);
        Response ccer = api.post(
                "mee",
                "/api/v1/ccer/issuances",
                "{\"requestId\":\"" + id("cc") + "\",\"projectId\":\"" + id("PRJ")
                        + "\",\"periodStart\":\"2024-01-01\",\"periodEnd\":\"2024-12-31\",\"vintage\":\"2024\",\"quantity\":60000,\"legacy\":false}");
        expect(ccer, 201);
        String batch = ccer.str("product");
        assertThat(ccer.num("serialEnd") - ccer.num("serialStart") + 1).isEqualTo(60_000L);
        expectError(
                api.post(
                        "mee",
                        "/api/v1/ccer/issuances",
                        "{\"requestId\":\"" + id("cc2") + "\",\"projectId\":\"" + id("PRJ")
                                + "\",\"periodStart\":\"2024-06-01\",\"periodEnd\":\"2025-05-31\",\"vintage\":\"2025\",\"quantity\":10,\"legacy\":false}"),
                409,
                "ALREADY_ISSUED");
        settle(id("C1"), batch, po, u1, 60_000, "80.00", "2025-06-01T10:00:00+08:00");

        // Surrender with offsets: 5 % of 1,050,000 t is 52,500 t; one tonne more is refused and changes nothing.
        long before = api.ownHolding(u1, "CEA-2024");
        expectError(
                api.post(u1, "/api/v1/surrenders", surrender(id("s0"), u1, 2024, "CEA-2024", 900_000, batch, 52_501)),
                409,
                "OFFSET_LIMIT_EXCEEDED");
        assertThat(api.ownHolding(u1, "CEA-2024")).isEqualTo(before);
        Response s1 =
                api.post(u1, "/api/v1/surrenders", surrender(id("s1"), u1, 2024, "CEA-2024", 900_000, batch, 52_500));
        expect(s1, 201);
        JsonObject c = s1.json().getAsJsonObject("compliance");
        assertThat(c.get("status").getAsString()).isEqualTo("OPEN");
        assertThat(c.get("offsetUsed").getAsLong()).isEqualTo(52_500L);
        assertThat(c.get("shortfall").getAsLong()).isEqualTo(97_500L);

        // Pledge, batch settlement, cancellation — and locked units stay put.
        Response lock = api.post(
                u2,
                "/api/v1/locks",
                "{\"requestId\":\"" + id("lock") + "\",\"account\":\"" + u2
                        + "\",\"product\":\"CEA-2024\",\"quantity\":5000,\"kind\":\"PLEDGE\",\"pledgee\":\"" + inst
                        + "\",\"reason\":\"loan 2025-001\",\"contractRef\":\"2025-001\",\"securedAmount\":\"400000\""
                        + ",\"maturity\":\"2027-06-30\"}");
        expect(lock, 201);
        expect(api.post(inst, "/api/v1/locks/" + lock.str("lockId") + "/accept", "{}"), 200);
        expectError(
                api.post(
                        "exchange",
                        "/api/v1/settlements",
                        trade(id("T4"), "CEA-2024", u2, u1, 26_000, "99.00", "2025-11-03T10:00:00+08:00")),
                409,
                "UNITS_LOCKED");
        Response batchReply = api.post(
                "exchange",
                "/api/v1/settlements/batch",
                "{\"trades\":[" + trade(id("B1"), "CEA-2024", u2, u1, 100, "97.00", "2025-11-05T10:00:00+08:00")
                        + "," + trade(id("B2"), "CEA-2024", u2, u1, 1_000_000, "97.00", "2025-11-05T10:00:00+08:00")
                        + "," + trade(id("B3"), "CEA-2024", u2, u1, 200, "97.00", "2025-11-05T10:00:01+08:00") + "]}");
        expect(batchReply, 200);
        var results = batchReply.json().getAsJsonArray("results");
        assertThat(results.get(0).getAsJsonObject().get("status").getAsString()).isEqualTo("SETTLED");
        assertThat(results.get(1).getAsJsonObject().get("status").getAsString()).isEqualTo("REJECTED");
        assertThat(results.get(1)
                        .getAsJsonObject()
                        .getAsJsonObject("error")
                        .get("code")
                        .getAsString())
                .isEqualTo("INSUFFICIENT_HOLDINGS");
        assertThat(results.get(2).getAsJsonObject().get("status").getAsString()).isEqualTo("SETTLED");
        expect(
                api.post(
                        u2,
                        "/api/v1/locks/" + lock.str("lockId") + "/default",
                        "{\"reason\":\"loan 2025-001 unpaid\"}"),
                200);
        expect(api.post(inst, "/api/v1/locks/" + lock.str("lockId") + "/enforce", "{}"), 200);
        assertThat(api.ownHolding(inst, "CEA-2024")).isEqualTo(5_000L);
        expect(
                api.post(
                        u2,
                        "/api/v1/cancellations",
                        "{\"requestId\":\"" + id("cx") + "\",\"account\":\"" + u2
                                + "\",\"product\":\"CEA-2024\",\"quantity\":100,\"purpose\":\"carbon-neutral Wuhan marathon\",\"beneficiary\":\"Wuhan Marathon 2025\"}"),
                201);

        // Monthly key-parameter deposit, checkable by anyone.
        byte[] report = "2025-10 fuel 12034 t, NCV 21.3 GJ/t, carbon 55.2 %".getBytes(StandardCharsets.UTF_8);
        String sha =
                HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(report));
        SM3Digest sm3 = new SM3Digest();
        sm3.update(report, 0, report.length);
        byte[] sm3Out = new byte[32];
        sm3.doFinal(sm3Out, 0);
        expect(
                api.post(
                        u1,
                        "/api/v1/deposits",
                        "{\"unitId\":\"" + u1 + "\",\"month\":\"2025-10\",\"sha256\":\"" + sha + "\",\"sm3\":\""
                                + HexFormat.of().formatHex(sm3Out) + "\"}"),
                201);
        assertThat(api.get("auditor", "/api/v1/deposits/" + u1 + "/2025-10?sha256=" + sha)
                        .json()
                        .get("matches")
                        .getAsBoolean())
                .isTrue();
        assertThat(api.get("auditor", "/api/v1/deposits/" + u1 + "/2025-10?sha256=" + "0".repeat(64))
                        .json()
                        .get("matches")
                        .getAsBoolean())
                .isFalse();

        // Closing 2024 once its deadlines (2025-08-31, 2025-12-31) are its own again and have passed: shortfall →
        // penalty range at the December average price, deduction, carry-over limit.
        TestCalendar.close(api, "2024", "2025-08-31", "2025-12-31");
        Response close = api.post("mee", "/api/v1/compliance/2024/close", "{}");
        expect(close, 200);
        Response status = api.get("auditor", "/api/v1/compliance/2024/" + u1);
        assertThat(status.str("status")).isEqualTo("SHORTFALL");
        assertThat(status.str("averagePrice")).isEqualTo("98.93");
        assertThat(status.str("penaltyMin")).isEqualTo("48228375.00");
        assertThat(status.str("penaltyMax")).isEqualTo("96456750.00");
        assertThat(status.num("deduction")).isEqualTo(97_500L);
        assertThat(status.num("carryOverLimit"))
                .as("10,000 + 1.5 x (30,000 sold - 300 bought)")
                .isEqualTo(10_000L + 44_550L);
        expectError(
                api.post(
                        "province-HB",
                        "/api/v1/emissions",
                        "{\"unitId\":\"" + u1 + "\",\"year\":2024,\"verifiedEmissions\":1}"),
                409,
                "DEADLINE_PASSED");

        // A late surrender lowers shortfall and deduction tonne for tonne; the fine range stands.
        expect(api.post(u1, "/api/v1/surrenders", surrender(id("s2"), u1, 2024, "CEA-2024", 1_000, null, 0)), 201);
        status = api.get("auditor", "/api/v1/compliance/2024/" + u1);
        assertThat(status.num("shortfall")).isEqualTo(96_500L);
        assertThat(status.num("deduction")).isEqualTo(96_500L);
        assertThat(status.str("penaltyMin")).isEqualTo("48228375.00");
        JsonElement disclosed =
                api.get("auditor", "/api/v1/compliance/2024").json().getAsJsonArray("units").asList().stream()
                        .filter(u ->
                                u.getAsJsonObject().get("unitId").getAsString().equals(u1))
                        .findFirst()
                        .orElseThrow();
        assertThat(disclosed.getAsJsonObject().get("offsetUsed").getAsLong()).isEqualTo(52_500L);

        // Next year: the final 2025 allocation is reduced by the deduction.
        expect(
                api.post(
                        "province-HB",
                        "/api/v1/emissions",
                        "{\"unitId\":\"" + u1 + "\",\"year\":2025,\"verifiedEmissions\":1000000}"),
                201);
        Response fin25 = api.post(
                "province-HB",
                "/api/v1/allocations/final",
                "{\"requestId\":\"" + id("fin25") + "\",\"unitId\":\"" + u1
                        + "\",\"year\":2025,\"sector\":\"POWER\",\"facilities\":[" + FACILITY + "]}");
        expect(fin25, 201);
        assertThat(fin25.num("deducted")).isEqualTo(96_500L);
        assertThat(fin25.num("final")).isEqualTo(1_006_545L - 96_500L);
        assertThat(api.get("auditor", "/api/v1/allocations/2025/" + u1).num("final"))
                .isEqualTo(910_045L);

        // The supply invariant, by the counters and by a full recount.
        assertSupplyBalanced(api);
    }

    private void open(String opener, String accountId, String type, String extra) {
        Response r = api.post(
                opener,
                "/api/v1/accounts",
                "{\"id\":\"" + accountId + "\",\"type\":\"" + type + "\",\"name\":\"" + accountId + "\""
                        + (extra == null ? "" : "," + extra) + "}");
        expect(r, 201);
        api.addIdentity(accountId, r.str("token"), opener);
    }

    private void settle(String tradeId, String product, String seller, String buyer, long q, String price, String at) {
        Response r = api.post("exchange", "/api/v1/settlements", trade(tradeId, product, seller, buyer, q, price, at));
        expect(r, 201);
        assertThat(r.str("status")).isEqualTo("SETTLED");
    }

    private static String trade(
            String tradeId, String product, String seller, String buyer, long q, String price, String at) {
        return "{\"tradeId\":\"" + tradeId + "\",\"product\":\"" + product + "\",\"seller\":\"" + seller
                + "\",\"buyer\":\"" + buyer + "\",\"quantity\":" + q + ",\"price\":\"" + price
                + "\",\"mode\":\"LISTED\",\"tradedAt\":\"" + at + "\"}";
    }

    private static String surrender(
            String requestId, String unit, int year, String cea, long ceaQ, String ccer, long ccerQ) {
        return "{\"requestId\":\"" + requestId + "\",\"unitId\":\"" + unit + "\",\"year\":" + year
                + ",\"items\":[{\"product\":\"" + cea + "\",\"quantity\":" + ceaQ + "}"
                + (ccer == null ? "" : ",{\"product\":\"" + ccer + "\",\"quantity\":" + ccerQ + "}") + "]}";
    }
}
