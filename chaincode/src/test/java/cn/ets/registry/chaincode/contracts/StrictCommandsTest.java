package cn.ets.registry.chaincode.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ets.registry.chaincode.testing.InMemoryLedger.Outcome;
import cn.ets.registry.chaincode.testing.Parties;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The chaincode reads a command one way, on every peer and in the embedded ledger: a key given
 * twice, a whole number spelt as a fraction or an exponent, a field the command does not have, or
 * an id that is not Unicode text is refused with BAD_REQUEST (INVALID_QUANTITY for quantities) and
 * writes nothing — never settled as the last duplicate says, nor collapsed into another id.
 */
class StrictCommandsTest extends LedgerScenario {

    @BeforeEach
    void registry() {
        coreRegistry();
    }

    private Outcome settle(String json) {
        return ledger.submit(Parties.EXCHANGE, "settlement:settle", ctx -> new SettlementContract().settle(ctx, json));
    }

    @Test
    void a_key_given_twice_is_refused_not_read_as_its_last_value() {
        String twice = "{\"tradeId\":\"dup-1\",\"product\":\"CEA-2024\",\"seller\":\"HB-U1\",\"buyer\":\"HB-U2\","
                + "\"quantity\":1,\"quantity\":900,\"price\":\"80.00\",\"mode\":\"LISTED\","
                + "\"tradedAt\":\"2025-12-15T10:30:00+08:00\"}";
        Outcome o = assertRejectedWithoutWrites("BAD_REQUEST", () -> settle(twice));
        assertThat(o.message()).contains("quantity").contains("twice");
    }

    @ParameterizedTest(name = "quantity {0}")
    @ValueSource(strings = {"1e2", "1E2", "100.0", "-0", "1.0e2"})
    void a_whole_number_written_otherwise_is_not_a_quantity(String literal) {
        String command = "{\"requestId\":\"lit-" + literal.hashCode() + "\",\"product\":\"CEA-2024\",\"quantity\":"
                + literal + "}";
        Outcome o = assertRejectedWithoutWrites("INVALID_QUANTITY", () -> issueCommand(Parties.MEE, command));
        assertThat(o.message()).contains(literal);
    }

    @Test
    void a_field_the_command_does_not_have_is_refused() {
        Outcome o = assertRejectedWithoutWrites(
                "BAD_REQUEST",
                () -> issueCommand(
                        Parties.MEE,
                        "{\"requestId\":\"unk-1\",\"product\":\"CEA-2024\",\"quantity\":5,\"quantiy\":5000}"));
        assertThat(o.message()).contains("quantiy");
        // nested records too: an item of a surrender
        ok(recordEmissions(Parties.HB, "HB-U1", 2024, 100));
        assertRejectedWithoutWrites(
                "BAD_REQUEST",
                () -> ledger.submit(
                        HB_U1,
                        "surrender:surrender",
                        ctx -> new SurrenderContract()
                                .surrender(
                                        ctx,
                                        "{\"requestId\":\"s-unk\",\"unitId\":\"HB-U1\",\"year\":2024,\"items\":[{\"product\":\"CEA-2024\",\"quantity\":1,\"serials\":\"x\"}]}")));
    }

    @Test
    void ids_with_a_lone_surrogate_are_refused_so_two_ids_never_become_one() {
        // "\ud800" and "\udbff" are both a lone high surrogate: in UTF-8 each would become "?"
        for (String id : new String[] {"T-\\ud800", "T-\\udbff", "T-\\udc00x"}) {
            String command = "{\"tradeId\":\"" + id + "\",\"product\":\"CEA-2024\",\"seller\":\"HB-U1\","
                    + "\"buyer\":\"HB-U2\",\"quantity\":1,\"price\":\"80.00\",\"mode\":\"LISTED\","
                    + "\"tradedAt\":\"2025-12-15T10:30:00+08:00\"}";
            assertRejectedWithoutWrites("BAD_REQUEST", () -> settle(command));
        }
        // a surrogate pair is a character like any other
        ok(settle("{\"tradeId\":\"T-\\ud83d\\ude00\",\"product\":\"CEA-2024\",\"seller\":\"HB-U1\","
                + "\"buyer\":\"HB-U2\",\"quantity\":1,\"price\":\"80.00\",\"mode\":\"LISTED\","
                + "\"tradedAt\":\"2025-12-15T10:30:00+08:00\"}"));
    }

    @Test
    void a_path_argument_with_a_lone_surrogate_is_refused() {
        Outcome o =
                ledger.evaluate(Parties.REGISTRY, "accounts:get", ctx -> new AccountsContract().get(ctx, "HB-\ud800"));
        assertThat(o.code()).as("%s", o).isEqualTo("BAD_REQUEST");
    }
}
