package cn.ets.registry.domain.ccer;

import cn.ets.registry.domain.DomainException;
import cn.ets.registry.domain.ErrorCode;
import cn.ets.registry.domain.Tonnes;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The serials one place holds (an account's CCER batch, or the retired pile), immutable. Kept
 * sorted, disjoint and with touching ranges merged, so equal holdings have equal sets. Taking
 * always consumes the lowest serials first, splitting a range when only part of it is used.
 */
public final class SerialRangeSet {
    private static final SerialRangeSet EMPTY = new SerialRangeSet(List.of());

    private final List<SerialRange> ranges;

    private SerialRangeSet(List<SerialRange> ranges) {
        this.ranges = List.copyOf(ranges);
    }

    public static SerialRangeSet empty() {
        return EMPTY;
    }

    public static SerialRangeSet of(Collection<SerialRange> ranges) {
        Objects.requireNonNull(ranges, "ranges");
        SerialRangeSet set = EMPTY;
        for (SerialRange range : ranges) {
            set = set.plus(range);
        }
        return set;
    }

    /** Adds serials this set does not hold yet; a serial already here would be counted twice. */
    public SerialRangeSet plus(SerialRange range) {
        Objects.requireNonNull(range, "range");
        List<SerialRange> result = new ArrayList<>(ranges.size() + 1);
        long start = range.start();
        long end = range.end();
        boolean placed = false;
        for (SerialRange existing : ranges) {
            if (existing.overlaps(range)) {
                throw new DomainException(
                        ErrorCode.ALREADY_ISSUED,
                        "serials are already held here",
                        Map.of(
                                "start",
                                range.start(),
                                "end",
                                range.end(),
                                "heldStart",
                                existing.start(),
                                "heldEnd",
                                existing.end()));
            }
            if (existing.end() + 1 == start) {
                start = existing.start();
            } else if (end + 1 == existing.start()) {
                end = existing.end();
            } else if (existing.end() < start) {
                result.add(existing);
            } else {
                if (!placed) {
                    result.add(new SerialRange(start, end));
                    placed = true;
                }
                result.add(existing);
            }
        }
        if (!placed) {
            result.add(new SerialRange(start, end));
        }
        return new SerialRangeSet(result);
    }

    public SerialRangeSet plus(SerialRangeSet other) {
        Objects.requireNonNull(other, "other");
        SerialRangeSet set = this;
        for (SerialRange range : other.ranges) {
            set = set.plus(range);
        }
        return set;
    }

    /** Moves the {@code quantity} lowest serials out: {@code taken} holds them, {@code remaining} the rest. */
    public Split take(long quantity) {
        Tonnes.requirePositive(quantity, "quantity");
        long size = size();
        if (quantity > size) {
            throw new DomainException(
                    ErrorCode.INSUFFICIENT_HOLDINGS,
                    "only " + size + " serials are held, " + quantity + " requested",
                    Map.of("held", size, "requested", quantity));
        }
        List<SerialRange> taken = new ArrayList<>();
        List<SerialRange> remaining = new ArrayList<>();
        long left = quantity;
        for (SerialRange range : ranges) {
            if (left == 0) {
                remaining.add(range);
            } else if (range.size() <= left) {
                taken.add(range);
                left -= range.size();
            } else {
                long cut = range.start() + left - 1;
                taken.add(new SerialRange(range.start(), cut));
                remaining.add(new SerialRange(cut + 1, range.end()));
                left = 0;
            }
        }
        return new Split(new SerialRangeSet(taken), new SerialRangeSet(remaining));
    }

    public long size() {
        long size = 0;
        for (SerialRange range : ranges) {
            size = Tonnes.add(size, range.size());
        }
        return size;
    }

    public boolean isEmpty() {
        return ranges.isEmpty();
    }

    /** Sorted by start, disjoint, never touching. */
    public List<SerialRange> ranges() {
        return ranges;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SerialRangeSet other && ranges.equals(other.ranges);
    }

    @Override
    public int hashCode() {
        return ranges.hashCode();
    }

    @Override
    public String toString() {
        return "SerialRangeSet" + ranges;
    }

    public record Split(SerialRangeSet taken, SerialRangeSet remaining) {
        public Split {
            Objects.requireNonNull(taken, "taken");
            Objects.requireNonNull(remaining, "remaining");
        }
    }
}
