package cn.ets.registry.chaincode.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ets.registry.chaincode.json.CanonicalJson;
import cn.ets.registry.chaincode.testing.InMemoryLedger.Outcome;
import cn.ets.registry.chaincode.testing.Parties;
import cn.ets.registry.chaincode.testing.TestIdentity;
import java.util.List;
import java.util.function.Function;
import org.hyperledger.fabric.contract.Context;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A replay answers the first result only to an identity that may send the command: the same
 * command, byte for byte, from another province or the exchange is FORBIDDEN and writes nothing
 * (before, the four allocation commands authorised inside the replay check and handed HB's stored
 * result to anyone with {@code "replayed":true}).
 */
class ReplayAuthorisationTest extends LedgerScenario {
    private static final List<TestIdentity> STRANGERS =
            List.of(Parties.GD, Parties.EXCHANGE, Parties.MEE, Parties.REGISTRY);

    @BeforeEach
    void registry() {
        secondPartRegistry();
        give("CEA-2024", "PROVINCE-HB", 50_000);
        ok(on("2024-05-01", () -> recordEmissions(Parties.HB, "HB-U1", 2023, 10_000)));
        ok(recordEmissions(Parties.HB, "HB-U1", 2024, 9_000));
    }

    @Test
    void a_pre_allocation_is_replayed_to_its_province_and_refused_to_everyone_else() {
        assertReplayedOnlyToSender(
                "allocation:pre",
                json("requestId", "pre-1", "unitId", "HB-U1", "year", 2024),
                c -> ctx -> new AllocationContract().pre(ctx, c));
    }

    @Test
    void a_final_allocation_is_replayed_to_its_province_and_refused_to_everyone_else() {
        String command = CanonicalJson.writeMap(map(
                "requestId",
                "fin-1",
                "unitId",
                "HB-U1",
                "year",
                2024,
                "sector",
                "POWER",
                "facilities",
                List.of(map("category", "COAL_ABOVE_300MW", "electricityMWh", 10_000, "loadFactor", "0.80"))));
        assertReplayedOnlyToSender(
                "allocation:finalise", command, c -> ctx -> new AllocationContract().finalise(ctx, c));
    }

    @Test
    void an_adjustment_is_replayed_to_its_province_and_refused_to_everyone_else() {
        assertReplayedOnlyToSender(
                "allocation:adjust",
                json(
                        "requestId",
                        "adj-1",
                        "unitId",
                        "HB-U1",
                        "year",
                        2024,
                        "quantity",
                        100,
                        "reason",
                        "CAPACITY_CHANGE"),
                c -> ctx -> new AllocationContract().adjust(ctx, c));
    }

    @Test
    void a_debt_collection_is_replayed_to_its_province_and_refused_to_everyone_else() {
        assertReplayedOnlyToSender(
                "allocation:collectDebt",
                json("requestId", "debt-1", "unitId", "HB-U1", "year", 2024),
                c -> ctx -> new AllocationContract().collectDebt(ctx, c));
    }

    private void assertReplayedOnlyToSender(
            String function, String command, Function<String, Function<Context, String>> call) {
        String first = ok(ledger.submit(Parties.HB, function, call.apply(command)));
        String firstTx = object(first).get("txId").getAsString();
        for (TestIdentity stranger : STRANGERS) {
            Outcome o = assertRejectedWithoutWrites(
                    "FORBIDDEN", () -> ledger.submit(stranger, function, call.apply(command)));
            assertThat(o.message())
                    .as("a refusal never shows the first sender's transaction")
                    .doesNotContain(firstTx);
            assertThat(o.details()).as("nor do its details").doesNotContain(firstTx);
        }
        var replay = object(ok(ledger.submit(Parties.HB, function, call.apply(command))));
        assertThat(replay.get("replayed").getAsBoolean()).isTrue();
        assertThat(replay.get("txId").getAsString()).isEqualTo(firstTx);
    }
}
