package cn.ets.registry.domain.deposit;

import cn.ets.registry.domain.DomainException;
import cn.ets.registry.domain.ErrorCode;
import java.time.DateTimeException;
import java.time.YearMonth;
import java.util.Map;
import java.util.regex.Pattern;

/** Reads the {@code YYYY-MM} month of a deposit, strictly. */
public final class DepositMonth {
    private static final Pattern YEAR_MONTH = Pattern.compile("\\d{4}-\\d{2}");

    private DepositMonth() {}

    public static YearMonth parse(String text) {
        if (text != null && YEAR_MONTH.matcher(text).matches()) {
            try {
                return YearMonth.parse(text);
            } catch (DateTimeException e) {
                // falls through to the rejection below
            }
        }
        throw new DomainException(
                ErrorCode.BAD_REQUEST, "month must be YYYY-MM", Map.of("month", String.valueOf(text)));
    }
}
