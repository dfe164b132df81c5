package cn.ets.registry.domain.compliance;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Objects;

/**
 * The month whose trades set the penalty's average price: "the month before the deadline"
 * (003 §2.2.7), read as the last whole calendar month ending on or before the deadline. For a
 * deadline on a month's last day (31 December) it is that month (1–31 December); for a deadline
 * within a month (15 June) it is the month before (May), since the deadline's own month is not
 * over yet. Trade times are compared as Beijing dates.
 */
public record PenaltyMonth(YearMonth month) {
    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    public PenaltyMonth {
        Objects.requireNonNull(month, "month");
    }

    public static PenaltyMonth forDeadline(LocalDate deadline) {
        Objects.requireNonNull(deadline, "deadline");
        YearMonth own = YearMonth.from(deadline);
        return new PenaltyMonth(deadline.equals(own.atEndOfMonth()) ? own : own.minusMonths(1));
    }

    public boolean contains(Instant tradedAt) {
        Objects.requireNonNull(tradedAt, "tradedAt");
        return YearMonth.from(tradedAt.atZone(BEIJING)).equals(month);
    }
}
