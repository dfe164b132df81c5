package cn.ets.registry.gateway.secondpart;

import static cn.ets.registry.gateway.testing.HttpAssertions.assertSupplyBalanced;
import static cn.ets.registry.gateway.testing.HttpAssertions.created;
import static cn.ets.registry.gateway.testing.HttpAssertions.ok;
import static org.assertj.core.api.Assertions.assertThat;

import cn.ets.registry.gateway.testing.Json;
import cn.ets.registry.gateway.testing.RegistryClient.Response;
import com.google.gson.JsonObject;
import org.junit.jupiter.api.Test;

/**
 * POST /locks, /locks/{id}/accept, /decline, /default, /release, /enforce, /transfer; GET /locks/{id}
 * (CEA-2024, obligations of 2024). A pledge is registered by both parties and enforced on a
 * registered default (issue 11); the maturity here, 2027-06-30, lies ahead of the wall clock.
 */
class LocksHttpTest extends HttpScenario {
    static final String CEA = "CEA-2024";
    String u1;
    String u2;
    String bank;
    String fund;

    LocksHttpTest() {
        super("LK");
    }

    @Override
    void setUp() {
        u1 = unit("HB", "U1");
        u2 = unit("HB", "U2");
        bank = open("registry", "INSTITUTION", "LK-BANK", null);
        fund = open("registry", "INSTITUTION", "LK-FUND", null);
        give(CEA, u1, 5_000);
        give(CEA, u2, 5_000);
        created(emissions(u1, 2024, 100_000));
    }

    Response pledge(String holder, long q, String pledgee) {
        return c.post(
                holder,
                "/api/v1/locks",
                Json.obj(
                        "requestId",
                        id("lock"),
                        "account",
                        holder,
                        "product",
                        CEA,
                        "quantity",
                        q,
                        "kind",
                        "PLEDGE",
                        "pledgee",
                        pledgee,
                        "reason",
                        "carbon-backed loan",
                        "contractRef",
                        "HBBANK-2026-" + id("loan"),
                        "securedAmount",
                        "4500000.00",
                        "maturity",
                        "2027-06-30"));
    }

    /** Proposed by the holder, accepted by the pledgee: the pledge holds. */
    String acceptedPledge(String holder, long q, String pledgee) {
        String lockId = created(pledge(holder, q, pledgee)).json().get("lockId").getAsString();
        assertThat(ok(c.post(pledgee, "/api/v1/locks/" + lockId + "/accept", Json.obj()))
                        .json()
                        .get("status")
                        .getAsString())
                .isEqualTo("ACTIVE");
        return lockId;
    }

    Response freeze(String who, String account, long q) {
        return c.post(
                who,
                "/api/v1/locks",
                Json.obj(
                        "requestId",
                        id("lock"),
                        "account",
                        account,
                        "product",
                        CEA,
                        "quantity",
                        q,
                        "kind",
                        "FREEZE",
                        "reason",
                        "court order"));
    }

    @Test
    void a_pledge_locks_units_that_cannot_be_settled_surrendered_or_cancelled_until_the_pledgee_releases_them() {
        long held = c.holding(u1, CEA);
        JsonObject lock = created(pledge(u1, held, bank)).json();
        String lockId = lock.get("lockId").getAsString();
        assertThat(lockId).isNotBlank();
        assertThat(lock.get("status").getAsString()).isEqualTo("PROPOSED");
        assertThat(c.locked(u1, CEA)).as("locked from the proposal on").isEqualTo(held);
        rejected(403, "FORBIDDEN", () -> c.post(u1, "/api/v1/locks/" + lockId + "/accept", Json.obj()));
        rejected(403, "FORBIDDEN", () -> c.post(fund, "/api/v1/locks/" + lockId + "/accept", Json.obj()));
        ok(c.post(bank, "/api/v1/locks/" + lockId + "/accept", Json.obj()));
        JsonObject read = ok(c.get(bank, "/api/v1/locks/" + lockId)).json();
        assertThat(read.get("status").getAsString()).isEqualTo("ACTIVE");
        assertThat(read.get("securedAmount").getAsString()).isEqualTo("4500000.00");
        assertThat(read.get("pledgee").getAsString()).isEqualTo(bank);
        assertThat(c.supplyOf(CEA).get("locked").getAsLong()).isGreaterThanOrEqualTo(held);

        rejected(409, "UNITS_LOCKED", () -> settle(CEA, u1, u2, 1, "90.00", "2025-10-12T10:00:00+08:00"));
        rejected(409, "UNITS_LOCKED", () -> surrender(u1, 2024, CEA, 1));
        rejected(
                409,
                "UNITS_LOCKED",
                () -> c.post(
                        u1,
                        "/api/v1/cancellations",
                        Json.obj(
                                "requestId",
                                id("can"),
                                "account",
                                u1,
                                "product",
                                CEA,
                                "quantity",
                                1,
                                "purpose",
                                "green event")));
        rejected(403, "FORBIDDEN", () -> c.post(fund, "/api/v1/locks/" + lockId + "/release", Json.obj()));
        rejected(403, "FORBIDDEN", () -> c.post(u1, "/api/v1/locks/" + lockId + "/release", Json.obj()));

        JsonObject part = ok(c.post(bank, "/api/v1/locks/" + lockId + "/release", Json.obj("quantity", 100)))
                .json();
        assertThat(part.get("status").getAsString()).isEqualTo("ACTIVE");
        assertThat(c.locked(u1, CEA)).isEqualTo(held - 100);
        JsonObject released = ok(c.post(bank, "/api/v1/locks/" + lockId + "/release", Json.obj()))
                .json();
        assertThat(released.get("status").getAsString()).isEqualTo("RELEASED");
        assertThat(c.locked(u1, CEA)).isZero();
        rejected(409, "CONFLICT", () -> c.post(bank, "/api/v1/locks/" + lockId + "/release", Json.obj()));
        created(surrender(u1, 2024, CEA, 10));
        assertSupplyBalanced(c);
    }

    @Test
    void the_pledgee_enforces_after_a_registered_default_and_receives_the_units() {
        long bankBefore = c.holding(bank, CEA);
        long u2Before = c.holding(u2, CEA);
        String lockId = acceptedPledge(u2, 1_000, bank);
        rejected(403, "FORBIDDEN", () -> c.post("registry", "/api/v1/locks/" + lockId + "/enforce", Json.obj()));
        rejected(403, "FORBIDDEN", () -> c.post(fund, "/api/v1/locks/" + lockId + "/enforce", Json.obj()));
        rejected(409, "CONFLICT", () -> c.post(bank, "/api/v1/locks/" + lockId + "/enforce", Json.obj()));
        rejected(
                409,
                "DEADLINE_NOT_REACHED",
                () -> c.post(bank, "/api/v1/locks/" + lockId + "/default", Json.obj("reason", "unpaid")));
        rejected(
                403,
                "FORBIDDEN",
                () -> c.post(fund, "/api/v1/locks/" + lockId + "/default", Json.obj("reason", "unpaid")));
        rejected(400, "BAD_REQUEST", () -> c.post(u2, "/api/v1/locks/" + lockId + "/default", Json.obj()));
        JsonObject d = ok(c.post(u2, "/api/v1/locks/" + lockId + "/default", Json.obj("reason", "cannot repay")))
                .json();
        assertThat(d.get("status").getAsString()).isEqualTo("DEFAULTED");
        JsonObject r =
                ok(c.post(bank, "/api/v1/locks/" + lockId + "/enforce", "")).json();
        assertThat(r.get("status").getAsString()).isEqualTo("ENFORCED");
        assertThat(c.holding(bank, CEA)).isEqualTo(bankBefore + 1_000);
        assertThat(c.holding(u2, CEA)).isEqualTo(u2Before - 1_000);
        assertThat(c.locked(u2, CEA)).isZero();
        rejected(409, "CONFLICT", () -> c.post(bank, "/api/v1/locks/" + lockId + "/enforce", Json.obj()));
        assertSupplyBalanced(c);
    }

    @Test
    void the_registry_freezes_and_lifts_a_freeze() {
        String lockId =
                created(freeze("registry", u2, 500)).json().get("lockId").getAsString();
        assertThat(c.locked(u2, CEA)).isEqualTo(500);
        rejected(403, "FORBIDDEN", () -> c.post(bank, "/api/v1/locks/" + lockId + "/enforce", Json.obj()));
        rejected(403, "FORBIDDEN", () -> c.post(u2, "/api/v1/locks/" + lockId + "/release", Json.obj()));
        ok(c.post("registry", "/api/v1/locks/" + lockId + "/release", Json.obj()));
        assertThat(c.locked(u2, CEA)).isZero();
        assertSupplyBalanced(c);
    }

    @Test
    void a_proposed_pledge_is_withdrawn_by_either_party() {
        String lockId = created(pledge(u2, 300, bank)).json().get("lockId").getAsString();
        rejected(403, "FORBIDDEN", () -> c.post(fund, "/api/v1/locks/" + lockId + "/decline", Json.obj()));
        rejected(403, "FORBIDDEN", () -> c.post("registry", "/api/v1/locks/" + lockId + "/decline", Json.obj()));
        assertThat(ok(c.post(bank, "/api/v1/locks/" + lockId + "/decline", Json.obj()))
                        .json()
                        .get("status")
                        .getAsString())
                .isEqualTo("DECLINED");
        rejected(409, "CONFLICT", () -> c.post(u2, "/api/v1/locks/" + lockId + "/decline", Json.obj()));
        rejected(409, "CONFLICT", () -> c.post(bank, "/api/v1/locks/" + lockId + "/accept", Json.obj()));
        assertSupplyBalanced(c);
    }

    @Test
    void the_registry_transfers_units_out_of_a_judicial_freeze_on_a_court_order() {
        String judicial = created(c.post(
                        "registry",
                        "/api/v1/locks",
                        Json.obj(
                                "requestId",
                                id("lock"),
                                "account",
                                u2,
                                "product",
                                CEA,
                                "quantity",
                                400,
                                "kind",
                                "FREEZE",
                                "reason",
                                "asset preservation",
                                "courtOrder",
                                "(2026) E 01 Zhi Bao 12")))
                .json()
                .get("lockId")
                .getAsString();
        long fundBefore = c.holding(fund, CEA);
        String path = "/api/v1/locks/" + judicial + "/transfer";
        JsonObject order =
                Json.obj("requestId", id("ct"), "to", fund, "quantity", 150, "courtOrder", "(2026) E 01 Zhi 12");
        rejected(403, "FORBIDDEN", () -> c.post(bank, path, order));
        rejected(400, "BAD_REQUEST", () -> c.post("registry", path, Json.without(order, "courtOrder")));
        rejected(400, "BAD_REQUEST", () -> c.post("registry", path, Json.without(order, "to")));
        rejected(400, "INVALID_QUANTITY", () -> c.post("registry", path, Json.with(order, "quantity", 0)));
        rejected(400, "INVALID_QUANTITY", () -> c.post("registry", path, Json.with(order, "quantity", 401)));
        rejected(404, "NOT_FOUND", () -> c.post("registry", path, Json.with(order, "to", "LK-NOBODY")));
        rejected(404, "NOT_FOUND", () -> c.post("registry", "/api/v1/locks/LOCK-NOPE/transfer", order));
        JsonObject r = ok(c.post("registry", path, order)).json();
        assertThat(r.get("moved").getAsLong()).isEqualTo(150);
        assertThat(r.get("quantity").getAsLong()).isEqualTo(250);
        assertThat(c.holding(fund, CEA)).isEqualTo(fundBefore + 150);
        ok(c.post("registry", path, Json.obj("requestId", id("ct"), "to", fund, "courtOrder", "(2026) E 01 Zhi 12")));
        assertThat(ok(c.get("registry", "/api/v1/locks/" + judicial))
                        .json()
                        .get("status")
                        .getAsString())
                .isEqualTo("TRANSFERRED");
        assertSupplyBalanced(c);
    }

    @Test
    void bad_lock_commands_are_refused_and_change_nothing() {
        for (String body : new String[] {"", "{\"requestId\":", "[]"}) {
            rejected(400, "BAD_REQUEST", () -> c.send("POST", "/api/v1/locks", bearer(u2), body));
        }
        rejected(400, "BAD_REQUEST", () -> c.send("POST", "/api/v1/locks/LOCK-x/release", bearer("registry"), "{oops"));
        JsonObject valid = Json.obj(
                "requestId",
                id("lock"),
                "account",
                u2,
                "product",
                CEA,
                "quantity",
                10,
                "kind",
                "PLEDGE",
                "pledgee",
                bank,
                "reason",
                "loan",
                "contractRef",
                "L-1",
                "securedAmount",
                "1000.00",
                "maturity",
                "2027-06-30");
        for (String field : new String[] {
            "requestId",
            "account",
            "product",
            "quantity",
            "kind",
            "pledgee",
            "reason",
            "contractRef",
            "securedAmount",
            "maturity"
        }) {
            rejected(400, "BAD_REQUEST", () -> c.post(u2, "/api/v1/locks", Json.without(valid, field)));
        }
        rejected(400, "BAD_REQUEST", () -> c.post(u2, "/api/v1/locks", Json.with(valid, "kind", "MORTGAGE")));
        rejected(400, "BAD_REQUEST", () -> c.post(u2, "/api/v1/locks", Json.with(valid, "pledgee", u1)));
        rejected(400, "BAD_REQUEST", () -> c.post(u2, "/api/v1/locks", Json.with(valid, "securedAmount", "0")));
        rejected(400, "BAD_REQUEST", () -> c.post(u2, "/api/v1/locks", Json.with(valid, "maturity", "30/06/2027")));
        rejected(400, "BAD_REQUEST", () -> c.post(u2, "/api/v1/locks", Json.with(valid, "courtOrder", "x")));
        rejected(400, "INVALID_QUANTITY", () -> c.post(bank, "/api/v1/locks/LOCK-x/release", Json.obj("quantity", -5)));
        rejected(404, "NOT_FOUND", () -> c.post(bank, "/api/v1/locks/LOCK-NOPE/accept", Json.obj()));
        rejected(404, "NOT_FOUND", () -> c.post(bank, "/api/v1/locks/LOCK-NOPE/decline", Json.obj()));
        rejected(404, "NOT_FOUND", () -> c.post(bank, "/api/v1/locks/LOCK-NOPE/default", Json.obj("reason", "unpaid")));
        rejected(400, "INVALID_QUANTITY", () -> c.post(u2, "/api/v1/locks", Json.with(valid, "quantity", 0)));
        rejected(
                409,
                "INSUFFICIENT_HOLDINGS",
                () -> c.post(u2, "/api/v1/locks", Json.with(valid, "quantity", 1_000_000)));
        rejected(404, "NOT_FOUND", () -> c.post(u2, "/api/v1/locks", Json.with(valid, "pledgee", "LK-NOBODY")));
        rejected(403, "FORBIDDEN", () -> c.post(u1, "/api/v1/locks", valid));
        rejected(403, "FORBIDDEN", () -> c.post("registry", "/api/v1/locks", valid));
        rejected(403, "FORBIDDEN", () -> freeze("mee", u2, 10));
        rejected(403, "FORBIDDEN", () -> freeze(u2, u2, 10));
        rejected(404, "NOT_FOUND", () -> freeze("registry", "HB-LK-NOBODY", 10));
        rejected(404, "NOT_FOUND", () -> c.post("registry", "/api/v1/locks/LOCK-NOPE/release", Json.obj()));
        rejected(404, "NOT_FOUND", () -> c.post(bank, "/api/v1/locks/LOCK-NOPE/enforce", Json.obj()));
        rejected(401, "UNAUTHENTICATED", () -> c.send("POST", "/api/v1/locks", null, Json.write(valid)));
        assertThat(c.get("registry", "/api/v1/locks/LOCK-NOPE").status()).isEqualTo(404);
    }
}
