package cn.ets.registry.chaincode.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ets.registry.chaincode.testing.Parties;
import cn.ets.registry.chaincode.testing.TestIdentity;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The enforcement measures of 001 §45 on the ledger: typed, with reason, legal basis and actor,
 * listed for the account, lifted one by one; "cancel trading qualification" is not a status.
 */
class MeasuresLedgerTest extends LedgerScenario {

    @BeforeEach
    void registry() {
        coreRegistry();
    }

    @Test
    void cancelling_the_trading_qualification_stops_trades_and_leaves_the_status_alone() {
        JsonObject r = object(ok(applyMeasure("HB-U1", "CANCEL_TRADING_QUALIFICATION")));
        JsonObject m = r.getAsJsonObject("measure");
        assertThat(m.get("type").getAsString()).isEqualTo("CANCEL_TRADING_QUALIFICATION");
        assertThat(m.get("clause").getAsString()).isEqualTo("001 §45 (六) 取消交易资格");
        assertThat(m.get("legalBasis").getAsString()).contains("第二十八条");
        assertThat(m.get("reason").getAsString()).isEqualTo("late settlement of funds");
        assertThat(m.get("appliedBy").getAsString()).isEqualTo(Parties.REGISTRY.name());
        assertThat(r.getAsJsonObject("account").get("status").getAsString()).isEqualTo("ACTIVE");
        assertThat(r.getAsJsonObject("account").get("tradingQualified").getAsBoolean())
                .isFalse();
        assertThat(ledger.events().get(ledger.events().size() - 1).getEventName())
                .isEqualTo("EnforcementMeasureApplied");
        assertRejectedWithoutWrites("NOT_TRADABLE", () -> settle(Parties.EXCHANGE, "HB-U1", "HB-U2", 10));
        assertRejectedWithoutWrites("NOT_TRADABLE", () -> settle(Parties.EXCHANGE, "HB-U2", "HB-U1", 10));
        ok(recordEmissions(Parties.HB, "HB-U1", 2024, 10));
        ok(surrender(HB_U1, "HB-U1", 2024, "CEA-2024", 10)); // compliance stays possible

        ok(liftMeasure(Parties.REGISTRY, "HB-U1", m.get("measureId").getAsString()));
        ok(settle(Parties.EXCHANGE, "HB-U1", "HB-U2", 10));
    }

    @Test
    void restricting_a_function_refuses_it_alone_and_restricting_transfers_still_lets_the_unit_buy() {
        ok(applyMeasure("HB-U1", "RESTRICT_FUNCTIONS", "PLEDGE"));
        assertRejectedWithoutWrites("ACCOUNT_NOT_ACTIVE", () -> pledge(HB_U1, "HB-U1", "CEA-2024", 10, "INST-1"));
        ok(cancel(HB_U1, "HB-U1", "CEA-2024", 1));

        String restrict = object(ok(applyMeasure("HB-U2", "RESTRICT_TRANSFER")))
                .getAsJsonObject("measure")
                .get("measureId")
                .getAsString();
        assertThat(status("HB-U2")).isEqualTo("RESTRICTED");
        assertRejectedWithoutWrites("ACCOUNT_NOT_ACTIVE", () -> settle(Parties.EXCHANGE, "HB-U2", "HB-U1", 10));
        ok(settle(Parties.EXCHANGE, "HB-U1", "HB-U2", 10));
        ok(liftMeasure(Parties.REGISTRY, "HB-U2", restrict));
        assertThat(status("HB-U2")).isEqualTo("ACTIVE");
        assertRejectedWithoutWrites("CONFLICT", () -> liftMeasure(Parties.REGISTRY, "HB-U2", restrict));
    }

    @Test
    void terminating_the_business_closes_what_is_empty_and_every_measure_is_on_the_record() {
        ok(applyMeasure("GD-U1", "NOTICE"));
        JsonObject t = object(ok(applyMeasure("GD-U1", "TERMINATE_BUSINESS")));
        assertThat(t.getAsJsonObject("account").get("status").getAsString()).isEqualTo("CLOSURE_PENDING");
        assertThat(t.getAsJsonObject("account").getAsJsonArray("closurePending"))
                .hasSize(1);
        ok(cancel(GD_U1, "GD-U1", "CEA-2024", 300));
        ok(setStatus(Parties.REGISTRY, "GD-U1", "CLOSED"));
        assertThat(status("GD-U1")).isEqualTo("CLOSED");
        assertRejectedWithoutWrites("ACCOUNT_NOT_ACTIVE", () -> applyMeasure("GD-U1", "NOTICE"));

        JsonArray all = measures(Parties.GD, "GD-U1").getAsJsonArray("measures");
        assertThat(all).hasSize(2);
        assertThat(all.get(0).getAsJsonObject().get("type").getAsString()).isEqualTo("NOTICE");
        assertThat(all.get(1).getAsJsonObject().get("type").getAsString()).isEqualTo("TERMINATE_BUSINESS");
        assertThat(measures(GD_U1, "GD-U1").getAsJsonArray("measures")).hasSize(2);
        assertThat(ledger.evaluate(
                                Parties.HB, "accounts:measures", ctx -> new AccountsContract().measures(ctx, "GD-U1"))
                        .code())
                .isEqualTo("FORBIDDEN");
    }

    @Test
    void only_the_registry_takes_measures_and_bad_ones_are_refused_without_writes() {
        for (TestIdentity who : new TestIdentity[] {Parties.MEE, Parties.HB, HB_U1, Parties.EXCHANGE}) {
            String command = json("requestId", "m-x", "measure", "NOTICE", "reason", "r", "legalBasis", "b");
            assertRejectedWithoutWrites(
                    "FORBIDDEN",
                    () -> ledger.submit(
                            who,
                            "accounts:applyMeasure",
                            ctx -> new AccountsContract().applyMeasure(ctx, "HB-U1", command)));
        }
        assertRejectedWithoutWrites("FORBIDDEN", () -> applyMeasure("PROVINCE-HB", "NOTICE"));
        assertRejectedWithoutWrites("BAD_REQUEST", () -> applyMeasure("HB-U1", "RESTRICT_FUNCTIONS"));
        assertRejectedWithoutWrites("BAD_REQUEST", () -> applyMeasure("HB-U1", "RESTRICT_FUNCTIONS", "SURRENDER"));
        assertRejectedWithoutWrites("BAD_REQUEST", () -> applyMeasure("HB-U1", "NOTICE", "TRADE"));
        assertRejectedWithoutWrites("BAD_REQUEST", () -> applyMeasure("HB-U1", "FINE"));
        String blank = json("requestId", "m-b", "measure", "NOTICE", "reason", " ", "legalBasis", "b");
        assertRejectedWithoutWrites(
                "BAD_REQUEST",
                () -> ledger.submit(
                        Parties.REGISTRY,
                        "accounts:applyMeasure",
                        ctx -> new AccountsContract().applyMeasure(ctx, "HB-U1", blank)));
        assertRejectedWithoutWrites("NOT_FOUND", () -> liftMeasure(Parties.REGISTRY, "HB-U1", "M-404"));
        String notice = object(ok(applyMeasure("HB-U1", "NOTICE")))
                .getAsJsonObject("measure")
                .get("measureId")
                .getAsString();
        assertRejectedWithoutWrites("CONFLICT", () -> liftMeasure(Parties.REGISTRY, "HB-U1", notice));
        assertRejectedWithoutWrites("FORBIDDEN", () -> liftMeasure(Parties.MEE, "HB-U1", notice));
    }
}
