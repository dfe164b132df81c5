package cn.ets.registry.domain.dvp;

import cn.ets.registry.domain.DomainException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;

/**
 * A trade settles on its trading day (T+0, Beijing date of {@code tradedAt}); the funds leg must be
 * confirmed before that day's cut-off, by default 17:00 Beijing time, after the market's close. The
 * exchange may post an earlier or later cut-off for a trade, never before the trade itself.
 */
public final class SettlementDay {
    public static final ZoneId MARKET_ZONE = ZoneId.of("Asia/Shanghai");
    public static final LocalTime DEFAULT_CUT_OFF = LocalTime.of(17, 0);

    private SettlementDay() {}

    public static LocalDate of(OffsetDateTime tradedAt) {
        return tradedAt.atZoneSameInstant(MARKET_ZONE).toLocalDate();
    }

    /** The cut-off: the one given, or 17:00 Beijing time of the settlement day; never before the trade. */
    public static Instant cutOff(OffsetDateTime tradedAt, OffsetDateTime given) {
        Instant cut = given != null
                ? given.toInstant()
                : of(tradedAt).atTime(DEFAULT_CUT_OFF).atZone(MARKET_ZONE).toInstant();
        if (!cut.isAfter(tradedAt.toInstant())) {
            throw DomainException.badRequest("the cut-off " + cut + " must come after the trade (" + tradedAt + ")");
        }
        return cut;
    }
}
