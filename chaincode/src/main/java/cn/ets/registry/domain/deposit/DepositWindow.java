package cn.ets.registry.domain.deposit;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Objects;

/**
 * A month's key-parameter report is due within 40 natural days after the month ends
 * (003 §2.2.4): the due date is the month's last day + 40 days, judged on the Beijing calendar.
 */
public final class DepositWindow {
    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    private static final int DAYS_AFTER_MONTH_END = 40;

    private DepositWindow() {}

    public static LocalDate dueDate(YearMonth month) {
        Objects.requireNonNull(month, "month");
        return month.atEndOfMonth().plusDays(DAYS_AFTER_MONTH_END);
    }

    public static boolean isLate(YearMonth month, Instant recordedAt) {
        Objects.requireNonNull(recordedAt, "recordedAt");
        return recordedAt.atZone(BEIJING).toLocalDate().isAfter(dueDate(month));
    }
}
