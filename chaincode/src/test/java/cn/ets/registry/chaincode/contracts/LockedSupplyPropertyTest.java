package cn.ets.registry.chaincode.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ets.registry.chaincode.testing.InMemoryLedger.Outcome;
import cn.ets.registry.chaincode.testing.Parties;
import cn.ets.registry.chaincode.testing.SeededRuns;
import cn.ets.registry.chaincode.testing.TestIdentity;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Property: after random pledge (proposed, accepted, declined, defaulted) / freeze / release /
 * enforce / surrender / cancel / settle sequences (with wrong actors, wrong lock states and
 * too-large quantities mixed in), every account's quantity and
 * locked part are what a plain model says, the supply counters keep issued = held + locked +
 * surrendered + cancelled and match a full recount of the holdings (supply:audit), and every
 * rejected command is refused with the predicted code and writes nothing.
 */
class LockedSupplyPropertyTest {
    static final String[] ACCOUNTS = {"HB-U1", "HB-U2", "INST-1", "INST-2", "IND-1"};
    static final String[] UNITS = {"HB-U1", "HB-U2"};
    static final String[] PRODUCTS = {"CEA-2024", "CCER-1"};
    static final Map<String, TestIdentity> WHO = Map.of(
            "HB-U1",
            LedgerScenario.HB_U1,
            "HB-U2",
            LedgerScenario.HB_U2,
            "INST-1",
            LedgerScenario.INST_1,
            "INST-2",
            LedgerScenario.INST_2,
            "IND-1",
            LedgerScenario.IND_1,
            "REGISTRY",
            Parties.REGISTRY,
            "MEE",
            Parties.MEE);

    /** {@code state}: PROPOSED, ACTIVE or DEFAULTED while the lock locks; a freeze is ACTIVE. */
    record Lock(String id, String kind, String account, String product, long quantity, String pledgee, String state) {
        Lock in(String newState) {
            return new Lock(id, kind, account, product, quantity, pledgee, newState);
        }
    }

    static final class Run extends LedgerScenario {
        final Random rnd;
        final Map<String, long[]> book = new HashMap<>(); // account|product → {quantity, locked}
        final Map<String, Lock> active = new LinkedHashMap<>();
        final List<Lock> closed = new ArrayList<>();
        final Map<String, Long> issued = new HashMap<>();
        final Map<String, Long> surrendered = new HashMap<>();
        final Map<String, Long> cancelled = new HashMap<>();
        final Map<String, Long> offsetUsed = new HashMap<>();
        final Map<String, Integer> outcomes = new TreeMap<>();

        Run(long seed) {
            rnd = new Random(seed);
        }

        long[] h(String account, String product) {
            return book.computeIfAbsent(account + "|" + product, k -> new long[2]);
        }

        void setUp() {
            secondPartRegistry();
            ok(registerProject(Parties.MEE, "P-WIND", "PO-1", false));
            ok(issueCcer(Parties.MEE, "P-WIND", "2023-01-01", "2023-12-31", 5_000, false));
            issued.put("CCER-1", 5_000L);
            issued.put("CEA-2024", 0L);
            for (String u : UNITS) {
                long q = 2_000 + rnd.nextInt(3_000);
                give("CEA-2024", u, q);
                issued.merge("CEA-2024", q, Long::sum);
                h(u, "CEA-2024")[0] = q;
                ok(recordEmissions(Parties.HB, u, 2024, 100_000)); // cap 5,000 t
                offsetUsed.put(u, 0L);
            }
            h("PO-1", "CCER-1")[0] = 5_000;
            for (String a : ACCOUNTS) {
                long q = 200 + rnd.nextInt(800);
                ok(settle("CCER-1", "PO-1", a, q));
                h("PO-1", "CCER-1")[0] -= q;
                h(a, "CCER-1")[0] += q;
            }
            for (String i : new String[] {"INST-1", "INST-2"}) { // an individual trades CCER only
                long q = 100 + rnd.nextInt(400);
                ok(settle("CEA-2024", "HB-U1", i, q));
                h("HB-U1", "CEA-2024")[0] -= q;
                h(i, "CEA-2024")[0] += q;
            }
        }

        String pick(String[] a) {
            return a[rnd.nextInt(a.length)];
        }

        /** A quantity around what is available: mostly fits, sometimes exceeds the available part or the whole holding. */
        long quantity(long[] holding) {
            long available = holding[0] - holding[1];
            return switch (rnd.nextInt(6)) {
                case 0 -> available + 1 + rnd.nextInt(50);
                case 1 -> holding[0] + 1;
                default -> available <= 0 ? 1 : 1 + rnd.nextInt((int) Math.min(available, 600));
            };
        }

        static String debitCode(long[] holding, long q) {
            if (q <= holding[0] - holding[1]) {
                return null;
            }
            return q <= holding[0] ? "UNITS_LOCKED" : "INSUFFICIENT_HOLDINGS";
        }

        void expect(String op, String code, Supplier<Outcome> command, Runnable onSuccess) {
            outcomes.merge(op + ":" + (code == null ? "OK" : code), 1, Integer::sum);
            if (code == null) {
                Outcome o = command.get();
                assertThat(o.ok()).as("%s expected to succeed: %s", op, o).isTrue();
                lastPayload = o.payload();
                onSuccess.run();
            } else {
                assertRejectedWithoutWrites(code, command);
            }
        }

        String lastPayload;

        void step() {
            switch (rnd.nextInt(13)) {
                case 0, 1 -> pledgeRandom();
                case 2 -> freezeRandom();
                case 3 -> releaseRandom();
                case 4 -> enforceRandom();
                case 5 -> surrenderRandom();
                case 6 -> cancelRandom();
                case 7, 8 -> acceptRandom();
                case 9 -> defaultRandom();
                case 10 -> declineRandom();
                default -> settleRandom();
            }
        }

        void pledgeRandom() {
            String a = pick(ACCOUNTS);
            String p = pick(PRODUCTS);
            String pledgee = rnd.nextBoolean() ? "INST-1" : "INST-2";
            long[] hold = h(a, p);
            long q = quantity(hold);
            String code = pledgee.equals(a) ? "BAD_REQUEST" : q > hold[0] - hold[1] ? "INSUFFICIENT_HOLDINGS" : null;
            TestIdentity who = rnd.nextInt(8) == 0 ? WHO.get("REGISTRY") : WHO.get(a);
            if (who == Parties.REGISTRY) {
                code = "FORBIDDEN";
            }
            expect("pledge", code, () -> pledge(who, a, p, q, pledgee), () -> {
                hold[1] += q;
                active.put(lockId(), new Lock(lockId(), "PLEDGE", a, p, q, pledgee, "PROPOSED"));
            });
        }

        void freezeRandom() {
            String a = pick(ACCOUNTS);
            String p = pick(PRODUCTS);
            long[] hold = h(a, p);
            long q = quantity(hold);
            boolean byRegistry = rnd.nextInt(6) != 0;
            String code = !byRegistry ? "FORBIDDEN" : q > hold[0] - hold[1] ? "INSUFFICIENT_HOLDINGS" : null;
            TestIdentity who = byRegistry ? Parties.REGISTRY : WHO.get(a);
            expect("freeze", code, () -> freeze(who, a, p, q), () -> {
                hold[1] += q;
                active.put(lockId(), new Lock(lockId(), "FREEZE", a, p, q, null, "ACTIVE"));
            });
        }

        private String lockId() {
            return object(lastPayload).get("lockId").getAsString();
        }

        Lock someLock() {
            if (!closed.isEmpty() && rnd.nextInt(6) == 0) {
                return closed.get(rnd.nextInt(closed.size()));
            }
            if (active.isEmpty()) {
                return null;
            }
            List<Lock> all = new ArrayList<>(active.values());
            return all.get(rnd.nextInt(all.size()));
        }

        void releaseRandom() {
            Lock l = someLock();
            if (l == null) {
                return;
            }
            String actor = pick(new String[] {"REGISTRY", "INST-1", "INST-2", l.account(), "MEE"});
            boolean allowed = actor.equals("REGISTRY") || (l.kind().equals("PLEDGE") && actor.equals(l.pledgee()));
            String code = !allowed
                    ? "FORBIDDEN"
                    : !inState(l, "ACTIVE", "DEFAULTED") ? "CONFLICT" : null; // who may act is checked first
            expect("release", code, () -> release(WHO.get(actor), l.id()), () -> {
                h(l.account(), l.product())[1] -= l.quantity();
                active.remove(l.id());
                closed.add(l);
            });
        }

        void enforceRandom() {
            Lock l = someLock();
            if (l == null) {
                return;
            }
            String actor = rnd.nextBoolean() && l.pledgee() != null
                    ? l.pledgee()
                    : pick(new String[] {"REGISTRY", "INST-1", "INST-2", l.account()});
            boolean allowed = l.kind().equals("PLEDGE") && actor.equals(l.pledgee());
            String code = !allowed
                    ? "FORBIDDEN"
                    : !inState(l, "DEFAULTED") ? "CONFLICT" : null; // who may act is checked before the lock's state
            expect("enforce", code, () -> enforce(WHO.get(actor), l.id()), () -> {
                long[] from = h(l.account(), l.product());
                from[0] -= l.quantity();
                from[1] -= l.quantity();
                h(l.pledgee(), l.product())[0] += l.quantity();
                active.remove(l.id());
                closed.add(l);
            });
        }

        /** The lock is still locking and in one of the states. */
        boolean inState(Lock l, String... states) {
            Lock now = active.get(l.id());
            return now != null && List.of(states).contains(now.state());
        }

        String partyOrNot(Lock l) {
            return pick(new String[] {
                l.pledgee() == null ? "INST-1" : l.pledgee(),
                l.pledgee() == null ? "INST-2" : l.pledgee(),
                l.account(),
                "REGISTRY"
            });
        }

        void acceptRandom() {
            Lock l = someLock();
            if (l == null) {
                return;
            }
            String actor = partyOrNot(l);
            boolean allowed = l.kind().equals("PLEDGE") && actor.equals(l.pledgee());
            String code = !allowed ? "FORBIDDEN" : !inState(l, "PROPOSED") ? "CONFLICT" : null;
            expect("accept", code, () -> accept(WHO.get(actor), l.id()), () -> active.put(l.id(), l.in("ACTIVE")));
        }

        /** The pledgor acknowledges a default at any time; the pledgee only after the maturity (2026-06-30, ahead). */
        void defaultRandom() {
            Lock l = someLock();
            if (l == null) {
                return;
            }
            String actor = partyOrNot(l);
            boolean allowed = l.kind().equals("PLEDGE") && (actor.equals(l.pledgee()) || actor.equals(l.account()));
            String code = !allowed
                    ? "FORBIDDEN"
                    : !inState(l, "ACTIVE") ? "CONFLICT" : actor.equals(l.pledgee()) ? "DEADLINE_NOT_REACHED" : null;
            expect(
                    "default",
                    code,
                    () -> registerDefault(WHO.get(actor), l.id()),
                    () -> active.put(l.id(), l.in("DEFAULTED")));
        }

        void declineRandom() {
            Lock l = someLock();
            if (l == null) {
                return;
            }
            String actor = partyOrNot(l);
            boolean allowed = l.kind().equals("PLEDGE") && (actor.equals(l.pledgee()) || actor.equals(l.account()));
            String code = !allowed ? "FORBIDDEN" : !inState(l, "PROPOSED") ? "CONFLICT" : null;
            expect("decline", code, () -> decline(WHO.get(actor), l.id()), () -> {
                h(l.account(), l.product())[1] -= l.quantity();
                active.remove(l.id());
                closed.add(l);
            });
        }

        void surrenderRandom() {
            String u = pick(UNITS);
            String p = pick(PRODUCTS);
            long[] hold = h(u, p);
            long q = p.startsWith("CCER") ? Math.min(quantity(hold), 300) : quantity(hold);
            String code = debitCode(hold, q);
            expect("surrender", code, () -> surrender(WHO.get(u), u, 2024, p, q), () -> {
                hold[0] -= q;
                surrendered.merge(p, q, Long::sum);
            });
        }

        void cancelRandom() {
            String a = pick(ACCOUNTS);
            String p = pick(PRODUCTS);
            long[] hold = h(a, p);
            long q = quantity(hold);
            String code = debitCode(hold, q);
            expect("cancel", code, () -> cancel(WHO.get(a), a, p, q), () -> {
                hold[0] -= q;
                cancelled.merge(p, q, Long::sum);
            });
        }

        void settleRandom() {
            String seller = pick(ACCOUNTS);
            String buyer = pick(ACCOUNTS);
            if (seller.equals(buyer)) {
                return;
            }
            String p = pick(PRODUCTS);
            long[] hold = h(seller, p);
            long q = quantity(hold);
            boolean individualCea = p.startsWith("CEA") && (seller.equals("IND-1") || buyer.equals("IND-1"));
            String code = individualCea ? "NOT_TRADABLE" : debitCode(hold, q);
            expect("settle", code, () -> settle(p, seller, buyer, q), () -> {
                hold[0] -= q;
                h(buyer, p)[0] += q;
            });
        }

        void check() {
            for (String a : ACCOUNTS) {
                Map<String, long[]> actual = new HashMap<>();
                for (JsonElement e : accountView(a).getAsJsonArray("holdings")) {
                    JsonObject x = e.getAsJsonObject();
                    actual.put(x.get("product").getAsString(), new long[] {
                        x.get("quantity").getAsLong(), x.get("locked").getAsLong()
                    });
                }
                for (String p : PRODUCTS) {
                    assertThat(actual.getOrDefault(p, new long[2]))
                            .as("%s %s {quantity, locked}", a, p)
                            .containsExactly(h(a, p));
                }
            }
            Map<String, JsonObject> rows = new HashMap<>();
            JsonObject audit = audit();
            assertThat(audit.get("balanced").getAsBoolean())
                    .as("audit %s", audit)
                    .isTrue();
            for (JsonElement e : audit.getAsJsonArray("products")) {
                rows.put(e.getAsJsonObject().get("product").getAsString(), e.getAsJsonObject());
            }
            for (String p : PRODUCTS) {
                JsonObject r = rows.get(p);
                long locked = active.values().stream()
                        .filter(l -> l.product().equals(p))
                        .mapToLong(Lock::quantity)
                        .sum();
                assertThat(r.get("issued").getAsLong()).as("%s issued", p).isEqualTo(issued.get(p));
                assertThat(r.get("locked").getAsLong())
                        .as("%s locked = Σ active locks", p)
                        .isEqualTo(locked);
                assertThat(r.get("surrendered").getAsLong())
                        .as("%s surrendered", p)
                        .isEqualTo(surrendered.getOrDefault(p, 0L));
                assertThat(r.get("cancelled").getAsLong())
                        .as("%s cancelled", p)
                        .isEqualTo(cancelled.getOrDefault(p, 0L));
                assertThat(r.get("held").getAsLong()
                                + r.get("locked").getAsLong()
                                + r.get("surrendered").getAsLong()
                                + r.get("cancelled").getAsLong())
                        .as("%s issued = held + locked + surrendered + cancelled", p)
                        .isEqualTo(issued.get(p));
                assertThat(r.get("holdingsLocked").getAsLong())
                        .as("%s recount of locked", p)
                        .isEqualTo(locked);
            }
        }
    }

    @Test
    void supply_stays_balanced_and_rejected_commands_write_nothing_over_random_lock_sequences() {
        Map<String, Integer> outcomes = new TreeMap<>();
        SeededRuns.run("locked supply", 8, seed -> {
            Run r = new Run(seed);
            r.setUp();
            for (int i = 0; i < 60; i++) {
                r.step();
                if (i % 30 == 29) {
                    r.check();
                }
            }
            r.check();
            r.outcomes.forEach((k, v) -> outcomes.merge(k, v, Integer::sum));
        });
        System.out.println("locked supply outcomes: " + outcomes);
    }
}
