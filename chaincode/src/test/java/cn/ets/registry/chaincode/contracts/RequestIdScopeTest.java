package cn.ets.registry.chaincode.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ets.registry.chaincode.testing.InMemoryLedger.Outcome;
import cn.ets.registry.chaincode.testing.Parties;
import org.hyperledger.fabric.shim.ledger.CompositeKey;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A requestId is its caller's own: a unit's cancellation id does not block MEE's issuance, a
 * DUPLICATE_ID names only the id (never another command's transaction), and a replay answers only
 * the caller that sent the command.
 */
class RequestIdScopeTest extends LedgerScenario {

    @BeforeEach
    void registry() {
        coreRegistry();
    }

    private Outcome cancel(String requestId, long quantity) {
        String command = json(
                "requestId",
                requestId,
                "account",
                "HB-U1",
                "product",
                "CEA-2024",
                "quantity",
                quantity,
                "purpose",
                "scope test");
        return ledger.submit(HB_U1, "cancellation:cancel", ctx -> new CancellationContract().cancel(ctx, command));
    }

    private Outcome issueWithId(String requestId, long quantity) {
        return issueCommand(Parties.MEE, json("requestId", requestId, "product", "CEA-2024", "quantity", quantity));
    }

    @Test
    void one_callers_request_id_does_not_block_another_callers_command() {
        JsonView cancelled = new JsonView(ok(cancel("shared-1", 10)));
        Outcome issued = issueWithId("shared-1", 500);
        assertThat(issued.ok()).as("%s", issued).isTrue();
        JsonView iss = new JsonView(issued.payload());
        assertThat(iss.bool("replayed")).isFalse();
        assertThat(iss.str("txId")).isNotEqualTo(cancelled.str("txId"));
        assertThat(supply("CEA-2024").get("issued").getAsLong()).isEqualTo(10_500);
    }

    @Test
    void a_duplicate_id_names_only_the_id() {
        JsonView cancelled = new JsonView(ok(cancel("mine-1", 10)));
        Outcome dup = assertRejectedWithoutWrites("DUPLICATE_ID", () -> cancel("mine-1", 11));
        assertThat(object(dup.details()).keySet()).containsExactly("id");
        assertThat(dup.toString()).doesNotContain(cancelled.str("txId"));
        // and MEE, using the same id for something else, hears nothing of the unit's cancellation
        Outcome issued = issueWithId("mine-1", 5);
        assertThat(issued.ok()).isTrue();
        assertThat(issued.payload()).doesNotContain(cancelled.str("txId"));
    }

    @Test
    void each_caller_replays_its_own_command() {
        JsonView first = new JsonView(ok(cancel("again-1", 10)));
        JsonView again = new JsonView(ok(cancel("again-1", 10)));
        assertThat(again.bool("replayed")).isTrue();
        assertThat(again.str("txId")).isEqualTo(first.str("txId"));
    }

    @Test
    void a_request_stored_before_ids_were_per_caller_is_still_replayed_not_run_twice() {
        // what the earlier layout stored under req~id for an issuance of 700 t
        ok(issueWithId("old-1", 700));
        long issued = supply("CEA-2024").get("issued").getAsLong();
        String scoped = ledger.snapshot().keySet().stream()
                .filter(k -> k.contains("old-1"))
                .findFirst()
                .orElseThrow();
        String stored = ledger.snapshot().get(scoped);
        ledger.seed(scoped, null);
        ledger.seed(new CompositeKey("req", "old-1").toString(), stored);
        Outcome again = issueWithId("old-1", 700);
        assertThat(new JsonView(ok(again)).bool("replayed")).isTrue();
        assertThat(supply("CEA-2024").get("issued").getAsLong()).isEqualTo(issued);
        // other content under such an id is not blocked (it may have been another caller's)
        assertThat(issueWithId("old-1", 701).ok()).isTrue();
    }

    /** A result read as JSON. */
    record JsonView(String json) {
        String str(String field) {
            return object(json).get(field).getAsString();
        }

        boolean bool(String field) {
            return object(json).get(field).getAsBoolean();
        }
    }
}
