package cn.ets.registry.domain.dvp;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The daily settlement statement (结算日报) of one settlement day: counts, tonnes and amounts of
 * settled, failed and pending trades, per settlement kind (DVP or SINGLE_STEP) and trade mode, and
 * per participant (each trade counts for its seller and its buyer). Reversals approved that day are
 * listed as their own lines (status REVERSED).
 */
public final class SettlementStatement {
    public static final String SETTLED = "SETTLED";
    public static final String FAILED = "FAILED";
    public static final String PENDING = "PENDING";
    public static final String REVERSED = "REVERSED";

    /** One trade of the day as the statement counts it. */
    public record Line(
            String tradeId,
            String kind,
            String mode,
            String status,
            String seller,
            String buyer,
            long quantity,
            BigDecimal amount) {}

    /** One total: a count, tonnes and an amount in yuan. */
    public record Total(String kind, String mode, String status, long count, long tonnes, BigDecimal amount) {
        Total plus(long q, BigDecimal a) {
            return new Total(kind, mode, status, count + 1, tonnes + q, amount.add(a));
        }

        String key() {
            return kind + "|" + mode + "|" + status;
        }
    }

    public record ParticipantTotal(String account, String status, long count, long tonnes, BigDecimal amount) {}

    private SettlementStatement() {}

    /** Totals per kind, mode and status, in that order. */
    public static List<Total> totals(List<Line> lines) {
        Map<String, Total> out = new TreeMap<>();
        for (Line l : lines) {
            Total zero = new Total(l.kind(), l.mode(), l.status(), 0, 0, BigDecimal.ZERO.setScale(2));
            out.merge(zero.key(), zero.plus(l.quantity(), l.amount()), (a, b) -> a.plus(b.tonnes(), b.amount()));
        }
        return List.copyOf(out.values());
    }

    /** Totals per participant and status (a trade counts for both parties), by account then status. */
    public static List<ParticipantTotal> perParticipant(List<Line> lines) {
        Map<String, ParticipantTotal> out = new TreeMap<>();
        for (Line l : lines) {
            for (String account : List.of(l.seller(), l.buyer())) {
                out.merge(
                        account + "|" + l.status(),
                        new ParticipantTotal(account, l.status(), 1, l.quantity(), l.amount()),
                        (a, b) -> new ParticipantTotal(
                                a.account(),
                                a.status(),
                                a.count() + 1,
                                a.tonnes() + b.tonnes(),
                                a.amount().add(b.amount())));
            }
        }
        return List.copyOf(out.values());
    }

    /** A difference between the statement and a participant's own totals: what each side says. */
    public record Difference(
            String kind, String mode, String status, String field, String statement, String reported) {}

    /**
     * Reconciliation: each reported total against the statement's line of the same kind, mode and
     * status (a line the statement lacks counts as zero, and so does a statement line nobody
     * reported). {@code tonnes} null in a report means that side does not count tonnes (the bank).
     */
    public static List<Difference> reconcile(List<Total> statement, List<Reported> reported) {
        Map<String, Total> ours = new TreeMap<>();
        statement.forEach(t -> ours.put(t.key(), t));
        Map<String, Reported> theirs = new TreeMap<>();
        for (Reported r : reported) {
            theirs.put(r.kind() + "|" + r.mode() + "|" + r.status(), r);
        }
        List<Difference> out = new ArrayList<>();
        TreeSet<String> keys = new TreeSet<>();
        keys.addAll(ours.keySet());
        keys.addAll(theirs.keySet());
        boolean countsTonnes = reported.stream().allMatch(r -> r.tonnes() != null);
        for (String k : keys) {
            String[] parts = k.split("\\|", -1);
            Total t = ours.getOrDefault(k, new Total(parts[0], parts[1], parts[2], 0, 0, BigDecimal.ZERO));
            Reported r = theirs.getOrDefault(k, new Reported(parts[0], parts[1], parts[2], 0, 0L, BigDecimal.ZERO));
            if (t.count() != r.count()) {
                out.add(new Difference(
                        t.kind(), t.mode(), t.status(), "count", Long.toString(t.count()), Long.toString(r.count())));
            }
            if (countsTonnes && (r.tonnes() == null || t.tonnes() != r.tonnes())) {
                out.add(new Difference(
                        t.kind(),
                        t.mode(),
                        t.status(),
                        "tonnes",
                        Long.toString(t.tonnes()),
                        String.valueOf(r.tonnes())));
            }
            if (t.amount().compareTo(r.amount()) != 0) {
                out.add(new Difference(
                        t.kind(),
                        t.mode(),
                        t.status(),
                        "amount",
                        t.amount().setScale(2).toPlainString(),
                        r.amount().setScale(2).toPlainString()));
            }
        }
        return out;
    }

    /** A participant's own total of one kind, mode and status ({@code tonnes} null: not counted). */
    public record Reported(String kind, String mode, String status, long count, Long tonnes, BigDecimal amount) {}
}
