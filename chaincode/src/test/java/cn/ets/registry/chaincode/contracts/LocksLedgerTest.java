package cn.ets.registry.chaincode.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ets.registry.chaincode.testing.Parties;
import cn.ets.registry.chaincode.testing.TestIdentity;
import com.google.gson.JsonObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Pledges (by the holder, to an INSTITUTION pledgee) and freezes (by the registry): locked units
 * stay in the account but cannot leave it until released, or enforced to the pledgee.
 * HB-U1 holds 1,000 CEA-2024 and owes 800 t for 2024; INST-2 holds 200.
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
    void the_holder_pledges_units_to_an_institution_and_they_stay_in_its_account_locked() {
        JsonObject r = object(ok(pledge(HB_U1, "HB-U1", CEA, 600, "INST-1")));
        String lockId = r.get("lockId").getAsString();
        assertThat(lockId).isNotBlank();
        assertThat(r.get("kind").getAsString()).isEqualTo("PLEDGE");
        assertThat(r.get("status").getAsString()).isEqualTo("ACTIVE");
        assertThat(r.get("pledgee").getAsString()).isEqualTo("INST-1");
        assertThat(quantity("HB-U1", CEA)).isEqualTo(1_000);
        assertThat(locked("HB-U1", CEA)).isEqualTo(600);
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
    void only_the_holder_pledges_and_only_to_another_institution() {
        for (TestIdentity who : new TestIdentity[] {Parties.REGISTRY, Parties.HB, Parties.MEE, INST_1, HB_U2}) {
            assertRejectedWithoutWrites("FORBIDDEN", () -> pledge(who, "HB-U1", CEA, 100, "INST-1"));
        }
        assertRejectedWithoutWrites("BAD_REQUEST", () -> pledge(HB_U1, "HB-U1", CEA, 100, "HB-U2"));
        assertRejectedWithoutWrites("BAD_REQUEST", () -> pledge(HB_U1, "HB-U1", CEA, 100, "PO-1"));
        assertRejectedWithoutWrites("BAD_REQUEST", () -> pledge(INST_2, "INST-2", CEA, 100, "INST-2"));
        assertRejectedWithoutWrites("NOT_FOUND", () -> pledge(HB_U1, "HB-U1", CEA, 100, "INST-404"));
        assertRejectedWithoutWrites(
                "BAD_REQUEST",
                () -> lockCommand(
                        HB_U1,
                        json(
                                "requestId",
                                "l-1",
                                "account",
                                "HB-U1",
                                "product",
                                CEA,
                                "quantity",
                                100,
                                "kind",
                                "PLEDGE",
                                "reason",
                                "loan")));
        assertRejectedWithoutWrites(
                "BAD_REQUEST",
                () -> lockCommand(
                        HB_U1,
                        json(
                                "requestId",
                                "l-2",
                                "account",
                                "HB-U1",
                                "product",
                                CEA,
                                "quantity",
                                100,
                                "kind",
                                "MORTGAGE",
                                "pledgee",
                                "INST-1",
                                "reason",
                                "x")));
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
    void the_pledgee_or_the_registry_releases_a_pledge_and_the_units_are_available_again() {
        String byPledgee = lockId(pledge(HB_U1, "HB-U1", CEA, 600, "INST-1"));
        for (TestIdentity who : new TestIdentity[] {HB_U1, INST_2, Parties.MEE, Parties.HB}) {
            assertRejectedWithoutWrites("FORBIDDEN", () -> release(who, byPledgee));
        }
        JsonObject r = object(ok(release(INST_1, byPledgee)));
        assertThat(r.get("status").getAsString()).isEqualTo("RELEASED");
        assertThat(locked("HB-U1", CEA)).isZero();
        assertRejectedWithoutWrites("CONFLICT", () -> release(INST_1, byPledgee));
        assertRejectedWithoutWrites("CONFLICT", () -> enforce(INST_1, byPledgee));

        String byRegistry = lockId(pledge(HB_U1, "HB-U1", CEA, 500, "INST-1"));
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

    @Test
    void enforcement_by_the_pledgee_moves_the_pledged_units_to_its_account() {
        String lockId = lockId(pledge(HB_U1, "HB-U1", CEA, 600, "INST-1"));
        for (TestIdentity who : new TestIdentity[] {Parties.REGISTRY, HB_U1, INST_2}) {
            assertRejectedWithoutWrites("FORBIDDEN", () -> enforce(who, lockId));
        }
        JsonObject r = object(ok(enforce(INST_1, lockId)));
        assertThat(r.get("status").getAsString()).isEqualTo("ENFORCED");
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
    void a_suspended_pledgee_cannot_take_the_units() {
        String lockId = lockId(pledge(HB_U1, "HB-U1", CEA, 600, "INST-1"));
        ok(setStatus(Parties.REGISTRY, "INST-1", "SUSPENDED"));
        assertRejectedWithoutWrites("ACCOUNT_NOT_ACTIVE", () -> enforce(INST_1, lockId));
        assertThat(locked("HB-U1", CEA)).isEqualTo(600);
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
                "loan");
        String first = lockId(lockCommand(HB_U1, command));
        JsonObject again = object(ok(lockCommand(HB_U1, command)));
        assertThat(again.get("replayed").getAsBoolean()).isTrue();
        assertThat(again.get("lockId").getAsString()).isEqualTo(first);
        assertThat(locked("HB-U1", CEA)).isEqualTo(100);
    }

    @Test
    void every_step_keeps_issued_equal_to_held_plus_locked_plus_surrendered_plus_cancelled() {
        String p = lockId(pledge(HB_U1, "HB-U1", CEA, 300, "INST-1"));
        String f = lockId(freeze(Parties.REGISTRY, "INST-2", CEA, 150));
        assertSupplyBalanced();
        ok(surrender(HB_U1, "HB-U1", 2024, CEA, 500));
        ok(cancel(INST_2, "INST-2", CEA, 50));
        assertSupplyBalanced();
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
        String lockId = lockId(pledge(HB_U1, "HB-U1", CEA, 100, "INST-1"));
        String command = json("requestId", "rel-1");
        ok(ledger.submit(INST_1, "locks:release", ctx -> new LocksContract().release(ctx, lockId, command)));
        JsonObject again = object(
                ok(ledger.submit(INST_1, "locks:release", ctx -> new LocksContract().release(ctx, lockId, command))));
        assertThat(again.get("replayed").getAsBoolean()).isTrue();
    }
}
