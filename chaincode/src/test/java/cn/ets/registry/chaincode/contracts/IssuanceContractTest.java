package cn.ets.registry.chaincode.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ets.registry.chaincode.testing.InMemoryLedger.Outcome;
import cn.ets.registry.chaincode.testing.Parties;
import cn.ets.registry.chaincode.testing.TestCerts;
import cn.ets.registry.chaincode.testing.TestIdentity;
import com.google.gson.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Stream;
import org.hyperledger.fabric.protos.peer.ChaincodeEvent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class IssuanceContractTest extends LedgerScenario {

    @BeforeEach
    void registry() {
        coreRegistry();
    }

    @Test
    void mee_issues_into_its_own_account_and_supply_counts_it() {
        JsonObject r = object(ok(issue(Parties.MEE, "CEA-2025", 7_000)));
        assertThat(r.get("account").getAsString()).isEqualTo("MEE");
        assertThat(r.get("quantity").getAsLong()).isEqualTo(7_000);
        assertThat(r.get("replayed").getAsBoolean()).isFalse();
        assertThat(quantity("MEE", "CEA-2025")).isEqualTo(7_000);
        JsonObject s = supply("CEA-2025");
        assertThat(s.get("issued").getAsLong()).isEqualTo(7_000);
        assertThat(s.get("held").getAsLong()).isEqualTo(7_000);
        assertThat(s.get("balanced").getAsBoolean()).isTrue();
        assertSupplyBalanced();
    }

    static Stream<Arguments> notMee() {
        return Stream.of(
                Arguments.of("registry", Parties.REGISTRY),
                Arguments.of("exchange", Parties.EXCHANGE),
                Arguments.of("province", Parties.HB),
                Arguments.of("unit", HB_U1),
                Arguments.of("auditor", Parties.AUDITOR),
                Arguments.of(
                        "auditor of MEE's own organisation",
                        TestCerts.identity("MEEMSP", "mee-auditor", Map.of("role", "AUDITOR"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("notMee")
    void no_one_but_mee_may_issue_and_a_refusal_writes_nothing(String label, TestIdentity who) {
        assertRejectedWithoutWrites("FORBIDDEN", () -> issue(who, "CEA-2024", 1_000));
    }

    @Test
    void a_province_certificate_claiming_the_mee_role_is_not_believed() {
        TestIdentity forged = TestCerts.identity("ProvinceHBMSP", "fake-mee", Map.of("role", "MEE"));
        assertRejectedWithoutWrites("FORBIDDEN", () -> issue(forged, "CEA-2024", 1_000));
    }

    @Test
    void a_certificate_without_fabric_attributes_is_forbidden() {
        TestIdentity bare = TestCerts.identity("MEEMSP", "no-attrs", null);
        Outcome o = assertRejectedWithoutWrites("FORBIDDEN", () -> issue(bare, "CEA-2024", 1_000));
        assertThat(o.message()).contains("no role attribute");
    }

    @Test
    void ccer_are_not_issued_through_cea_issuance() {
        assertRejectedWithoutWrites("BAD_REQUEST", () -> issue(Parties.MEE, "CCER-1", 1_000));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-5", "1.5", "9223372036854775808", "1000000000000000001", "1e400"})
    void zero_negative_fractional_and_overflowing_quantities_are_invalid(String quantity) {
        String command =
                "{\"requestId\":\"q-" + quantity + "\",\"product\":\"CEA-2024\",\"quantity\":" + quantity + "}";
        assertRejectedWithoutWrites("INVALID_QUANTITY", () -> issueCommand(Parties.MEE, command));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{}",
                "{\"requestId\":\"r\",\"product\":\"CEA-2024\"}",
                "{\"requestId\":\"r\",\"quantity\":5}",
                "{\"product\":\"CEA-2024\",\"quantity\":5}",
                "{\"requestId\":\"r\",\"product\":\"CEA-2024\",\"quantity\":\"5\"}",
                "{\"requestId\":\"r\",\"product\":\"EUA-2024\",\"quantity\":5}",
                "{\"requestId\":\"\",\"product\":\"CEA-2024\",\"quantity\":5}",
                "not json",
                "[1,2]"
            })
    void malformed_or_incomplete_commands_are_bad_requests(String command) {
        assertRejectedWithoutWrites("BAD_REQUEST", () -> issueCommand(Parties.MEE, command));
    }

    @Test
    void the_same_request_id_with_the_same_content_returns_the_first_result_and_writes_nothing() {
        String command = json("requestId", "iss-once", "product", "CEA-2025", "quantity", 100);
        JsonObject first = object(ok(issueCommand(Parties.MEE, command)));
        Map<String, String> before = ledger.snapshot();
        int events = ledger.events().size();
        JsonObject again = object(ok(issueCommand(Parties.MEE, command)));
        assertThat(again.get("replayed").getAsBoolean()).isTrue();
        assertThat(again.get("txId")).isEqualTo(first.get("txId"));
        assertThat(ledger.snapshot()).isEqualTo(before);
        assertThat(ledger.events()).hasSize(events);
        assertThat(quantity("MEE", "CEA-2025")).isEqualTo(100);
    }

    @Test
    void the_same_request_id_with_other_content_is_a_duplicate_id() {
        ok(issueCommand(Parties.MEE, json("requestId", "iss-dup", "product", "CEA-2025", "quantity", 100)));
        assertRejectedWithoutWrites(
                "DUPLICATE_ID",
                () -> issueCommand(Parties.MEE, json("requestId", "iss-dup", "product", "CEA-2025", "quantity", 101)));
    }

    @Test
    void a_rejected_command_does_not_use_up_its_id() {
        assertRejectedWithoutWrites(
                "FORBIDDEN",
                () -> issueCommand(Parties.HB, json("requestId", "iss-free", "product", "CEA-2025", "quantity", 100)));
        JsonObject r = object(
                ok(issueCommand(Parties.MEE, json("requestId", "iss-free", "product", "CEA-2025", "quantity", 100))));
        assertThat(r.get("replayed").getAsBoolean()).isFalse();
    }

    @Test
    void the_committed_event_names_the_issuance_and_who_did_it() {
        JsonObject r = object(ok(issue(Parties.MEE, "CEA-2025", 42)));
        ChaincodeEvent e = ledger.events().get(ledger.events().size() - 1);
        assertThat(e.getEventName()).isEqualTo("AllowancesIssued");
        JsonObject payload = object(e.getPayload().toString(StandardCharsets.UTF_8));
        assertThat(payload.get("type").getAsString()).isEqualTo("AllowancesIssued");
        assertThat(payload.get("actor").getAsString()).isEqualTo("mee");
        assertThat(payload.get("org").getAsString()).isEqualTo("MEEMSP");
        assertThat(payload.get("txId")).isEqualTo(r.get("txId"));
        assertThat(payload.getAsJsonObject("data").get("quantity").getAsLong()).isEqualTo(42);
    }
}
