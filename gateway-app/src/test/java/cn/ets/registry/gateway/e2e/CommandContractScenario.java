package cn.ets.registry.gateway.e2e;

import static cn.ets.registry.gateway.testing.HttpAssertions.expect;
import static org.assertj.core.api.Assertions.assertThat;

import cn.ets.registry.gateway.testing.RegistryClient;
import cn.ets.registry.gateway.testing.RegistryClient.Response;
import cn.ets.registry.gateway.testing.TestCalendar;
import com.google.gson.JsonObject;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.UUID;

/**
 * What every command owes its caller on both ledgers: a replay is answered only to an identity
 * that may send the command (authorisation before the replay lookup), a requestId is its caller's
 * own, a refusal carries its details through the ledger to the client, and an account's status
 * holds for every way units or reports reach it. Runs on a ledger where 2024 is still open.
 */
public final class CommandContractScenario {
    private final RegistryClient api;
    private final String run = UUID.randomUUID().toString().substring(0, 6);
    private final String unit = "HB-RPL-" + run;
    private final String buyer = "HB-RPB-" + run;

    public CommandContractScenario(RegistryClient api) {
        this.api = api;
    }

    public void run() {
        setUp();
        aReplayIsAnsweredOnlyToWhoMaySendTheCommand();
        aRefusalKeepsItsDetails();
        aRequestIdIsItsCallersOwn();
        anOpeningSentAgainAnswersTheSameCredential();
        aSuspendedOrClosedUnitGetsNoAllocationAndAClosedOneDepositsNothing();
    }

    private void setUp() {
        TestCalendar.open(api, "2024"); // 2024's emissions are recorded, 2025 pre-allocated
        TestCalendar.open(api, "2025");
        expect(
                api.post(
                        "mee",
                        "/api/v1/issuances",
                        "{\"requestId\":\"rpl-iss-" + run + "\",\"product\":\"CEA-2025\",\"quantity\":100000}"),
                201);
        expect(
                api.post(
                        "mee",
                        "/api/v1/distributions",
                        "{\"requestId\":\"rpl-dist-" + run
                                + "\",\"product\":\"CEA-2025\",\"from\":\"MEE\",\"to\":\"PROVINCE-HB\",\"quantity\":100000}"),
                201);
        for (String id : new String[] {unit, buyer}) {
            openUnit(id);
        }
        expect(
                api.post(
                        "province-HB",
                        "/api/v1/emissions",
                        "{\"unitId\":\"" + unit + "\",\"year\":2024,\"verifiedEmissions\":10000}"),
                201);
    }

    private void aReplayIsAnsweredOnlyToWhoMaySendTheCommand() {
        String pre = "{\"requestId\":\"rpl-pre-" + run + "\",\"unitId\":\"" + unit + "\",\"year\":2025}";
        Response first = expect(api.post("province-HB", "/api/v1/allocations/pre", pre), 201);
        assertThat(first.num("quantity")).isEqualTo(7_000);
        JsonObject before =
                expect(api.get("registry", "/api/v1/accounts/" + unit), 200).json();

        // The same command, byte for byte, from identities that may not pre-allocate HB's units: refused, not replayed.
        for (String stranger : new String[] {"province-GD", "exchange", "mee", "registry"}) {
            Response r = api.post(stranger, "/api/v1/allocations/pre", pre);
            assertThat(r.status())
                    .as("%s replaying HB's pre-allocation: %s", stranger, r)
                    .isEqualTo(403);
            assertThat(r.code()).isEqualTo("FORBIDDEN");
            assertThat(r.json().toString()).doesNotContain("\"replayed\"").doesNotContain(first.str("txId"));
        }
        assertThat(expect(api.get("registry", "/api/v1/accounts/" + unit), 200).json())
                .isEqualTo(before);

        // The province that sent it gets its first result again.
        Response again = expect(api.post("province-HB", "/api/v1/allocations/pre", pre), 201);
        assertThat(again.json().get("replayed").getAsBoolean()).isTrue();
        assertThat(again.str("txId")).isEqualTo(first.str("txId"));

        // A settled trade replayed by anyone but the exchange is refused too.
        String trade = "{\"tradeId\":\"rpl-T-" + run + "\",\"product\":\"CEA-2025\",\"seller\":\"" + unit
                + "\",\"buyer\":\"" + buyer
                + "\",\"quantity\":100,\"price\":\"90.00\",\"mode\":\"LISTED\",\"tradedAt\":\"2025-11-03T10:00:00+08:00\"}";
        expect(api.post("exchange", "/api/v1/settlements", trade), 201);
        Response stranger = api.post("province-HB", "/api/v1/settlements", trade);
        assertThat(stranger.status()).as("%s", stranger).isEqualTo(403);
        assertThat(expect(api.post("exchange", "/api/v1/settlements", trade), 201)
                        .json()
                        .get("replayed")
                        .getAsBoolean())
                .isTrue();
    }

    private void openUnit(String id) {
        Response opened = expect(
                api.post(
                        "province-HB",
                        "/api/v1/accounts",
                        "{\"id\":\"" + id + "\",\"type\":\"UNIT\",\"name\":\"Replay Power " + id
                                + "\",\"province\":\"HB\",\"sector\":\"POWER\"}"),
                201);
        api.addIdentity(id, opened.str("token"), "province-HB");
    }

    /** So a client that lost the answer (or a gateway that died before the credential) gets it again. */
    private void anOpeningSentAgainAnswersTheSameCredential() {
        String id = "HB-RPO-" + run;
        String open = "{\"id\":\"" + id + "\",\"type\":\"UNIT\",\"name\":\"Opened Twice\",\"province\":\"HB\","
                + "\"sector\":\"POWER\"}";
        Response first = expect(api.post("province-HB", "/api/v1/accounts", open), 201);
        Response again = expect(api.post("province-HB", "/api/v1/accounts", open), 201);
        assertThat(again.replayed()).isTrue();
        assertThat(again.str("token")).isEqualTo(first.str("token"));
        Response other = api.post("province-HB", "/api/v1/accounts", open.replace("Opened Twice", "Another"));
        assertThat(other.code()).as("%s", other).isEqualTo("ALREADY_EXISTS");
    }

    /** The unit's cancellation id does not block MEE's issuance, and a DUPLICATE_ID shows no one's transaction. */
    private void aRequestIdIsItsCallersOwn() {
        String shared = "rid-" + run;
        String cancel = "{\"requestId\":\"" + shared + "\",\"account\":\"" + unit
                + "\",\"product\":\"CEA-2025\",\"quantity\":1,\"purpose\":\"id scope\"}";
        Response cancelled = expect(api.post(unit, "/api/v1/cancellations", cancel), 201);
        Response issued = api.post(
                "mee",
                "/api/v1/issuances",
                "{\"requestId\":\"" + shared + "\",\"product\":\"CEA-2025\",\"quantity\":5}");
        assertThat(issued.status())
                .as("MEE using the id a unit used: %s", issued)
                .isEqualTo(201);
        assertThat(issued.replayed()).isFalse();
        Response duplicate = api.post(
                "mee",
                "/api/v1/issuances",
                "{\"requestId\":\"" + shared + "\",\"product\":\"CEA-2025\",\"quantity\":6}");
        assertThat(duplicate.code()).as("%s", duplicate).isEqualTo("DUPLICATE_ID");
        assertThat(duplicate.body()).doesNotContain(cancelled.str("txId")).doesNotContain(issued.str("txId"));
        Response again = expect(api.post(unit, "/api/v1/cancellations", cancel), 201);
        assertThat(again.replayed()).isTrue();
        assertThat(again.str("txId")).isEqualTo(cancelled.str("txId"));
    }

    /** Distributions to such units were refused; allocations and deposits now follow the same status rules. */
    private void aSuspendedOrClosedUnitGetsNoAllocationAndAClosedOneDepositsNothing() {
        String suspended = "HB-RPS-" + run;
        String closed = "HB-RPC-" + run;
        openUnit(suspended);
        openUnit(closed);
        expect(
                api.put(
                        "registry",
                        "/api/v1/accounts/" + suspended + "/status",
                        "{\"status\":\"SUSPENDED\",\"reason\":\"court order\"}"),
                200);
        expect(
                api.put(
                        "registry",
                        "/api/v1/accounts/" + closed + "/status",
                        "{\"status\":\"CLOSED\",\"reason\":\"merged\"}"),
                200);
        for (String u : new String[] {suspended, closed}) {
            JsonObject before =
                    expect(api.get("registry", "/api/v1/accounts/" + u), 200).json();
            String supply = api.supply().toString();
            Response r = api.post(
                    "province-HB",
                    "/api/v1/allocations/adjustments",
                    "{\"requestId\":\"adj-" + u + "\",\"unitId\":\"" + u
                            + "\",\"year\":2025,\"quantity\":100,\"reason\":\"CAPACITY_CHANGE\"}");
            assertThat(r.status()).as("positive adjustment to %s: %s", u, r).isEqualTo(409);
            assertThat(r.code()).isEqualTo("ACCOUNT_NOT_ACTIVE");
            assertThat(expect(api.get("registry", "/api/v1/accounts/" + u), 200).json())
                    .isEqualTo(before);
            assertThat(api.supply().toString()).isEqualTo(supply);
        }
        String month = YearMonth.now(ZoneId.of("Asia/Shanghai")).minusMonths(1).toString();
        Response deposit = api.post(
                closed,
                "/api/v1/deposits",
                "{\"unitId\":\"" + closed + "\",\"month\":\"" + month + "\",\"sha256\":\"" + "a".repeat(64)
                        + "\",\"sm3\":\"" + "b".repeat(64) + "\"}");
        assertThat(deposit.status()).as("deposit by a closed unit: %s", deposit).isEqualTo(409);
        assertThat(deposit.code()).isEqualTo("ACCOUNT_NOT_ACTIVE");
        assertThat(api.get("auditor", "/api/v1/deposits/" + closed + "/" + month)
                        .status())
                .isEqualTo(404);
    }

    private void aRefusalKeepsItsDetails() {
        String trade = "{\"tradeId\":\"rpl-T2-" + run + "\",\"product\":\"CEA-2025\",\"seller\":\"" + buyer
                + "\",\"buyer\":\"" + unit
                + "\",\"quantity\":5000,\"price\":\"90.00\",\"mode\":\"LISTED\",\"tradedAt\":\"2025-11-03T10:00:00+08:00\"}";
        Response r = api.post("exchange", "/api/v1/settlements", trade);
        assertThat(r.status()).as("%s", r).isEqualTo(409);
        assertThat(r.code()).isEqualTo("INSUFFICIENT_HOLDINGS");
        JsonObject details = r.json().getAsJsonObject("error").getAsJsonObject("details");
        assertThat(details.get("account").getAsString()).isEqualTo(buyer);
        assertThat(details.get("product").getAsString()).isEqualTo("CEA-2025");
        assertThat(details.get("available").getAsLong()).isEqualTo(100);
        assertThat(details.get("requested").getAsLong()).isEqualTo(5000);
        assertThat(r.json().getAsJsonObject("error").get("message").getAsString())
                .doesNotContain("details=");

        Response forbidden = api.post(
                "province-GD",
                "/api/v1/issuances",
                "{\"requestId\":\"rpl-x-" + run + "\",\"product\":\"CEA-2025\",\"quantity\":1}");
        assertThat(forbidden.status()).isEqualTo(403);
        JsonObject fd = forbidden.json().getAsJsonObject("error").getAsJsonObject("details");
        assertThat(fd.get("role").getAsString()).isEqualTo("PROVINCE");
        assertThat(fd.get("msp").getAsString()).isEqualTo("ProvinceGDMSP");
    }
}
