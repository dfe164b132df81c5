package cn.ets.registry.gateway.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ets.registry.gateway.e2e.RegistryApi.Reply;
import com.google.gson.JsonObject;
import java.util.UUID;

/**
 * What every command owes its caller on both ledgers: a replay is answered only to an identity
 * that may send the command (authorisation before the replay lookup), and a refusal carries its
 * details through the ledger to the client. Runs on a ledger where 2024 is still open.
 */
public final class CommandContractScenario {
    private final RegistryApi api;
    private final String run = UUID.randomUUID().toString().substring(0, 6);
    private final String unit = "HB-RPL-" + run;
    private final String buyer = "HB-RPB-" + run;

    public CommandContractScenario(RegistryApi api) {
        this.api = api;
    }

    public void run() {
        setUp();
        aReplayIsAnsweredOnlyToWhoMaySendTheCommand();
        aRefusalKeepsItsDetails();
    }

    private void setUp() {
        ok(api.post("mee", "/api/v1/issuances", "{\"requestId\":\"rpl-iss-" + run + "\",\"product\":\"CEA-2025\",\"quantity\":100000}"), 201);
        ok(api.post("mee", "/api/v1/distributions", "{\"requestId\":\"rpl-dist-" + run
                + "\",\"product\":\"CEA-2025\",\"from\":\"MEE\",\"to\":\"PROVINCE-HB\",\"quantity\":100000}"), 201);
        for (String id : new String[] {unit, buyer}) {
            ok(api.post("province-HB", "/api/v1/accounts", "{\"id\":\"" + id + "\",\"type\":\"UNIT\",\"name\":\"Replay Power " + id
                    + "\",\"province\":\"HB\",\"sector\":\"POWER\"}"), 201);
        }
        ok(api.post("province-HB", "/api/v1/emissions", "{\"unitId\":\"" + unit + "\",\"year\":2024,\"verifiedEmissions\":10000}"), 201);
    }

    private void aReplayIsAnsweredOnlyToWhoMaySendTheCommand() {
        String pre = "{\"requestId\":\"rpl-pre-" + run + "\",\"unitId\":\"" + unit + "\",\"year\":2025}";
        Reply first = ok(api.post("province-HB", "/api/v1/allocations/pre", pre), 201);
        assertThat(first.num("quantity")).isEqualTo(7_000);
        JsonObject before = ok(api.get("registry", "/api/v1/accounts/" + unit), 200).body();

        // The same command, byte for byte, from identities that may not pre-allocate HB's units: refused, not replayed.
        for (String stranger : new String[] {"province-GD", "exchange", "mee", "registry"}) {
            Reply r = api.post(stranger, "/api/v1/allocations/pre", pre);
            assertThat(r.status()).as("%s replaying HB's pre-allocation: %s", stranger, r.body()).isEqualTo(403);
            assertThat(r.code()).isEqualTo("FORBIDDEN");
            assertThat(r.body().toString()).doesNotContain("\"replayed\"").doesNotContain(first.str("txId"));
        }
        assertThat(ok(api.get("registry", "/api/v1/accounts/" + unit), 200).body()).isEqualTo(before);

        // The province that sent it gets its first result again.
        Reply again = ok(api.post("province-HB", "/api/v1/allocations/pre", pre), 201);
        assertThat(again.body().get("replayed").getAsBoolean()).isTrue();
        assertThat(again.str("txId")).isEqualTo(first.str("txId"));

        // A settled trade replayed by anyone but the exchange is refused too.
        String trade = "{\"tradeId\":\"rpl-T-" + run + "\",\"product\":\"CEA-2025\",\"seller\":\"" + unit + "\",\"buyer\":\"" + buyer
                + "\",\"quantity\":100,\"price\":\"90.00\",\"mode\":\"LISTED\",\"tradedAt\":\"2025-11-03T10:00:00+08:00\"}";
        ok(api.post("exchange", "/api/v1/settlements", trade), 201);
        Reply stranger = api.post("province-HB", "/api/v1/settlements", trade);
        assertThat(stranger.status()).as("%s", stranger.body()).isEqualTo(403);
        assertThat(ok(api.post("exchange", "/api/v1/settlements", trade), 201).body().get("replayed").getAsBoolean()).isTrue();
    }

    private void aRefusalKeepsItsDetails() {
        String trade = "{\"tradeId\":\"rpl-T2-" + run + "\",\"product\":\"CEA-2025\",\"seller\":\"" + buyer + "\",\"buyer\":\"" + unit
                + "\",\"quantity\":5000,\"price\":\"90.00\",\"mode\":\"LISTED\",\"tradedAt\":\"2025-11-03T10:00:00+08:00\"}";
        Reply r = api.post("exchange", "/api/v1/settlements", trade);
        assertThat(r.status()).as("%s", r.body()).isEqualTo(409);
        assertThat(r.code()).isEqualTo("INSUFFICIENT_HOLDINGS");
        JsonObject details = r.body().getAsJsonObject("error").getAsJsonObject("details");
        assertThat(details.get("account").getAsString()).isEqualTo(buyer);
        assertThat(details.get("product").getAsString()).isEqualTo("CEA-2025");
        assertThat(details.get("available").getAsLong()).isEqualTo(100);
        assertThat(details.get("requested").getAsLong()).isEqualTo(5000);
        assertThat(r.body().getAsJsonObject("error").get("message").getAsString()).doesNotContain("details=");

        Reply forbidden = api.post("province-GD", "/api/v1/issuances", "{\"requestId\":\"rpl-x-" + run + "\",\"product\":\"CEA-2025\",\"quantity\":1}");
        assertThat(forbidden.status()).isEqualTo(403);
        JsonObject fd = forbidden.body().getAsJsonObject("error").getAsJsonObject("details");
        assertThat(fd.get("role").getAsString()).isEqualTo("PROVINCE");
        assertThat(fd.get("msp").getAsString()).isEqualTo("ProvinceGDMSP");
    }

    private static Reply ok(Reply r, int status) {
        assertThat(r.status()).as("%s", r.body()).isEqualTo(status);
        return r;
    }
}
