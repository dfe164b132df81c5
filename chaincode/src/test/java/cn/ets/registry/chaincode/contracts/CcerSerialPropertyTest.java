package cn.ets.registry.chaincode.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ets.registry.chaincode.testing.InMemoryLedger.Outcome;
import cn.ets.registry.chaincode.testing.Parties;
import cn.ets.registry.chaincode.testing.SeededRuns;
import cn.ets.registry.chaincode.testing.TestIdentity;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Property: no CCER serial is in two places. After random issue / settle / surrender / cancel
 * sequences, for every batch the outstanding and the retired ranges partition [serialStart,
 * serialEnd] exactly, the outstanding count equals the sum of every account's holding of the batch,
 * the retired count equals surrendered + cancelled in supply, and batches follow one another
 * without gap or overlap from serial 1.
 */
class CcerSerialPropertyTest {
    static final String[] HOLDERS = {"PO-1", "PO-2", "HB-U1", "HB-U2", "GD-U1", "INST-1", "IND-1"};
    static final Map<String, TestIdentity> WHO = Map.of(
            "PO-1",
            LedgerScenario.PO_1,
            "PO-2",
            LedgerScenario.PO_2,
            "HB-U1",
            LedgerScenario.HB_U1,
            "HB-U2",
            LedgerScenario.HB_U2,
            "GD-U1",
            LedgerScenario.GD_U1,
            "INST-1",
            LedgerScenario.INST_1,
            "IND-1",
            LedgerScenario.IND_1);
    static final String[] PROJECTS = {"P-WIND", "P-SOLAR", "P-FOREST"};

    static final class Run extends LedgerScenario {
        final Random rnd;
        final Map<String, LocalDate> nextPeriod = new HashMap<>();
        final Map<String, String> owner = Map.of("P-WIND", "PO-1", "P-SOLAR", "PO-1", "P-FOREST", "PO-2");
        final Map<String, Long> held = new HashMap<>();
        final List<String> batches = new ArrayList<>();
        final Map<String, Long> surrenderedBy = new HashMap<>();
        int ops;

        Run(long seed) {
            rnd = new Random(seed);
        }

        void setUp() {
            secondPartRegistry();
            for (String p : PROJECTS) {
                ok(registerProject(Parties.MEE, p, owner.get(p), false));
                nextPeriod.put(p, LocalDate.of(2022, 1, 1));
            }
            for (String u : new String[] {"HB-U1", "HB-U2", "GD-U1"}) {
                ok(recordEmissions(u.startsWith("HB") ? Parties.HB : Parties.GD, u, 2024, 1_000_000)); // cap 50,000 t
                surrenderedBy.put(u, 0L);
            }
        }

        long held(String account, String batch) {
            return held.getOrDefault(account + "|" + batch, 0L);
        }

        void step() {
            int kind = batches.isEmpty() ? 0 : rnd.nextInt(10);
            if (kind <= 1) {
                issue();
            } else if (kind <= 5) {
                settleRandom();
            } else if (kind <= 7) {
                surrenderRandom();
            } else {
                cancelRandom();
            }
            ops++;
        }

        void issue() {
            String p = PROJECTS[rnd.nextInt(PROJECTS.length)];
            LocalDate start = nextPeriod.get(p);
            if (rnd.nextInt(6) == 0 && start.isAfter(LocalDate.of(2022, 1, 1))) {
                LocalDate overlapStart = start.minusDays(1 + rnd.nextInt(20));
                assertRejectedWithoutWrites(
                        "ALREADY_ISSUED",
                        () -> issueCcer(
                                Parties.MEE,
                                p,
                                overlapStart.toString(),
                                overlapStart.plusDays(30).toString(),
                                10,
                                false));
                return;
            }
            LocalDate end = start.plusDays(rnd.nextInt(60));
            long q = 1 + rnd.nextInt(400);
            JsonObject r = object(ok(issueCcer(Parties.MEE, p, start.toString(), end.toString(), q, false)));
            String product = r.get("product").getAsString();
            batches.add(product);
            held.merge(owner.get(p) + "|" + product, q, Long::sum);
            nextPeriod.put(p, end.plusDays(1));
        }

        /** A holder of a random batch, or null. */
        String[] someHolding() {
            List<String[]> all = new ArrayList<>();
            held.forEach((k, v) -> {
                if (v > 0) {
                    all.add(k.split("\\|"));
                }
            });
            all.sort(Comparator.comparing((String[] a) -> a[0]).thenComparing(a -> a[1]));
            return all.isEmpty() ? null : all.get(rnd.nextInt(all.size()));
        }

        void settleRandom() {
            String[] h = someHolding();
            if (h == null) {
                return;
            }
            String buyer = HOLDERS[rnd.nextInt(HOLDERS.length)];
            if (buyer.equals(h[0])) {
                return;
            }
            long have = held(h[0], h[1]);
            if (rnd.nextInt(8) == 0) {
                assertRejectedWithoutWrites("INSUFFICIENT_HOLDINGS", () -> settle(h[1], h[0], buyer, have + 1));
                return;
            }
            long q = 1 + rnd.nextInt((int) have);
            ok(settle(h[1], h[0], buyer, q));
            held.merge(h[0] + "|" + h[1], -q, Long::sum);
            held.merge(buyer + "|" + h[1], q, Long::sum);
        }

        void surrenderRandom() {
            String unit = new String[] {"HB-U1", "HB-U2", "GD-U1"}[rnd.nextInt(3)];
            String batch = batches.get(rnd.nextInt(batches.size()));
            long have = held(unit, batch);
            if (have == 0) {
                assertRejectedWithoutWrites(
                        "INSUFFICIENT_HOLDINGS", () -> surrender(WHO.get(unit), unit, 2024, batch, 1));
                return;
            }
            long q = 1 + rnd.nextInt((int) have);
            Outcome o = surrender(WHO.get(unit), unit, 2024, batch, q);
            checkRetiredSerials(ok(o), batch, q);
            held.merge(unit + "|" + batch, -q, Long::sum);
        }

        void cancelRandom() {
            String[] h = someHolding();
            if (h == null) {
                return;
            }
            long have = held(h[0], h[1]);
            if (rnd.nextInt(8) == 0) {
                assertRejectedWithoutWrites("INSUFFICIENT_HOLDINGS", () -> cancel(WHO.get(h[0]), h[0], h[1], have + 1));
                return;
            }
            long q = 1 + rnd.nextInt((int) have);
            JsonObject r = object(ok(cancel(WHO.get(h[0]), h[0], h[1], q)));
            long n = 0;
            for (JsonElement s : r.getAsJsonArray("serials")) {
                n += s.getAsJsonObject().get("serialEnd").getAsLong()
                        - s.getAsJsonObject().get("serialStart").getAsLong()
                        + 1;
            }
            assertThat(n).as("serials retired by a cancellation of %d t", q).isEqualTo(q);
            held.merge(h[0] + "|" + h[1], -q, Long::sum);
        }

        private void checkRetiredSerials(String payload, String batch, long q) {
            long n = 0;
            for (JsonElement item : object(payload).getAsJsonArray("items")) {
                for (JsonElement s : item.getAsJsonObject().getAsJsonArray("serials")) {
                    n += s.getAsJsonObject().get("serialEnd").getAsLong()
                            - s.getAsJsonObject().get("serialStart").getAsLong()
                            + 1;
                }
            }
            assertThat(n)
                    .as("serials retired by a surrender of %d t of %s", q, batch)
                    .isEqualTo(q);
        }

        void check() {
            Map<String, JsonObject> audit = new LinkedHashMap<>();
            for (JsonElement e : audit().getAsJsonArray("products")) {
                audit.put(e.getAsJsonObject().get("product").getAsString(), e.getAsJsonObject());
            }
            long expectedStart = 1;
            for (int i = 1; i <= batches.size(); i++) {
                String product = "CCER-" + i;
                assertThat(batches).contains(product);
                JsonObject b = batch(product);
                long start = b.get("serialStart").getAsLong();
                long end = b.get("serialEnd").getAsLong();
                assertThat(start)
                        .as("%s starts where the previous batch ended", product)
                        .isEqualTo(expectedStart);
                assertThat(end - start + 1)
                        .as("%s size", product)
                        .isEqualTo(b.get("quantity").getAsLong());
                expectedStart = end + 1;

                List<long[]> all = new ArrayList<>();
                long outstanding = 0;
                for (JsonElement r : b.getAsJsonArray("outstanding")) {
                    long s = r.getAsJsonObject().get("start").getAsLong();
                    long e = r.getAsJsonObject().get("end").getAsLong();
                    all.add(new long[] {s, e});
                    outstanding += e - s + 1;
                }
                long retired = 0;
                for (JsonElement r : b.getAsJsonArray("retired")) {
                    long s = r.getAsJsonObject().get("serialStart").getAsLong();
                    long e = r.getAsJsonObject().get("serialEnd").getAsLong();
                    all.add(new long[] {s, e});
                    retired += e - s + 1;
                }
                all.sort(Comparator.comparingLong(a -> a[0]));
                long cursor = start;
                for (long[] r : all) {
                    assertThat(r[1])
                            .as("range %d-%d of %s is not empty", r[0], r[1], product)
                            .isGreaterThanOrEqualTo(r[0]);
                    assertThat(r[0])
                            .as("%s: outstanding ∪ retired leaves no gap and no overlap at serial %d", product, cursor)
                            .isEqualTo(cursor);
                    cursor = r[1] + 1;
                }
                assertThat(cursor - 1)
                        .as("%s: the partition ends at serialEnd", product)
                        .isEqualTo(end);

                long sumHeld = 0;
                for (String h : HOLDERS) {
                    sumHeld += held(h, product);
                }
                JsonObject row = audit.get(product);
                assertThat(row.get("holdingsQuantity").getAsLong())
                        .as("%s holdings recount = model", product)
                        .isEqualTo(sumHeld);
                assertThat(outstanding)
                        .as("%s outstanding serials = Σ holdings", product)
                        .isEqualTo(sumHeld);
                assertThat(row.get("surrendered").getAsLong()
                                + row.get("cancelled").getAsLong())
                        .as("%s retired serials = surrendered + cancelled", product)
                        .isEqualTo(retired);
                assertThat(row.get("matchesHoldings").getAsBoolean()).isTrue();
            }
        }
    }

    @Test
    void no_ccer_serial_is_ever_in_two_places() {
        int[] ops = new int[1];
        SeededRuns.run("ccer serials", 10, seed -> {
            Run r = new Run(seed);
            r.setUp();
            for (int i = 0; i < 60; i++) {
                r.step();
                if (i % 20 == 19) {
                    r.check();
                }
            }
            r.check();
            r.assertSupplyBalanced();
            ops[0] += r.ops;
        });
        System.out.println("ccer serials: " + ops[0] + " operations");
    }
}
