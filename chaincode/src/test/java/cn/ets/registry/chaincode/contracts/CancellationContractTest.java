package cn.ets.registry.chaincode.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ets.registry.chaincode.testing.Parties;
import cn.ets.registry.chaincode.testing.TestIdentity;
import com.google.gson.JsonObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CancellationContractTest extends LedgerScenario {

    @BeforeEach
    void registry() {
        coreRegistry();
    }

    @Test
    void a_holder_cancels_units_for_good_and_the_record_is_public() {
        ok(cancel(HB_U1, "HB-U1", "CEA-2024", 250));
        assertThat(quantity("HB-U1", "CEA-2024")).isEqualTo(750);
        JsonObject s = supply("CEA-2024");
        assertThat(s.get("cancelled").getAsLong()).isEqualTo(250);
        assertThat(s.get("issued").getAsLong()).isEqualTo(10_000);
        assertThat(s.get("balanced").getAsBoolean()).isTrue();
        JsonObject list = object(
                ok(ledger.evaluate(Parties.AUDITOR, "cancellation:list", ctx -> new CancellationContract().list(ctx))));
        JsonObject rec = list.getAsJsonArray("cancellations").get(0).getAsJsonObject();
        assertThat(rec.get("purpose").getAsString()).isEqualTo("carbon-neutral conference");
        assertThat(rec.get("beneficiary").getAsString()).isEqualTo("ETS Forum 2025");
        assertThat(rec.get("actor").getAsString()).isEqualTo("account-HB-U1");
        assertSupplyBalanced();
    }

    @Test
    void institutions_cancel_too() {
        ok(settle(Parties.EXCHANGE, "HB-U1", "INST-1", 20));
        ok(cancel(INST_1, "INST-1", "CEA-2024", 20));
        assertThat(quantity("INST-1", "CEA-2024")).isZero();
    }

    @Test
    void no_one_cancels_units_of_another_account() {
        for (TestIdentity who :
                new TestIdentity[] {HB_U2, GD_U1, INST_1, Parties.HB, Parties.REGISTRY, Parties.MEE, Parties.EXCHANGE
                }) {
            assertRejectedWithoutWrites("FORBIDDEN", () -> cancel(who, "HB-U1", "CEA-2024", 1));
        }
    }

    @Test
    void cancelling_more_than_held_is_refused() {
        assertRejectedWithoutWrites("INSUFFICIENT_HOLDINGS", () -> cancel(HB_U1, "HB-U1", "CEA-2024", 1_001));
    }

    @ParameterizedTest
    @ValueSource(strings = {"RESTRICTED", "SUSPENDED"})
    void restricted_and_suspended_accounts_do_not_cancel(String status) {
        ok(setStatus(Parties.REGISTRY, "HB-U1", status));
        assertRejectedWithoutWrites("ACCOUNT_NOT_ACTIVE", () -> cancel(HB_U1, "HB-U1", "CEA-2024", 1));
    }

    /** An account asked to close empties itself, cancelling included; the registry may restrict the function alone. */
    @Test
    void a_closing_account_may_cancel_what_it_holds_unless_the_function_is_restricted() {
        ok(setStatus(Parties.REGISTRY, "HB-U1", "CLOSED"));
        assertThat(status("HB-U1")).isEqualTo("CLOSURE_PENDING");
        ok(cancel(HB_U1, "HB-U1", "CEA-2024", 1));
        ok(applyMeasure("HB-U1", "RESTRICT_FUNCTIONS", "CANCELLATION"));
        assertRejectedWithoutWrites("ACCOUNT_NOT_ACTIVE", () -> cancel(HB_U1, "HB-U1", "CEA-2024", 1));
    }

    @Test
    void a_purpose_is_required() {
        assertRejectedWithoutWrites(
                "BAD_REQUEST",
                () -> cancelCommand(
                        HB_U1, json("requestId", "c-np", "account", "HB-U1", "product", "CEA-2024", "quantity", 1)));
    }
}
