package cn.ets.registry.chaincode.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ets.registry.chaincode.testing.InMemoryLedger.Outcome;
import cn.ets.registry.chaincode.testing.Parties;
import cn.ets.registry.chaincode.testing.TestIdentity;
import com.google.gson.JsonObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Pledges (碳质押, 002: registered by both parties — the holder proposes, the INSTITUTION pledgee
 * accepts — and enforced only on a registered default or a court order) and freezes (by the
 * registry, 001 §45; a judicial one allows a court-ordered transfer, 扣划): locked units stay in the
 * account but cannot leave it until released, enforced or transferred. HB-U1 holds 1,000 CEA-2024
 * and owes 800 t for 2024; INST-2 holds 200. The clock: 2025-06-01, before the pledges' maturity
 * (2026-06-30).
 */
class LocksLedgerTest extends LedgerScenario {
    static final String CEA = "CEA-2024";

    @BeforeEach
    void registry() {
        secondPartRegistry();
        give(CEA, "HB-U1", 1_200);
        ok(settle(CEA, "HB-U1", "INST-2", 200));
        ok(recordEmissions(Parties.HB, "HB-U1", 2024, 800));
    }

    @Test
    void the_holder_proposes_a_pledge_the_units_are_locked_at_once_and_it_holds_once_the_pledgee_accepts() {
        JsonObject r = object(ok(pledge(HB_U1, "HB-U1", CEA, 600, "INST-1")));
        String lockId = r.get("lockId").getAsString();
        assertThat(r.get("kind").getAsString()).isEqualTo("PLEDGE");
        assertThat(r.get("status").getAsString()).isEqualTo("PROPOSED");
        assertThat(r.get("pledgee").getAsString()).isEqualTo("INST-1");
        assertThat(r.get("securedAmount").getAsString()).isEqualTo("500000.00");
        assertThat(r.get("maturity").getAsString()).isEqualTo("2026-06-30");
        assertThat(r.get("contractRef").getAsString()).startsWith("LOAN-");
        assertThat(quantity("HB-U1", CEA)).isEqualTo(1_000);
        assertThat(locked("HB-U1", CEA)).isEqualTo(600);
        for (TestIdentity who : new TestIdentity[] {HB_U1, INST_2, Parties.REGISTRY, Parties.MEE}) {
            assertRejectedWithoutWrites("FORBIDDEN", () -> accept(who, lockId));
        }
        JsonObject accepted = object(ok(accept(INST_1, lockId)));
        assertThat(accepted.get("status").getAsString()).isEqualTo("ACTIVE");
        assertRejectedWithoutWrites("CONFLICT", () -> accept(INST_1, lockId));
        JsonObject s = supply(CEA);
        assertThat(s.get("locked").getAsLong()).isEqualTo(600);
        assertThat(s.get("held").getAsLong()).isEqualTo(1_200 - 600);
        for (TestIdentity reader : new TestIdentity[] {HB_U1, INST_1, Parties.REGISTRY, Parties.MEE}) {
            assertThat(object(ok(getLock(reader, lockId))).get("quantity").getAsLong())
                    .isEqualTo(600);
        }
        assertThat(getLock(INST_2, lockId).code()).isEqualTo("FORBIDDEN");
        assertSupplyBalanced();
    }

    @Test
    void either_party_withdraws_a_pledge_not_yet_accepted_and_the_units_are_free_again() {
        String byPledgor = lockId(pledge(HB_U1, "HB-U1", CEA, 600, "INST-1"));
        assertRejectedWithoutWrites("FORBIDDEN", () -> decline(INST_2, byPledgor));
        assertThat(object(ok(decline(HB_U1, byPledgor))).get("status").getAsString())
                .isEqualTo("DECLINED");
        assertThat(locked("HB-U1", CEA)).isZero();
        assertRejectedWithoutWrites("CONFLICT", () -> accept(INST_1, byPledgor));

        String byPledgee = lockId(pledge(HB_U1, "HB-U1", CEA, 100, "INST-1"));
        ok(decline(INST_1, byPledgee));
        assertThat(locked("HB-U1", CEA)).isZero();
        String accepted = acceptedPledge(HB_U1, "HB-U1", CEA, 100, INST_1);
        assertRejectedWithoutWrites("CONFLICT", () -> decline(HB_U1, accepted));
        assertSupplyBalanced();
    }

    @Test
    void only_the_holder_pledges_only_to_another_institution_and_a_pledge_names_its_loan() {
        for (TestIdentity who : new TestIdentity[] {Parties.REGISTRY, Parties.HB, Parties.MEE, INST_1, HB_U2}) {
            assertRejectedWithoutWrites("FORBIDDEN", () -> pledge(who, "HB-U1", CEA, 100, "INST-1"));
        }
        assertRejectedWithoutWrites("BAD_REQUEST", () -> pledge(HB_U1, "HB-U1", CEA, 100, "HB-U2"));
        assertRejectedWithoutWrites("BAD_REQUEST", () -> pledge(HB_U1, "HB-U1", CEA, 100, "PO-1"));
        assertRejectedWithoutWrites("BAD_REQUEST", () -> pledge(INST_2, "INST-2", CEA, 100, "INST-2"));
        assertRejectedWithoutWrites("NOT_FOUND", () -> pledge(HB_U1, "HB-U1", CEA, 100, "INST-404"));
        for (String missing : new String[] {"pledgee", "contractRef", "securedAmount", "maturity"}) {
            JsonObject command = object(json(
                    "requestId",
                    "l-" + missing,
                    "account",
                    "HB-U1",
                    "product",
                    CEA,
                    "quantity",
                    100,
                    "kind",
                    "PLEDGE",
                    "reason",
                    "loan",
                    "pledgee",
                    "INST-1",
                    "contractRef",
                    "LOAN-9",
                    "securedAmount",
                    "1000.00",
                    "maturity",
                    "2026-06-30"));
            command.remove(missing);
            Outcome o = assertRejectedWithoutWrites("BAD_REQUEST", () -> lockCommand(HB_U1, command.toString()));
            assertThat(o.message()).contains(missing);
        }
        for (String[] bad :
                new String[][] {{"securedAmount", "-5"}, {"securedAmount", "1.005"}, {"maturity", "2026-02-30"}}) {
            String command = json(
                    "requestId",
                    "l-bad",
                    "account",
                    "HB-U1",
                    "product",
                    CEA,
                    "quantity",
                    100,
                    "kind",
                    "PLEDGE",
                    "reason",
                    "loan",
                    "pledgee",
                    "INST-1",
                    "contractRef",
                    "LOAN-9",
                    "securedAmount",
                    bad[0].equals("securedAmount") ? bad[1] : "1000.00",
                    "maturity",
                    bad[0].equals("maturity") ? bad[1] : "2026-06-30");
            assertRejectedWithoutWrites("BAD_REQUEST", () -> lockCommand(HB_U1, command));
        }
        assertRejectedWithoutWrites("INVALID_QUANTITY", () -> pledge(HB_U1, "HB-U1", CEA, 0, "INST-1"));
        assertRejectedWithoutWrites("INSUFFICIENT_HOLDINGS", () -> pledge(HB_U1, "HB-U1", CEA, 1_001, "INST-1"));
        assertRejectedWithoutWrites("INSUFFICIENT_HOLDINGS", () -> pledge(HB_U1, "HB-U1", "CEA-2023", 1, "INST-1"));
        assertThat(locked("HB-U1", CEA)).isZero();
    }

    @Test
    void a_restricted_holder_cannot_pledge() {
        ok(setStatus(Parties.REGISTRY, "HB-U1", "RESTRICTED"));
        assertRejectedWithoutWrites("ACCOUNT_NOT_ACTIVE", () -> pledge(HB_U1, "HB-U1", CEA, 100, "INST-1"));
    }

    @Test
    void only_the_registry_freezes() {
        for (TestIdentity who : new TestIdentity[] {HB_U1, Parties.MEE, Parties.HB, INST_1, Parties.EXCHANGE}) {
            assertRejectedWithoutWrites("FORBIDDEN", () -> freeze(who, "HB-U1", CEA, 100));
        }
        assertRejectedWithoutWrites("NOT_FOUND", () -> freeze(Parties.REGISTRY, "HB-404", CEA, 100));
        JsonObject r = object(ok(freeze(Parties.REGISTRY, "HB-U1", CEA, 300)));
        assertThat(r.get("kind").getAsString()).isEqualTo("FREEZE");
        assertThat(r.get("status").getAsString()).isEqualTo("ACTIVE");
        assertThat(locked("HB-U1", CEA)).isEqualTo(300);
        assertSupplyBalanced();
    }

    @Test
    void locked_units_cannot_be_settled_surrendered_or_cancelled() {
        ok(pledge(HB_U1, "HB-U1", CEA, 600, "INST-1"));
        ok(freeze(Parties.REGISTRY, "HB-U1", CEA, 300));
        // 100 t available
        assertRejectedWithoutWrites("UNITS_LOCKED", () -> settle(CEA, "HB-U1", "INST-2", 101));
        assertRejectedWithoutWrites("UNITS_LOCKED", () -> surrender(HB_U1, "HB-U1", 2024, CEA, 101));
        assertRejectedWithoutWrites("UNITS_LOCKED", () -> cancel(HB_U1, "HB-U1", CEA, 101));
        assertRejectedWithoutWrites("INSUFFICIENT_HOLDINGS", () -> pledge(HB_U1, "HB-U1", CEA, 101, "INST-1"));
        assertRejectedWithoutWrites("INSUFFICIENT_HOLDINGS", () -> freeze(Parties.REGISTRY, "HB-U1", CEA, 101));
        ok(settle(CEA, "HB-U1", "INST-2", 100));
        assertThat(quantity("HB-U1", CEA)).isEqualTo(900);
        assertThat(locked("HB-U1", CEA)).isEqualTo(900);
        assertRejectedWithoutWrites("UNITS_LOCKED", () -> surrender(HB_U1, "HB-U1", 2024, CEA, 1));
        assertSupplyBalanced();
    }

    @Test
    void the_pledgee_releases_part_of_a_pledge_then_the_rest_and_the_registry_may_release_any() {
        String byPledgee = acceptedPledge(HB_U1, "HB-U1", CEA, 600, INST_1);
        for (TestIdentity who : new TestIdentity[] {HB_U1, INST_2, Parties.MEE, Parties.HB}) {
            assertRejectedWithoutWrites("FORBIDDEN", () -> release(who, byPledgee));
        }
        JsonObject part = object(ok(releasePart(INST_1, byPledgee, 200)));
        assertThat(part.get("status").getAsString()).isEqualTo("ACTIVE");
        assertThat(part.get("quantity").getAsLong()).isEqualTo(400);
        assertThat(part.get("moved").getAsLong()).isEqualTo(200);
        assertThat(locked("HB-U1", CEA)).isEqualTo(400);
        assertRejectedWithoutWrites("INVALID_QUANTITY", () -> releasePart(INST_1, byPledgee, 401));
        JsonObject rest = object(ok(release(INST_1, byPledgee)));
        assertThat(rest.get("status").getAsString()).isEqualTo("RELEASED");
        assertThat(locked("HB-U1", CEA)).isZero();
        assertRejectedWithoutWrites("CONFLICT", () -> release(INST_1, byPledgee));
        assertRejectedWithoutWrites("CONFLICT", () -> enforce(INST_1, byPledgee));

        String byRegistry = acceptedPledge(HB_U1, "HB-U1", CEA, 500, INST_1);
        ok(release(Parties.REGISTRY, byRegistry));
        assertThat(locked("HB-U1", CEA)).isZero();
        ok(surrender(HB_U1, "HB-U1", 2024, CEA, 800));
        assertThat(supply(CEA).get("locked").getAsLong()).isZero();
        assertSupplyBalanced();
    }

    @Test
    void only_the_registry_lifts_a_freeze() {
        String freezeId = lockId(freeze(Parties.REGISTRY, "HB-U1", CEA, 300));
        for (TestIdentity who : new TestIdentity[] {HB_U1, INST_1, Parties.MEE}) {
            assertRejectedWithoutWrites("FORBIDDEN", () -> release(who, freezeId));
        }
        assertRejectedWithoutWrites("FORBIDDEN", () -> enforce(INST_1, freezeId));
        assertRejectedWithoutWrites("FORBIDDEN", () -> enforce(Parties.REGISTRY, freezeId));
        ok(release(Parties.REGISTRY, freezeId));
        assertThat(locked("HB-U1", CEA)).isZero();
        assertRejectedWithoutWrites("NOT_FOUND", () -> release(Parties.REGISTRY, "LOCK-404"));
    }

    /** The pledgee alone cannot take the units: only after a registered default. */
    @Test
    void a_pledge_is_enforced_only_after_a_registered_default() {
        String lockId = acceptedPledge(HB_U1, "HB-U1", CEA, 600, INST_1);
        assertRejectedWithoutWrites("CONFLICT", () -> enforce(INST_1, lockId));
        Outcome early = assertRejectedWithoutWrites("DEADLINE_NOT_REACHED", () -> registerDefault(INST_1, lockId));
        assertThat(early.details()).contains("2026-06-30");
        for (TestIdentity who : new TestIdentity[] {Parties.REGISTRY, INST_2, Parties.HB}) {
            assertRejectedWithoutWrites("FORBIDDEN", () -> registerDefault(who, lockId));
        }
        today("2026-07-01"); // the loan matured on 30 June unpaid
        JsonObject defaulted = object(ok(registerDefault(INST_1, lockId)));
        assertThat(defaulted.get("status").getAsString()).isEqualTo("DEFAULTED");
        assertThat(defaulted.get("defaultReason").getAsString()).contains("unpaid");
        for (TestIdentity who : new TestIdentity[] {Parties.REGISTRY, HB_U1, INST_2}) {
            assertRejectedWithoutWrites("FORBIDDEN", () -> enforce(who, lockId));
        }
        JsonObject r = object(ok(enforce(INST_1, lockId)));
        assertThat(r.get("status").getAsString()).isEqualTo("ENFORCED");
        assertThat(r.get("moved").getAsLong()).isEqualTo(600);
        assertThat(r.get("to").getAsString()).isEqualTo("INST-1");
        assertThat(quantity("HB-U1", CEA)).isEqualTo(400);
        assertThat(locked("HB-U1", CEA)).isZero();
        assertThat(quantity("INST-1", CEA)).isEqualTo(600);
        JsonObject s = supply(CEA);
        assertThat(s.get("issued").getAsLong()).isEqualTo(1_200);
        assertThat(s.get("held").getAsLong()).isEqualTo(1_200);
        assertThat(s.get("locked").getAsLong()).isZero();
        assertRejectedWithoutWrites("CONFLICT", () -> enforce(INST_1, lockId));
        assertRejectedWithoutWrites("CONFLICT", () -> release(Parties.REGISTRY, lockId));
        assertSupplyBalanced();
    }

    @Test
    void the_pledgor_may_acknowledge_a_default_before_maturity_and_a_court_order_enforces_without_one() {
        String acknowledged = acceptedPledge(HB_U1, "HB-U1", CEA, 300, INST_1);
        ok(registerDefault(HB_U1, acknowledged));
        ok(enforce(INST_1, acknowledged));
        assertThat(quantity("INST-1", CEA)).isEqualTo(300);

        String ordered = acceptedPledge(HB_U1, "HB-U1", CEA, 200, INST_1);
        assertRejectedWithoutWrites("BAD_REQUEST", () -> enforceOnCourtOrder(Parties.REGISTRY, ordered, " "));
        JsonObject r = object(ok(enforceOnCourtOrder(Parties.REGISTRY, ordered, "(2025) E 01 Zhi 77")));
        assertThat(r.get("status").getAsString()).isEqualTo("ENFORCED");
        assertThat(r.get("courtOrder").getAsString()).isEqualTo("(2025) E 01 Zhi 77");
        assertThat(quantity("INST-1", CEA)).isEqualTo(500);
        assertSupplyBalanced();
    }

    @Test
    void a_suspended_pledgee_cannot_take_the_units() {
        String lockId = acceptedPledge(HB_U1, "HB-U1", CEA, 600, INST_1);
        ok(registerDefault(HB_U1, lockId));
        ok(setStatus(Parties.REGISTRY, "INST-1", "SUSPENDED"));
        assertRejectedWithoutWrites("ACCOUNT_NOT_ACTIVE", () -> enforce(INST_1, lockId));
        assertThat(locked("HB-U1", CEA)).isEqualTo(600);
    }

    /** 扣划: units leave a judicial freeze for the account the court names, in part or in full. */
    @Test
    void the_registry_transfers_units_out_of_a_judicial_freeze_on_the_courts_order() {
        String judicial = lockId(judicialFreeze(Parties.REGISTRY, "HB-U1", CEA, 500, "(2025) E 01 Zhi Bao 9"));
        String plain = lockId(freeze(Parties.REGISTRY, "HB-U1", CEA, 100));
        assertRejectedWithoutWrites(
                "CONFLICT", () -> courtTransfer(Parties.REGISTRY, plain, "INST-2", null, "(2025) E 01 Zhi 9"));
        for (TestIdentity who : new TestIdentity[] {HB_U1, INST_2, Parties.MEE, Parties.HB}) {
            assertRejectedWithoutWrites(
                    "FORBIDDEN", () -> courtTransfer(who, judicial, "INST-2", 100L, "(2025) E 01 Zhi 9"));
        }
        assertRejectedWithoutWrites(
                "INVALID_QUANTITY",
                () -> courtTransfer(Parties.REGISTRY, judicial, "INST-2", 501L, "(2025) E 01 Zhi 9"));
        assertRejectedWithoutWrites(
                "NOT_FOUND", () -> courtTransfer(Parties.REGISTRY, judicial, "NOBODY", 1L, "(2025) E 01 Zhi 9"));
        assertRejectedWithoutWrites(
                "BAD_REQUEST", () -> courtTransfer(Parties.REGISTRY, judicial, "HB-U1", 1L, "(2025) E 01 Zhi 9"));
        JsonObject part = object(ok(courtTransfer(Parties.REGISTRY, judicial, "INST-2", 200L, "(2025) E 01 Zhi 9")));
        assertThat(part.get("status").getAsString()).isEqualTo("ACTIVE");
        assertThat(part.get("quantity").getAsLong()).isEqualTo(300);
        assertThat(quantity("INST-2", CEA)).isEqualTo(400);
        assertThat(locked("HB-U1", CEA)).isEqualTo(400);
        JsonObject rest = object(ok(courtTransfer(Parties.REGISTRY, judicial, "INST-2", null, "(2025) E 01 Zhi 9")));
        assertThat(rest.get("status").getAsString()).isEqualTo("TRANSFERRED");
        assertThat(quantity("INST-2", CEA)).isEqualTo(700);
        assertThat(quantity("HB-U1", CEA)).isEqualTo(500);
        assertThat(locked("HB-U1", CEA)).isEqualTo(100);
        assertSupplyBalanced();
    }

    @Test
    void ccer_can_be_pledged_and_the_locked_part_is_not_surrendered() {
        ok(registerProject(Parties.MEE, "P-WIND", "PO-1", false));
        ok(issueCcer(Parties.MEE, "P-WIND", "2023-01-01", "2023-12-31", 1_000, false));
        ok(settle("CCER-1", "PO-1", "HB-U1", 50));
        ok(pledge(HB_U1, "HB-U1", "CCER-1", 30, "INST-1"));
        assertRejectedWithoutWrites("UNITS_LOCKED", () -> surrender(HB_U1, "HB-U1", 2024, "CCER-1", 21));
        ok(surrender(HB_U1, "HB-U1", 2024, "CCER-1", 20));
        assertThat(batch("CCER-1").getAsJsonArray("retired")).hasSize(1);
        assertSupplyBalanced();
    }

    @Test
    void repeating_a_lock_request_returns_the_same_lock_without_locking_twice() {
        String command = json(
                "requestId",
                "lk-1",
                "account",
                "HB-U1",
                "product",
                CEA,
                "quantity",
                100,
                "kind",
                "PLEDGE",
                "pledgee",
                "INST-1",
                "reason",
                "loan",
                "contractRef",
                "LOAN-1",
                "securedAmount",
                "8000",
                "maturity",
                "2026-06-30");
        String first = lockId(lockCommand(HB_U1, command));
        JsonObject again = object(ok(lockCommand(HB_U1, command)));
        assertThat(again.get("replayed").getAsBoolean()).isTrue();
        assertThat(again.get("lockId").getAsString()).isEqualTo(first);
        assertThat(again.get("securedAmount").getAsString()).isEqualTo("8000.00");
        assertThat(locked("HB-U1", CEA)).isEqualTo(100);
    }

    @Test
    void every_step_keeps_issued_equal_to_held_plus_locked_plus_surrendered_plus_cancelled() {
        String p = acceptedPledge(HB_U1, "HB-U1", CEA, 300, INST_1);
        String f = lockId(freeze(Parties.REGISTRY, "INST-2", CEA, 150));
        assertSupplyBalanced();
        ok(surrender(HB_U1, "HB-U1", 2024, CEA, 500));
        ok(cancel(INST_2, "INST-2", CEA, 50));
        assertSupplyBalanced();
        ok(registerDefault(HB_U1, p));
        ok(enforce(INST_1, p));
        assertSupplyBalanced();
        ok(release(Parties.REGISTRY, f));
        ok(cancel(INST_1, "INST-1", CEA, 300));
        JsonObject s = supply(CEA);
        assertThat(s.get("issued").getAsLong()).isEqualTo(1_200);
        assertThat(s.get("surrendered").getAsLong()).isEqualTo(500);
        assertThat(s.get("cancelled").getAsLong()).isEqualTo(350);
        assertThat(s.get("locked").getAsLong()).isZero();
        assertThat(s.get("held").getAsLong()).isEqualTo(350);
        assertThat(s.get("balanced").getAsBoolean()).isTrue();
        assertSupplyBalanced();
    }

    @Test
    void retrying_a_release_with_the_same_request_id_replays_it() {
        String lockId = acceptedPledge(HB_U1, "HB-U1", CEA, 100, INST_1);
        String command = json("requestId", "rel-1");
        ok(ledger.submit(INST_1, "locks:release", ctx -> new LocksContract().release(ctx, lockId, command)));
        JsonObject again = object(
                ok(ledger.submit(INST_1, "locks:release", ctx -> new LocksContract().release(ctx, lockId, command))));
        assertThat(again.get("replayed").getAsBoolean()).isTrue();
    }
}
