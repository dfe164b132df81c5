package cn.ets.registry.chaincode.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ets.registry.chaincode.testing.Parties;
import cn.ets.registry.chaincode.testing.TestIdentity;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The CCER registry: projects, issuance as contiguous serial ranges, non-overlapping periods, settlement of CCER. */
class CcerLedgerTest extends LedgerScenario {

    @BeforeEach
    void registry() {
        secondPartRegistry();
    }

    @Test
    void mee_registers_a_project_of_a_project_owner() {
        JsonObject p = object(ok(registerProject(Parties.MEE, "P-WIND", "PO-1", false)));
        assertThat(p.get("id").getAsString()).isEqualTo("P-WIND");
        assertThat(p.get("owner").getAsString()).isEqualTo("PO-1");
        assertThat(p.get("insideEtsBoundary").getAsBoolean()).isFalse();
        assertThat(project("P-WIND").get("methodology").getAsString()).isEqualTo("CCER-01-002-V01");
        String noFlag = json(
                "id",
                "P-FOREST",
                "name",
                "Forest",
                "methodology",
                "CCER-14-001-V01",
                "owner",
                "PO-2",
                "province",
                "GD");
        assertThat(object(ok(registerProjectCommand(Parties.MEE, noFlag)))
                        .get("insideEtsBoundary")
                        .getAsBoolean())
                .as("insideEtsBoundary defaults to false")
                .isFalse();
        assertThat(ledger.events().get(ledger.events().size() - 1).getEventName())
                .isEqualTo("CcerProjectRegistered");
    }

    @Test
    void only_mee_registers_projects() {
        for (TestIdentity who :
                new TestIdentity[] {Parties.REGISTRY, Parties.HB, Parties.EXCHANGE, PO_1, Parties.AUDITOR}) {
            assertRejectedWithoutWrites("FORBIDDEN", () -> registerProject(who, "P-WIND", "PO-1", false));
        }
    }

    @Test
    void the_owner_must_be_an_existing_project_owner_account() {
        assertRejectedWithoutWrites("BAD_REQUEST", () -> registerProject(Parties.MEE, "P-1", "INST-1", false));
        assertRejectedWithoutWrites("BAD_REQUEST", () -> registerProject(Parties.MEE, "P-1", "HB-U1", false));
        assertRejectedWithoutWrites("BAD_REQUEST", () -> registerProject(Parties.MEE, "P-1", "PROVINCE-HB", false));
        assertRejectedWithoutWrites("NOT_FOUND", () -> registerProject(Parties.MEE, "P-1", "PO-404", false));
    }

    @Test
    void a_project_is_registered_once_with_a_valid_methodology_and_all_fields() {
        ok(registerProject(Parties.MEE, "P-WIND", "PO-1", false));
        assertRejectedWithoutWrites("ALREADY_EXISTS", () -> registerProject(Parties.MEE, "P-WIND", "PO-2", false));
        assertRejectedWithoutWrites(
                "BAD_REQUEST",
                () -> registerProjectCommand(
                        Parties.MEE,
                        json("id", "P-2", "name", "x", "methodology", "AM0001", "owner", "PO-1", "province", "HB")));
        assertRejectedWithoutWrites(
                "BAD_REQUEST",
                () -> registerProjectCommand(
                        Parties.MEE,
                        json("id", "P-2", "name", "x", "methodology", "CCER-14-001-V01", "owner", "PO-1")));
        assertRejectedWithoutWrites(
                "BAD_REQUEST",
                () -> registerProjectCommand(
                        Parties.MEE,
                        json(
                                "id",
                                "P-2",
                                "name",
                                "x",
                                "methodology",
                                "CCER-14-001-V01",
                                "owner",
                                "PO-1",
                                "province",
                                "HB",
                                "insideEtsBoundary",
                                "no")));
        assertRejectedWithoutWrites("BAD_REQUEST", () -> registerProjectCommand(Parties.MEE, "{\"id\":"));
    }

    @Test
    void issuance_credits_the_owner_with_serial_ranges_contiguous_across_batches_and_projects() {
        ok(registerProject(Parties.MEE, "P-WIND", "PO-1", false));
        ok(registerProject(Parties.MEE, "P-FOREST", "PO-2", false));
        JsonObject b1 = object(ok(issueCcer(Parties.MEE, "P-WIND", "2023-01-01", "2023-12-31", 1_000, false)));
        JsonObject b2 = object(ok(issueCcer(Parties.MEE, "P-FOREST", "2023-01-01", "2023-12-31", 500, false)));
        JsonObject b3 = object(ok(issueCcer(Parties.MEE, "P-WIND", "2024-01-01", "2024-06-30", 200, false)));
        assertThat(b1.get("product").getAsString()).isEqualTo("CCER-1");
        assertThat(b1.get("owner").getAsString()).isEqualTo("PO-1");
        assertThat(b1.get("serialStart").getAsLong()).isEqualTo(1);
        assertThat(b1.get("serialEnd").getAsLong()).isEqualTo(1_000);
        assertThat(b2.get("product").getAsString()).isEqualTo("CCER-2");
        assertThat(b2.get("owner").getAsString()).isEqualTo("PO-2");
        assertThat(b2.get("serialStart").getAsLong()).isEqualTo(1_001);
        assertThat(b2.get("serialEnd").getAsLong()).isEqualTo(1_500);
        assertThat(b3.get("product").getAsString()).isEqualTo("CCER-3");
        assertThat(b3.get("serialStart").getAsLong()).isEqualTo(1_501);
        assertThat(b3.get("serialEnd").getAsLong()).isEqualTo(1_700);
        assertThat(quantity("PO-1", "CCER-1")).isEqualTo(1_000);
        assertThat(quantity("PO-2", "CCER-2")).isEqualTo(500);
        assertThat(quantity("PO-1", "CCER-3")).isEqualTo(200);
        assertThat(supply("CCER-1").get("issued").getAsLong()).isEqualTo(1_000);
        assertThat(supply("CCER-3").get("held").getAsLong()).isEqualTo(200);
        JsonObject batch = batch("CCER-2");
        assertThat(batch.get("projectId").getAsString()).isEqualTo("P-FOREST");
        assertThat(batch.getAsJsonArray("outstanding")).hasSize(1);
        assertThat(batch.getAsJsonArray("outstanding")
                        .get(0)
                        .getAsJsonObject()
                        .get("start")
                        .getAsLong())
                .isEqualTo(1_001);
        assertThat(project("P-WIND").getAsJsonArray("periods")).hasSize(2);
        assertSupplyBalanced();
    }

    @Test
    void an_overlapping_monitoring_period_is_already_issued_and_uses_no_serials() {
        ok(registerProject(Parties.MEE, "P-WIND", "PO-1", false));
        ok(registerProject(Parties.MEE, "P-FOREST", "PO-2", false));
        ok(issueCcer(Parties.MEE, "P-WIND", "2023-01-01", "2023-12-31", 1_000, false));
        assertRejectedWithoutWrites(
                "ALREADY_ISSUED", () -> issueCcer(Parties.MEE, "P-WIND", "2023-12-31", "2024-06-30", 10, false));
        assertRejectedWithoutWrites(
                "ALREADY_ISSUED", () -> issueCcer(Parties.MEE, "P-WIND", "2023-06-01", "2023-06-30", 10, false));
        assertRejectedWithoutWrites(
                "ALREADY_ISSUED", () -> issueCcer(Parties.MEE, "P-WIND", "2022-01-01", "2024-12-31", 10, false));
        // the same period of another project is its own reductions
        JsonObject other = object(ok(issueCcer(Parties.MEE, "P-FOREST", "2023-01-01", "2023-12-31", 10, false)));
        assertThat(other.get("serialStart").getAsLong())
                .as("the refused issuances used no serials")
                .isEqualTo(1_001);
        JsonObject next = object(ok(issueCcer(Parties.MEE, "P-WIND", "2024-01-01", "2024-01-31", 5, false)));
        assertThat(next.get("product").getAsString()).isEqualTo("CCER-3");
        assertThat(next.get("serialStart").getAsLong()).isEqualTo(1_011);
    }

    @Test
    void only_mee_issues_for_a_known_project_a_positive_quantity_and_a_valid_period() {
        ok(registerProject(Parties.MEE, "P-WIND", "PO-1", false));
        for (TestIdentity who : new TestIdentity[] {Parties.REGISTRY, Parties.HB, Parties.EXCHANGE, PO_1}) {
            assertRejectedWithoutWrites(
                    "FORBIDDEN", () -> issueCcer(who, "P-WIND", "2023-01-01", "2023-12-31", 100, false));
        }
        assertRejectedWithoutWrites(
                "NOT_FOUND", () -> issueCcer(Parties.MEE, "P-NONE", "2023-01-01", "2023-12-31", 100, false));
        assertRejectedWithoutWrites(
                "INVALID_QUANTITY", () -> issueCcer(Parties.MEE, "P-WIND", "2023-01-01", "2023-12-31", 0, false));
        assertRejectedWithoutWrites(
                "INVALID_QUANTITY", () -> issueCcer(Parties.MEE, "P-WIND", "2023-01-01", "2023-12-31", -5, false));
        assertRejectedWithoutWrites(
                "BAD_REQUEST", () -> issueCcer(Parties.MEE, "P-WIND", "2023-12-31", "2023-01-01", 100, false));
        assertRejectedWithoutWrites(
                "BAD_REQUEST", () -> issueCcer(Parties.MEE, "P-WIND", "2023-02-30", "2023-12-31", 100, false));
        assertRejectedWithoutWrites(
                "BAD_REQUEST",
                () -> issueCcerCommand(
                        Parties.MEE,
                        json(
                                "requestId",
                                "c-1",
                                "projectId",
                                "P-WIND",
                                "periodStart",
                                "2023-01-01",
                                "periodEnd",
                                "2023-12-31",
                                "quantity",
                                5)));
        assertThat(supplyOrZero("CCER-1").get("issued").getAsLong()).isZero();
    }

    @Test
    void a_suspended_owner_receives_no_issuance() {
        ok(registerProject(Parties.MEE, "P-WIND", "PO-1", false));
        ok(setStatus(Parties.REGISTRY, "PO-1", "SUSPENDED"));
        assertRejectedWithoutWrites(
                "ACCOUNT_NOT_ACTIVE", () -> issueCcer(Parties.MEE, "P-WIND", "2023-01-01", "2023-12-31", 100, false));
    }

    @Test
    void replaying_an_issuance_returns_the_same_batch_and_serials() {
        ok(registerProject(Parties.MEE, "P-WIND", "PO-1", false));
        String command = json(
                "requestId",
                "c-1",
                "projectId",
                "P-WIND",
                "periodStart",
                "2023-01-01",
                "periodEnd",
                "2023-12-31",
                "vintage",
                "2023",
                "quantity",
                100,
                "legacy",
                false);
        JsonObject first = object(ok(issueCcerCommand(Parties.MEE, command)));
        var before = ledger.snapshot();
        JsonObject again = object(ok(issueCcerCommand(Parties.MEE, command)));
        assertThat(again.get("replayed").getAsBoolean()).isTrue();
        assertThat(again.get("product").getAsString())
                .isEqualTo(first.get("product").getAsString());
        assertThat(again.get("serialEnd").getAsLong()).isEqualTo(100);
        assertThat(ledger.snapshot()).isEqualTo(before);
        assertThat(quantity("PO-1", "CCER-1")).isEqualTo(100);
    }

    @Test
    void ccer_settles_between_accounts_through_the_exchange() {
        ok(registerProject(Parties.MEE, "P-WIND", "PO-1", false));
        ok(issueCcer(Parties.MEE, "P-WIND", "2023-01-01", "2023-12-31", 1_000, false));
        JsonObject t = object(ok(settle("CCER-1", "PO-1", "HB-U1", 300)));
        assertThat(t.get("status").getAsString()).isEqualTo("SETTLED");
        ok(settle("CCER-1", "HB-U1", "INST-1", 100));
        ok(settle("CCER-1", "INST-1", "IND-1", 40));
        assertThat(quantity("PO-1", "CCER-1")).isEqualTo(700);
        assertThat(quantity("HB-U1", "CCER-1")).isEqualTo(200);
        assertThat(quantity("INST-1", "CCER-1")).isEqualTo(60);
        assertThat(quantity("IND-1", "CCER-1")).isEqualTo(40);
        assertThat(supply("CCER-1").get("issued").getAsLong())
                .as("settlement creates nothing")
                .isEqualTo(1_000);
        JsonArray outstanding = batch("CCER-1").getAsJsonArray("outstanding");
        assertThat(outstanding).as("transfers retire no serials").hasSize(1);
        assertRejectedWithoutWrites("INSUFFICIENT_HOLDINGS", () -> settle("CCER-1", "PO-1", "HB-U1", 701));
        assertRejectedWithoutWrites("NOT_TRADABLE", () -> settle("CCER-1", "PO-1", "PROVINCE-HB", 1));
        assertSupplyBalanced();
    }

    @Test
    void a_project_owner_trades_only_ccer() {
        ok(registerProject(Parties.MEE, "P-WIND", "PO-1", false));
        ok(issueCcer(Parties.MEE, "P-WIND", "2023-01-01", "2023-12-31", 1_000, false));
        give("CEA-2024", "HB-U1", 500);
        assertRejectedWithoutWrites("NOT_TRADABLE", () -> settle("CEA-2024", "HB-U1", "PO-1", 100));
    }
}
