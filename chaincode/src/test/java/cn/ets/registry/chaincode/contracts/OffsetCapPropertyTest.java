package cn.ets.registry.chaincode.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ets.registry.chaincode.testing.InMemoryLedger.Outcome;
import cn.ets.registry.chaincode.testing.Parties;
import cn.ets.registry.chaincode.testing.SeededRuns;
import cn.ets.registry.chaincode.testing.TestIdentity;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Property: over random surrender sequences mixing CEA and CCER, no unit's CCER offset ever exceeds
 * floor(5 % × obligation); every surrender is accepted or refused exactly as a plain model of the
 * rules predicts (obligation, vintage, boundary, cap, holdings, in the contract's order); a refusal
 * writes nothing; offsetUsed equals the CCER the unit actually gave up.
 */
class OffsetCapPropertyTest {
    static final String[] UNITS = {"HB-U1", "HB-U2", "GD-U1"};
    static final Map<String, TestIdentity> WHO =
            Map.of("HB-U1", LedgerScenario.HB_U1, "HB-U2", LedgerScenario.HB_U2, "GD-U1", LedgerScenario.GD_U1);
    /** CCER-1..3 eligible, CCER-4 from a project inside the ETS boundary. */
    static final String[] PRODUCTS = {"CEA-2024", "CEA-2023", "CEA-2025", "CCER-1", "CCER-2", "CCER-3", "CCER-4"};

    static final class Run extends LedgerScenario {
        final Random rnd;
        final Map<String, Long> obligation = new HashMap<>();
        final Map<String, Long> surrendered = new HashMap<>();
        final Map<String, Long> offsetUsed = new HashMap<>();
        final Map<String, Long> held = new HashMap<>();
        int accepted;
        int capRefusals;

        Run(long seed) {
            rnd = new Random(seed);
        }

        void setUp() {
            secondPartRegistry();
            ok(registerProject(Parties.MEE, "P-WIND", "PO-1", false));
            ok(registerProject(Parties.MEE, "P-SOLAR", "PO-1", false));
            ok(registerProject(Parties.MEE, "P-CCS", "PO-2", true));
            ok(issueCcer(Parties.MEE, "P-WIND", "2023-01-01", "2023-12-31", 3_000, false));
            ok(issueCcer(Parties.MEE, "P-SOLAR", "2023-01-01", "2023-12-31", 3_000, false));
            ok(issueCcer(Parties.MEE, "P-WIND", "2024-01-01", "2024-12-31", 3_000, false));
            ok(issueCcer(Parties.MEE, "P-CCS", "2023-01-01", "2023-12-31", 3_000, false));
            for (String u : UNITS) {
                for (String cea : new String[] {"CEA-2024", "CEA-2023", "CEA-2025"}) {
                    long q = 200 + rnd.nextInt(1_500);
                    give(cea, u, q);
                    held.put(u + "|" + cea, q);
                }
                for (int b = 1; b <= 4; b++) {
                    long q = rnd.nextInt(150);
                    if (q > 0) {
                        ok(settle("CCER-" + b, b == 4 ? "PO-2" : "PO-1", u, q));
                    }
                    held.put(u + "|CCER-" + b, q);
                }
                long o = rnd.nextInt(10) == 0 ? 0 : rnd.nextInt(2_500);
                ok(recordEmissions(u.startsWith("HB") ? Parties.HB : Parties.GD, u, 2024, o));
                obligation.put(u, o);
                surrendered.put(u, 0L);
                offsetUsed.put(u, 0L);
            }
        }

        void step() {
            String unit = UNITS[rnd.nextInt(UNITS.length)];
            List<String> products = new ArrayList<>(List.of(PRODUCTS));
            Collections.shuffle(products, rnd);
            int n = 1 + rnd.nextInt(3);
            List<Object> items = new ArrayList<>();
            long total = 0;
            long ccer = 0;
            boolean laterVintage = false;
            boolean inside = false;
            boolean short_ = false;
            for (String p : products.subList(0, n)) {
                boolean isCcer = p.startsWith("CCER");
                long q = isCcer ? 1 + rnd.nextInt(40) : 1 + rnd.nextInt(300);
                items.add(p);
                items.add(q);
                total += q;
                if (isCcer) {
                    ccer += q;
                    inside |= p.equals("CCER-4");
                }
                laterVintage |= p.equals("CEA-2025");
                short_ |= q > held.get(unit + "|" + p);
            }
            long o = obligation.get(unit);
            long cap = o * 5 / 100;
            String expected;
            if (laterVintage) {
                expected = "INELIGIBLE_VINTAGE";
            } else if (total > o - surrendered.get(unit)) {
                expected = "EXCEEDS_OBLIGATION";
            } else if (ccer > 0 && inside) {
                expected = "INELIGIBLE_OFFSET";
            } else if (ccer > 0 && offsetUsed.get(unit) + ccer > cap) {
                expected = "OFFSET_LIMIT_EXCEEDED";
            } else if (short_) {
                expected = "INSUFFICIENT_HOLDINGS";
            } else {
                expected = null;
            }
            Object[] args = items.toArray();
            if (expected == null) {
                Outcome out = surrender(WHO.get(unit), unit, 2024, args);
                assertThat(out.ok()).as("surrender %s %s: %s", unit, items, out).isTrue();
                accepted++;
                surrendered.merge(unit, total, Long::sum);
                offsetUsed.merge(unit, ccer, Long::sum);
                for (int i = 0; i < args.length; i += 2) {
                    held.merge(unit + "|" + args[i], -(Long) args[i + 1], Long::sum);
                }
            } else {
                if (expected.equals("OFFSET_LIMIT_EXCEEDED")) {
                    capRefusals++;
                }
                assertRejectedWithoutWrites(expected, () -> surrender(WHO.get(unit), unit, 2024, args));
            }
        }

        void check() {
            long allCcer = 0;
            for (String u : UNITS) {
                JsonObject c = compliance(u, 2024);
                long used = c.get("offsetUsed").getAsLong();
                assertThat(used).as("offset used by %s", u).isLessThanOrEqualTo(obligation.get(u) * 5 / 100);
                assertThat(used).as("offset used by %s (model)", u).isEqualTo(offsetUsed.get(u));
                assertThat(c.get("surrendered").getAsLong())
                        .as("surrendered by %s", u)
                        .isEqualTo(surrendered.get(u));
                allCcer += used;
            }
            long ccerSurrendered = 0;
            for (int b = 1; b <= 4; b++) {
                ccerSurrendered += supplyOrZero("CCER-" + b).get("surrendered").getAsLong();
            }
            assertThat(ccerSurrendered).as("CCER surrendered = Σ offsetUsed").isEqualTo(allCcer);
        }
    }

    @Test
    void the_offset_share_never_exceeds_the_cap_over_random_surrender_sequences() {
        int[] totals = new int[2];
        SeededRuns.run("offset cap", 12, seed -> {
            Run r = new Run(seed);
            r.setUp();
            for (int i = 0; i < 50; i++) {
                r.step();
                if (i % 10 == 9) {
                    r.check();
                }
            }
            r.check();
            r.assertSupplyBalanced();
            totals[0] += r.accepted;
            totals[1] += r.capRefusals;
        });
        System.out.printf("offset cap: %d surrenders accepted, %d refused at the cap%n", totals[0], totals[1]);
    }
}
