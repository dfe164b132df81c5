package cn.ets.registry.domain.ccer;

import cn.ets.registry.domain.DomainException;
import cn.ets.registry.domain.ErrorCode;
import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;

/** The days a CCER issuance covers, both inclusive. */
public record MonitoringPeriod(LocalDate start, LocalDate end) {
    public MonitoringPeriod {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (end.isBefore(start)) {
            throw new DomainException(
                    ErrorCode.BAD_REQUEST,
                    "a monitoring period cannot end before it starts",
                    Map.of("start", start.toString(), "end", end.toString()));
        }
    }

    /** Sharing even one day counts: that day's reductions would be issued twice. */
    public boolean overlaps(MonitoringPeriod other) {
        Objects.requireNonNull(other, "other");
        return !start.isAfter(other.end) && !other.start.isAfter(end);
    }
}
