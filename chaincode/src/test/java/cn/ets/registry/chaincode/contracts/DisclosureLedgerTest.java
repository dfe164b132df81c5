package cn.ets.registry.chaincode.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ets.registry.chaincode.testing.Parties;
import cn.ets.registry.chaincode.testing.TestIdentity;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import org.junit.jupiter.api.Test;

/** The public lists and totals (001 §35, 002), read by an auditor as anyone would. */
class DisclosureLedgerTest extends LedgerScenario {

    private JsonObject years() {
        return object(
                ok(ledger.evaluate(Parties.AUDITOR, "disclosure:years", ctx -> new DisclosureContract().years(ctx))));
    }

    private JsonObject pledges() {
        return object(ok(
                ledger.evaluate(Parties.AUDITOR, "disclosure:pledges", ctx -> new DisclosureContract().pledges(ctx))));
    }

    private JsonObject allocations(int year) {
        return object(ok(ledger.evaluate(
                Parties.AUDITOR,
                "disclosure:allocations",
                ctx -> new DisclosureContract().allocations(ctx, String.valueOf(year)))));
    }

    private JsonArray cancellations() {
        return object(ok(ledger.evaluate(
                        Parties.AUDITOR, "cancellation:list", ctx -> new CancellationContract().list(ctx))))
                .getAsJsonArray("cancellations");
    }

    @Test
    void the_compliance_years_are_those_with_units_on_record_in_ascending_order() {
        coreRegistry();
        assertThat(years().getAsJsonArray("years")).isEmpty();
        ok(recordEmissions(Parties.GD, "GD-U1", 2025, 100));
        ok(recordEmissions(Parties.HB, "HB-U1", 2024, 100));
        ok(recordEmissions(Parties.HB, "HB-U2", 2024, 100));
        assertThat(years().getAsJsonArray("years").toString()).isEqualTo("[2024,2025]");
    }

    @Test
    void pledge_totals_count_pledges_in_force_per_product_without_naming_anyone() {
        coreRegistry();
        String first = lockId(pledge(HB_U1, "HB-U1", "CEA-2024", 100, "INST-1"));
        String second = lockId(pledge(GD_U1, "GD-U1", "CEA-2024", 30, "INST-1"));
        ok(pledge(HB_U2, "HB-U2", "CEA-2024", 7, "INST-1")); // proposed, never accepted: not in force
        ok(freeze(Parties.REGISTRY, "HB-U2", "CEA-2024", 50));
        ok(accept(INST_1, first));
        ok(accept(INST_1, second));
        assertThat(pledges().toString())
                .isEqualTo("{\"products\":[{\"pledges\":2,\"product\":\"CEA-2024\",\"quantity\":130}]}");
        ok(release(INST_1, first));
        assertThat(pledges().toString())
                .isEqualTo("{\"products\":[{\"pledges\":1,\"product\":\"CEA-2024\",\"quantity\":30}]}");
    }

    @Test
    void every_units_allocation_of_a_year_is_listed() {
        secondPartRegistry();
        ok(issue(Parties.MEE, "CEA-2024", 100_000));
        ok(distribute(Parties.MEE, "CEA-2024", "MEE", "PROVINCE-HB", 100_000));
        ok(on("2024-05-01", () -> recordEmissions(Parties.HB, "HB-U1", 2023, 10_000)));
        ok(on("2024-05-01", () -> recordEmissions(Parties.HB, "HB-U2", 2023, 20_000)));
        ok(preAllocate(Parties.HB, "HB-U1", 2024));
        ok(preAllocate(Parties.HB, "HB-U2", 2024));
        JsonObject list = allocations(2024);
        assertThat(list.get("year").getAsInt()).isEqualTo(2024);
        JsonArray units = list.getAsJsonArray("units");
        assertThat(units).hasSize(2);
        assertThat(units.get(0).getAsJsonObject().get("unitId").getAsString()).isEqualTo("HB-U1");
        assertThat(units.get(0)).isEqualTo(allocation(2024, "HB-U1"));
        assertThat(units.get(1)).isEqualTo(allocation(2024, "HB-U2"));
        assertThat(allocations(2025).getAsJsonArray("units")).isEmpty();
    }

    @Test
    void an_individuals_cancellation_is_public_without_its_account_or_name() {
        secondPartRegistry();
        ok(issue(Parties.MEE, "CEA-2024", 1_000));
        ok(distribute(Parties.MEE, "CEA-2024", "MEE", "PROVINCE-HB", 1_000));
        ok(distribute(Parties.HB, "CEA-2024", "PROVINCE-HB", "HB-U1", 1_000));
        ok(registerProject(Parties.MEE, "P-WIND", "PO-1", false));
        ok(issueCcer(Parties.MEE, "P-WIND", "2023-01-01", "2023-12-31", 100, false));
        ok(settle("CCER-1", "PO-1", "IND-1", 40)); // an individual trades CCER only (003 §2.2.6)
        JsonObject own = object(ok(cancel(IND_1, "IND-1", "CCER-1", 15)));
        assertThat(own.get("account").getAsString()).isEqualTo("IND-1");
        ok(cancel(HB_U1, "HB-U1", "CEA-2024", 5));

        JsonArray list = cancellations();
        assertThat(list).hasSize(2);
        for (var e : list) {
            JsonObject rec = e.getAsJsonObject();
            if (rec.get("holder").getAsString().equals("INDIVIDUAL")) {
                assertThat(rec.get("account")).isNull();
                assertThat(rec.get("actor")).isNull();
                assertThat(rec.get("quantity").getAsLong()).isEqualTo(15);
                assertThat(rec.toString()).doesNotContain("IND-1").doesNotContain("Li Lei");
            } else {
                assertThat(rec.get("holder").getAsString()).isEqualTo("UNIT");
                assertThat(rec.get("account").getAsString()).isEqualTo("HB-U1");
                assertThat(rec.get("actor").getAsString()).isEqualTo("account-HB-U1");
            }
        }
    }

    @Test
    void public_lists_are_read_by_every_kind_of_caller() {
        coreRegistry();
        for (TestIdentity who : new TestIdentity[] {Parties.AUDITOR, Parties.MEE, Parties.EXCHANGE, HB_U1, INST_1}) {
            ok(ledger.evaluate(who, "disclosure:years", ctx -> new DisclosureContract().years(ctx)));
            ok(ledger.evaluate(who, "disclosure:pledges", ctx -> new DisclosureContract().pledges(ctx)));
        }
    }
}
