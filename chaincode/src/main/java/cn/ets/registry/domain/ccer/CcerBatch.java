package cn.ets.registry.domain.ccer;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * One CCER issuance ({@code CCER-<n>}): its serial range, and which serials are still outstanding
 * versus retired (surrendered or cancelled) — so no tonne can be used twice.
 */
public record CcerBatch(
        String product,
        String projectId,
        LocalDate periodStart,
        LocalDate periodEnd,
        String vintage,
        long quantity,
        boolean legacy,
        long serialStart,
        long serialEnd,
        String owner,
        List<SerialRange> outstanding,
        List<Retirement> retired) {

    public record Retirement(long serialStart, long serialEnd, String how, String account, String txId) {}

    /** What retiring took: the batch afterwards and the serial ranges retired, lowest first. */
    public record Retired(CcerBatch batch, List<SerialRange> serials) {}

    public static CcerBatch issue(
            String product,
            String projectId,
            MonitoringPeriod period,
            String vintage,
            boolean legacy,
            SerialRange serials,
            String owner) {
        return new CcerBatch(
                product,
                projectId,
                period.start(),
                period.end(),
                vintage,
                serials.size(),
                legacy,
                serials.start(),
                serials.end(),
                owner,
                List.of(serials),
                List.of());
    }

    /** Retires the lowest outstanding serials: {@code how} (SURRENDER, CANCELLATION) by {@code account}. */
    public Retired retire(long count, String how, String account, String txId) {
        SerialRangeSet.Split split = SerialRangeSet.of(outstanding).take(count);
        List<Retirement> all = new ArrayList<>(retired);
        for (SerialRange r : split.taken().ranges()) {
            all.add(new Retirement(r.start(), r.end(), how, account, txId));
        }
        CcerBatch next = new CcerBatch(
                product,
                projectId,
                periodStart,
                periodEnd,
                vintage,
                quantity,
                legacy,
                serialStart,
                serialEnd,
                owner,
                split.remaining().ranges(),
                all);
        return new Retired(next, split.taken().ranges());
    }
}
