package cn.ets.registry.gateway;

import static cn.ets.registry.gateway.testing.HttpAssertions.created;
import static org.assertj.core.api.Assertions.assertThat;

import cn.ets.registry.gateway.identity.IdentityStore;
import cn.ets.registry.gateway.testing.EmbeddedGateway;
import cn.ets.registry.gateway.testing.Json;
import cn.ets.registry.gateway.testing.RegistryClient;
import cn.ets.registry.gateway.testing.RegistryClient.Response;
import cn.ets.registry.gateway.testing.RegistryState;
import com.google.gson.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** State, the log, tokens and command ids survive closing the gateway and opening it again on the same data dir. */
class RestartTest {
    private static final String P = "CEA-2024";
    private static final List<String> ACCOUNTS =
            List.of("MEE", "PROVINCE-HB", "PROVINCE-GD", "HB-R1", "HB-R2", "INST-R");

    @Test
    void state_log_tokens_and_idempotency_survive_a_restart(@TempDir Path dir) throws Exception {
        JsonObject issue = Json.obj("requestId", "r-iss", "product", P, "quantity", 50_000);
        JsonObject trade = Json.obj(
                "tradeId",
                "r-T1",
                "product",
                P,
                "seller",
                "HB-R1",
                "buyer",
                "HB-R2",
                "quantity",
                700,
                "price",
                "90.10",
                "mode",
                "LISTED",
                "tradedAt",
                "2025-12-15T10:30:00+08:00");
        Map<String, String> holderTokens;
        String credentialsBefore;
        RegistryState before;
        JsonObject verifyBefore;
        try (EmbeddedGateway g = EmbeddedGateway.start(dir)) {
            RegistryClient c = g.client();
            assertThat(c.post("mee", "/api/v1/issuances", issue).status()).isEqualTo(201);
            assertThat(c.post(
                                    "mee",
                                    "/api/v1/distributions",
                                    Json.obj(
                                            "requestId",
                                            "r-d",
                                            "product",
                                            P,
                                            "from",
                                            "MEE",
                                            "to",
                                            "PROVINCE-HB",
                                            "quantity",
                                            20_000))
                            .status())
                    .isEqualTo(201);
            String t1 = open(
                    c,
                    "province-HB",
                    Json.obj("id", "HB-R1", "type", "UNIT", "name", "R1", "province", "HB", "sector", "POWER"));
            String t2 = open(
                    c,
                    "province-HB",
                    Json.obj("id", "HB-R2", "type", "UNIT", "name", "R2", "province", "HB", "sector", "POWER"));
            String ti = open(c, "registry", Json.obj("id", "INST-R", "type", "INSTITUTION", "name", "Fund R"));
            holderTokens = Map.of("HB-R1", t1, "HB-R2", t2, "INST-R", ti);
            assertThat(c.post(
                                    "province-HB",
                                    "/api/v1/distributions",
                                    Json.obj(
                                            "requestId",
                                            "r-d1",
                                            "product",
                                            P,
                                            "from",
                                            "PROVINCE-HB",
                                            "to",
                                            "HB-R1",
                                            "quantity",
                                            5_000))
                            .status())
                    .isEqualTo(201);
            assertThat(c.post("exchange", "/api/v1/settlements", trade).status())
                    .isEqualTo(201);
            assertThat(c.put(
                                    "registry",
                                    "/api/v1/accounts/INST-R/status",
                                    Json.obj("status", "SUSPENDED", "reason", "inquiry"))
                            .status())
                    .isEqualTo(200);
            before = RegistryState.of(c, ACCOUNTS);
            verifyBefore = c.verify().orElseThrow();
            credentialsBefore = Files.readString(IdentityStore.credentialsFile(dir));
        }

        try (EmbeddedGateway g = EmbeddedGateway.start(dir)) {
            RegistryClient c = g.client();
            holderTokens.forEach(c::addIdentity);
            assertThat(Files.readString(IdentityStore.credentialsFile(dir)))
                    .as("credentials.json is not rewritten")
                    .isEqualTo(credentialsBefore);
            assertThat(RegistryState.of(c, ACCOUNTS))
                    .as("supply, accounts and log after the restart")
                    .isEqualTo(before);
            JsonObject v = c.verify().orElseThrow();
            assertThat(v.get("headHash")).isEqualTo(verifyBefore.get("headHash"));
            assertThat(v.get("chainIntact").getAsBoolean()).isTrue();
            assertThat(v.get("stateMatchesLog").getAsBoolean()).isTrue();
            assertThat(c.account("INST-R").get("status").getAsString()).isEqualTo("SUSPENDED");

            // every token still names the same identity
            assertThat(c.get("HB-R1", "/api/v1/whoami").json().get("account").getAsString())
                    .isEqualTo("HB-R1");
            assertThat(c.get("province-GD", "/api/v1/whoami")
                            .json()
                            .get("province")
                            .getAsString())
                    .isEqualTo("GD");
            assertThat(c.get("HB-R2", "/api/v1/accounts/HB-R2").status()).isEqualTo(200);
            assertThat(c.get("HB-R2", "/api/v1/settlements/r-T1").status()).isEqualTo(200);

            // ids used before the restart are still used
            Response replay = c.post("exchange", "/api/v1/settlements", trade);
            assertThat(replay.status()).isEqualTo(201);
            assertThat(replay.replayed()).isTrue();
            assertThat(c.post("mee", "/api/v1/issuances", issue).replayed()).isTrue();
            assertThat(c.post("mee", "/api/v1/issuances", Json.with(issue, "quantity", 1))
                            .code())
                    .isEqualTo("DUPLICATE_ID");
            assertThat(c.holding("HB-R2", P)).isEqualTo(700);

            // and the registry goes on: holders opened before the restart act with their tokens
            assertThat(c.post(
                                    "HB-R2",
                                    "/api/v1/cancellations",
                                    Json.obj(
                                            "requestId",
                                            "r-c",
                                            "account",
                                            "HB-R2",
                                            "product",
                                            P,
                                            "quantity",
                                            100,
                                            "purpose",
                                            "after restart"))
                            .status())
                    .isEqualTo(201);
            String t3 = open(
                    c,
                    "province-HB",
                    Json.obj("id", "HB-R3", "type", "UNIT", "name", "R3", "province", "HB", "sector", "POWER"));
            assertThat(t3).isNotIn(holderTokens.values());
            JsonObject after = c.verify().orElseThrow();
            assertThat(after.get("chainIntact").getAsBoolean()).isTrue();
            assertThat(after.get("stateMatchesLog").getAsBoolean()).isTrue();
            assertThat(after.get("entries").getAsLong())
                    .isGreaterThan(verifyBefore.get("entries").getAsLong());
            assertThat(c.audit().get("balanced").getAsBoolean()).isTrue();
        }
    }

    private static String open(RegistryClient c, String who, JsonObject account) {
        Response r = created(c.post(who, "/api/v1/accounts", account));
        String token = r.json().get("token").getAsString();
        c.addIdentity(account.get("id").getAsString(), token);
        return token;
    }
}
