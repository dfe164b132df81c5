package cn.ets.registry.chaincode.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ets.registry.chaincode.testing.InMemoryLedger.Outcome;
import cn.ets.registry.chaincode.testing.Parties;
import cn.ets.registry.chaincode.testing.SeededRuns;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.math.BigDecimal;
import java.time.Instant;
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
 * Property: over random interleavings of DvP posts (with and without reservations), bank
 * confirmations and refusals, the cut-off (early: refused; late: fails what waits), reversal
 * requests and approvals, reservations and their cancellation, and replays of steps already taken
 * (with wrong callers and too-large quantities mixed in):
 * <ul>
 * <li>units and money never disagree — every account holds its initial units plus exactly the
 * trades whose funds leg the bank confirmed (minus those reversed), a trade's units moved iff
 * {@code fundsConfirmed}, and the day's statement counts as SETTLED exactly those trades' amounts;</li>
 * <li>supply stays balanced (issued = held + locked + surrendered + cancelled, recount equal);</li>
 * <li>every refused step writes nothing; a replayed step answers its first result and writes nothing;</li>
 * <li>after the cut-off every trade is in exactly one final state, SETTLED or FAILED.</li>
 * </ul>
 */
class DvpPropertyTest {
    static final String CEA = "CEA-2024";
    static final String DAY = "2025-12-15";
    static final String AT = "2025-12-15T09:30:00+08:00";
    static final Instant AFTER_CUT_OFF = Instant.parse("2025-12-15T09:00:05Z");
    static final String[] ACCOUNTS = {"HB-U1", "HB-U2", "INST-1", "INST-2"};

    /** A trade as the model sees it: POSTED, SETTLED or FAILED; reversed once a reversal was approved. */
    static final class Trade {
        final String id;
        final String seller;
        final String buyer;
        final long q;
        final BigDecimal amount;
        final String reservation;
        String status = "POSTED";
        String reversal; // null, REQUESTED, APPROVED

        Trade(String id, String seller, String buyer, long q, BigDecimal amount, String reservation) {
            this.id = id;
            this.seller = seller;
            this.buyer = buyer;
            this.q = q;
            this.amount = amount;
            this.reservation = reservation;
        }
    }

    static final class Run extends LedgerScenario {
        final Random rnd;
        final Map<String, Long> initial = new HashMap<>();
        final Map<String, long[]> book = new HashMap<>(); // account → {quantity, reserved}
        final Map<String, long[]> reservations = new LinkedHashMap<>(); // id → {remaining}, account in owner
        final Map<String, String> owner = new HashMap<>();
        final List<Trade> trades = new ArrayList<>();
        final Map<String, Integer> outcomes = new TreeMap<>();
        boolean cutOffPassed;
        String lastStepRequest;
        Supplier<Outcome> lastStep;
        String lastStepPayload;
        int n;

        Run(long seed) {
            rnd = new Random(seed);
        }

        void setUp() {
            secondPartRegistry();
            for (String a : new String[] {"HB-U1", "HB-U2"}) {
                long q = 1_000 + rnd.nextInt(2_000);
                give(CEA, a, q);
                book.put(a, new long[] {q, 0});
            }
            book.put("INST-1", new long[2]);
            book.put("INST-2", new long[2]);
            book.forEach((a, h) -> initial.put(a, h[0]));
            today(DAY);
            fundsAccounts(ACCOUNTS);
        }

        long available(String a) {
            long[] h = book.get(a);
            return h[0] - h[1];
        }

        String pick(String[] a) {
            return a[rnd.nextInt(a.length)];
        }

        long quantity(long available) {
            return switch (rnd.nextInt(6)) {
                case 0 -> available + 1 + rnd.nextInt(50);
                default -> available <= 0 ? 1 : 1 + rnd.nextInt((int) Math.min(available, 500));
            };
        }

        String expect(String op, String code, Supplier<Outcome> command) {
            outcomes.merge(op + ":" + (code == null ? "OK" : code), 1, Integer::sum);
            if (code == null) {
                Outcome o = command.get();
                assertThat(o.ok()).as("%s expected to succeed: %s", op, o).isTrue();
                return o.payload();
            }
            assertRejectedWithoutWrites(code, command);
            return null;
        }

        void step() {
            switch (rnd.nextInt(12)) {
                case 0, 1, 2 -> post();
                case 3, 4 -> confirmRandom();
                case 5 -> refuseRandom();
                case 6 -> reserveRandom();
                case 7 -> reduceRandom();
                case 8 -> reversalRandom();
                case 9 -> replay();
                case 10 -> cutOffRandom();
                default -> {
                    if (!cutOffPassed && rnd.nextInt(4) == 0) {
                        ledger.setClock(AFTER_CUT_OFF); // the cut-off passes
                        cutOffPassed = true;
                    } else {
                        post();
                    }
                }
            }
        }

        void post() {
            String seller = pick(ACCOUNTS);
            String buyer = pick(ACCOUNTS);
            if (seller.equals(buyer)) {
                return;
            }
            String rid = null;
            long room = available(seller);
            for (var e : reservations.entrySet()) {
                if (owner.get(e.getKey()).equals(seller) && e.getValue()[0] > 0 && rnd.nextBoolean()) {
                    rid = e.getKey();
                    room = e.getValue()[0];
                    break;
                }
            }
            long q = quantity(room);
            String id = "T-" + (++n);
            String code = cutOffPassed ? "DEADLINE_PASSED" : q > room ? "INSUFFICIENT_HOLDINGS" : null;
            String r = rid;
            BigDecimal price = new BigDecimal(90 + rnd.nextInt(20) + ".50");
            if (expect("post", code, () -> postDvp(id, CEA, seller, buyer, q, price.toPlainString(), AT, r)) != null) {
                if (r == null) {
                    book.get(seller)[1] += q;
                } else {
                    reservations.get(r)[0] -= q; // the units stay reserved, now for the trade
                }
                trades.add(new Trade(id, seller, buyer, q, price.multiply(BigDecimal.valueOf(q)), r));
            }
        }

        Trade anyTrade() {
            return trades.isEmpty() ? null : trades.get(rnd.nextInt(trades.size()));
        }

        void confirmRandom() {
            Trade t = anyTrade();
            if (t == null) {
                return;
            }
            boolean byBank = rnd.nextInt(8) != 0;
            String code = !byBank
                    ? "FORBIDDEN"
                    : !t.status.equals("POSTED") ? "CONFLICT" : cutOffPassed ? "DEADLINE_PASSED" : null;
            String req = "c-" + (++n);
            Supplier<Outcome> cmd = () -> confirm(byBank ? Parties.BANK : Parties.EXCHANGE, t.id, req, "FT-" + t.id);
            String payload = expect("confirm", code, cmd);
            if (payload != null) {
                t.status = "SETTLED";
                book.get(t.seller)[0] -= t.q;
                book.get(t.seller)[1] -= t.q;
                book.get(t.buyer)[0] += t.q;
                remember(req, cmd, payload);
            }
        }

        void refuseRandom() {
            Trade t = anyTrade();
            if (t == null) {
                return;
            }
            String code = !t.status.equals("POSTED") ? "CONFLICT" : null;
            String req = "r-" + (++n);
            Supplier<Outcome> cmd = () -> refuse(Parties.BANK, t.id, req, "insufficient funds");
            String payload = expect("refuse", code, cmd);
            if (payload != null) {
                fail(t);
                remember(req, cmd, payload);
            }
        }

        void fail(Trade t) {
            t.status = "FAILED";
            book.get(t.seller)[1] -= t.q; // released to the seller, whether it came from a reservation or not
        }

        void cutOffRandom() {
            boolean waiting = trades.stream().anyMatch(t -> t.status.equals("POSTED"));
            String code = !cutOffPassed && waiting ? "DEADLINE_NOT_REACHED" : null;
            String req = "co-" + (++n);
            Supplier<Outcome> cmd = () -> cutOff(Parties.REGISTRY, req, DAY);
            String payload = expect("cutoff", code, cmd);
            if (payload != null) {
                long failed = 0;
                for (Trade t : trades) {
                    if (t.status.equals("POSTED")) {
                        fail(t);
                        failed++;
                    }
                }
                assertThat(object(payload).getAsJsonArray("failed")).hasSize((int) failed);
                remember(req, cmd, payload);
            }
        }

        void reserveRandom() {
            String a = pick(ACCOUNTS);
            long q = quantity(available(a));
            String id = "R-" + (++n);
            String code = q > available(a) ? "INSUFFICIENT_HOLDINGS" : null;
            if (expect("reserve", code, () -> reserve(Parties.EXCHANGE, id, a, CEA, q)) != null) {
                book.get(a)[1] += q;
                reservations.put(id, new long[] {q});
                owner.put(id, a);
            }
        }

        void reduceRandom() {
            if (reservations.isEmpty()) {
                return;
            }
            List<String> ids = new ArrayList<>(reservations.keySet());
            String id = ids.get(rnd.nextInt(ids.size()));
            long left = reservations.get(id)[0];
            Long q = rnd.nextBoolean() ? null : (long) (1 + rnd.nextInt((int) Math.max(1, left + 2)));
            String code = left == 0 ? "CONFLICT" : q != null && q > left ? "INVALID_QUANTITY" : null;
            String req = "red-" + (++n);
            if (expect("reduce", code, () -> reduceReservation(Parties.EXCHANGE, id, req, q)) != null) {
                long taken = q == null ? left : q;
                reservations.get(id)[0] -= taken;
                book.get(owner.get(id))[1] -= taken;
            }
        }

        void reversalRandom() {
            Trade t = anyTrade();
            if (t == null) {
                return;
            }
            if (t.reversal == null) {
                String code = !t.status.equals("SETTLED") ? "CONFLICT" : null;
                if (expect(
                                "reversal-request",
                                code,
                                () -> requestReversal(Parties.EXCHANGE, "rv-" + (++n), t.id, "error"))
                        != null) {
                    t.reversal = "REQUESTED";
                }
            } else if (t.reversal.equals("REQUESTED")) {
                String code = available(t.buyer) < t.q ? "CONFLICT" : null;
                if (expect("reversal-approve", code, () -> approveReversal(Parties.REGISTRY, t.id, "ap-" + (++n)))
                        != null) {
                    t.reversal = "APPROVED";
                    book.get(t.buyer)[0] -= t.q;
                    book.get(t.seller)[0] += t.q;
                }
            } else {
                expect("reversal-approve", "CONFLICT", () -> approveReversal(Parties.REGISTRY, t.id, "ap-" + (++n)));
            }
        }

        void remember(String req, Supplier<Outcome> cmd, String payload) {
            lastStepRequest = req;
            lastStep = cmd;
            lastStepPayload = payload;
        }

        /** The last step taken, sent again with its request id: the first answer, nothing written. */
        void replay() {
            if (lastStep == null) {
                return;
            }
            outcomes.merge("replay:" + lastStepRequest.substring(0, lastStepRequest.indexOf('-')), 1, Integer::sum);
            Map<String, String> before = ledger.snapshot();
            int events = ledger.events().size();
            Outcome o = lastStep.get();
            assertThat(o.payload())
                    .as("replay of %s", lastStepRequest)
                    .isEqualTo(lastStepPayload.replace("\"replayed\":false", "\"replayed\":true"));
            assertThat(ledger.snapshot()).isEqualTo(before);
            assertThat(ledger.events()).hasSize(events);
        }

        void check() {
            for (String a : ACCOUNTS) {
                long expected = initial.get(a);
                for (Trade t : trades) {
                    JsonObject v = object(ok(getDvp(Parties.REGISTRY, t.id)));
                    boolean funds = v.get("fundsConfirmed").getAsBoolean();
                    assertThat(v.get("status").getAsString())
                            .as("trade %s", t.id)
                            .isEqualTo(t.status);
                    assertThat(funds).as("funds leg of %s", t.id).isEqualTo(t.status.equals("SETTLED"));
                    long sign = t.reversal != null && t.reversal.equals("APPROVED") ? 0 : 1;
                    if (funds && a.equals(t.buyer)) {
                        expected += sign * t.q;
                    }
                    if (funds && a.equals(t.seller)) {
                        expected -= sign * t.q;
                    }
                }
                assertThat(quantity(a, CEA))
                        .as("%s holds its initial units and its confirmed trades", a)
                        .isEqualTo(expected);
                assertThat(quantity(a, CEA)).isEqualTo(book.get(a)[0]);
                JsonObject p = object(ok(position(Parties.EXCHANGE, a)));
                long avail = 0;
                for (JsonElement e : p.getAsJsonArray("holdings")) {
                    avail = e.getAsJsonObject().get("available").getAsLong();
                }
                assertThat(avail).as("%s available", a).isEqualTo(available(a));
            }
            BigDecimal settledAmount = BigDecimal.ZERO;
            for (Trade t : trades) {
                if (t.status.equals("SETTLED")) {
                    settledAmount = settledAmount.add(t.amount);
                }
            }
            BigDecimal statementAmount = BigDecimal.ZERO;
            for (JsonElement e : object(ok(statement(Parties.BANK, DAY))).getAsJsonArray("totals")) {
                JsonObject tot = e.getAsJsonObject();
                if (tot.get("kind").getAsString().equals("DVP")
                        && tot.get("status").getAsString().equals("SETTLED")) {
                    statementAmount = statementAmount.add(tot.get("amount").getAsBigDecimal());
                }
            }
            assertThat(statementAmount)
                    .as("money leg: the statement's settled amount")
                    .isEqualByComparingTo(settledAmount);
            assertSupplyBalanced();
        }

        /** The end of the day: the cut-off passes and the registry closes the day; every trade is final. */
        void closeDay() {
            if (!cutOffPassed) {
                ledger.setClock(AFTER_CUT_OFF);
                cutOffPassed = true;
            }
            cutOffRandom();
            for (Trade t : trades) {
                assertThat(t.status).isIn("SETTLED", "FAILED");
                assertThat(object(ok(getDvp(Parties.BANK, t.id))).get("status").getAsString())
                        .isIn("SETTLED", "FAILED");
            }
        }
    }

    @Test
    void units_and_money_never_disagree_and_every_trade_ends_in_one_final_state() {
        Map<String, Integer> outcomes = new TreeMap<>();
        SeededRuns.run("dvp", 8, seed -> {
            Run r = new Run(seed);
            r.setUp();
            for (int i = 0; i < 80; i++) {
                r.step();
                if (i % 20 == 19) {
                    r.check();
                }
            }
            r.closeDay();
            r.check();
            r.outcomes.forEach((k, v) -> outcomes.merge(k, v, Integer::sum));
        });
        System.out.println("dvp outcomes: " + outcomes);
    }
}
