package cn.ets.registry.domain.ccer;

import cn.ets.registry.domain.DomainException;
import cn.ets.registry.domain.ErrorCode;
import java.util.Collection;
import java.util.Map;
import java.util.Objects;

/** A project's monitoring periods never overlap, so no reduction is issued twice (003 专题5). */
public final class MonitoringPeriods {
    private MonitoringPeriods() {}

    public static void checkNoOverlap(Collection<MonitoringPeriod> existing, MonitoringPeriod requested) {
        Objects.requireNonNull(existing, "existing");
        Objects.requireNonNull(requested, "requested");
        for (MonitoringPeriod issued : existing) {
            if (issued.overlaps(requested)) {
                throw new DomainException(
                        ErrorCode.ALREADY_ISSUED,
                        "CCERs were already issued for part of this monitoring period",
                        Map.of(
                                "requestedStart",
                                requested.start().toString(),
                                "requestedEnd",
                                requested.end().toString(),
                                "issuedStart",
                                issued.start().toString(),
                                "issuedEnd",
                                issued.end().toString()));
            }
        }
    }
}
