package cn.ets.registry.domain.ccer;

import cn.ets.registry.domain.DomainException;
import cn.ets.registry.domain.ErrorCode;
import cn.ets.registry.domain.Tonnes;
import java.util.Map;
import java.util.Objects;

/** CCER serials {@code start..end}, both inclusive; one serial is one tonne. Serials start at 1. */
public record SerialRange(long start, long end) implements Comparable<SerialRange> {
    public SerialRange {
        if (start < 1 || end < start) {
            throw new DomainException(
                    ErrorCode.BAD_REQUEST,
                    "a serial range needs 1 <= start <= end",
                    Map.of("start", start, "end", end));
        }
    }

    public long size() {
        return Tonnes.add(Tonnes.subtract(end, start), 1);
    }

    public boolean overlaps(SerialRange other) {
        Objects.requireNonNull(other, "other");
        return start <= other.end && other.start <= end;
    }

    @Override
    public int compareTo(SerialRange other) {
        return Long.compare(start, other.start);
    }
}
