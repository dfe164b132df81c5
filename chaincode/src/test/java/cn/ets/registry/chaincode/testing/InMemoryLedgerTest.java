package cn.ets.registry.chaincode.testing;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ets.registry.chaincode.testing.InMemoryLedger.Outcome;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hyperledger.fabric.contract.ClientIdentity;
import org.hyperledger.fabric.shim.ChaincodeException;
import org.hyperledger.fabric.shim.ChaincodeStub;
import org.hyperledger.fabric.shim.ledger.KeyValue;
import org.junit.jupiter.api.Test;

/** The test ledger behaves as a Fabric peer does, or the contract tests would prove nothing. */
class InMemoryLedgerTest {
    private final InMemoryLedger ledger = new InMemoryLedger();

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void a_transaction_does_not_read_its_own_writes() {
        ledger.submit(Parties.MEE, "t", ctx -> {
            ctx.getStub().putState("k", b("committed"));
            return "";
        });
        Outcome o = ledger.submit(Parties.MEE, "t", ctx -> {
            ctx.getStub().putState("k", b("staged"));
            return ctx.getStub().getStringState("k");
        });
        assertThat(o.payload()).isEqualTo("committed");
        assertThat(ledger.snapshot()).containsEntry("k", "staged");
    }

    @Test
    void a_missing_key_reads_as_empty_bytes() {
        assertThat(ledger.evaluate(
                                Parties.MEE,
                                "t",
                                ctx -> String.valueOf(ctx.getStub().getState("none").length))
                        .payload())
                .isEqualTo("0");
    }

    @Test
    void a_failed_transaction_writes_nothing_and_emits_nothing() {
        Outcome o = ledger.submit(Parties.MEE, "t", ctx -> {
            ctx.getStub().putState("k", b("v"));
            ctx.getStub().setEvent("E", b("{}"));
            throw new ChaincodeException("[INSUFFICIENT_HOLDINGS] nope details={\"account\":\"HB-U1\"}");
        });
        assertThat(o.code()).isEqualTo("INSUFFICIENT_HOLDINGS");
        assertThat(o.message()).isEqualTo("nope");
        assertThat(o.details()).isEqualTo("{\"account\":\"HB-U1\"}");
        assertThat(ledger.snapshot()).isEmpty();
        assertThat(ledger.events()).isEmpty();
    }

    @Test
    void an_evaluation_never_commits() {
        ledger.evaluate(Parties.MEE, "t", ctx -> {
            ctx.getStub().putState("k", b("v"));
            return "";
        });
        assertThat(ledger.snapshot()).isEmpty();
    }

    @Test
    void only_the_last_event_of_a_transaction_is_kept() {
        ledger.submit(Parties.MEE, "t", ctx -> {
            ctx.getStub().setEvent("First", b("1"));
            ctx.getStub().setEvent("Second", b("2"));
            return "";
        });
        assertThat(ledger.events()).hasSize(1);
        assertThat(ledger.events().get(0).getEventName()).isEqualTo("Second");
        assertThat(ledger.events().get(0).getPayload().toStringUtf8()).isEqualTo("2");
    }

    @Test
    void partial_composite_key_queries_return_keys_in_lexical_byte_order() {
        String[] attrs = {"b", "a", "é", "z", "\uD83D\uDE00", "\uFFFD", "A", "a\u0001"};
        ledger.submit(Parties.MEE, "t", ctx -> {
            ChaincodeStub s = ctx.getStub();
            for (String a : attrs) {
                s.putState(s.createCompositeKey("hold", a, "CEA-2024").toString(), b(a));
            }
            s.putState(s.createCompositeKey("holder", "x").toString(), b("other type"));
            return "";
        });
        Outcome o = ledger.evaluate(Parties.MEE, "t", ctx -> {
            List<String> seen = new ArrayList<>();
            try (var it = ctx.getStub().getStateByPartialCompositeKey("hold")) {
                for (KeyValue kv : it) {
                    seen.add(kv.getStringValue());
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            return String.join("|", seen);
        });
        // UTF-8 byte order: A < a < a\u0001 < b < z < é < U+FFFD < U+1F600 (a plain String sort would put U+FFFD last)
        assertThat(o.payload())
                .isEqualTo(String.join("|", "A", "a", "a\u0001", "b", "z", "é", "\uFFFD", "\uD83D\uDE00"));
    }

    @Test
    void the_creator_is_a_serialized_identity_the_shim_reads_msp_and_attributes_from() throws Exception {
        TestIdentity unit = TestCerts.identity(
                "ProvinceHBMSP", "account-HB-U1", Map.of("role", "UNIT", "province", "HB", "account", "HB-U1"));
        Outcome o = ledger.evaluate(unit, "t", ctx -> {
            ClientIdentity id = ctx.getClientIdentity();
            return id.getMSPID() + " " + id.getAttributeValue("role") + " " + id.getAttributeValue("province") + " "
                    + id.getAttributeValue("account") + " "
                    + id.getX509Certificate().getSubjectX500Principal().getName();
        });
        assertThat(o.payload()).startsWith("ProvinceHBMSP UNIT HB HB-U1 ").contains("CN=account-HB-U1", "OU=client");
    }
}
