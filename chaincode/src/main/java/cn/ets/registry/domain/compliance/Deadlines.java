package cn.ets.registry.domain.compliance;

import cn.ets.registry.domain.DomainException;
import cn.ets.registry.domain.ErrorCode;
import cn.ets.registry.domain.policy.PolicyParameters;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Objects;

/**
 * Deadlines act on the ledger's own clock — the transaction's timestamp, which every endorsing
 * peer sees alike — without anyone running anything: a vintage's {@code emissionsDeadline} ends
 * the recording of verified emissions (003 §2.2.4), its {@code surrenderDeadline} makes every
 * later surrender late (003 §2.2.7). A deadline is a calendar day in Beijing and includes that
 * whole day: it has passed from 00:00 Beijing time of the day after.
 */
public final class Deadlines {
    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    private Deadlines() {}

    /** The Beijing calendar day of a transaction. */
    public static LocalDate today(Instant now) {
        return Objects.requireNonNull(now, "now").atZone(BEIJING).toLocalDate();
    }

    public static boolean passed(LocalDate deadline, Instant now) {
        return today(now).isAfter(Objects.requireNonNull(deadline, "deadline"));
    }

    /** Days from today to the deadline: 0 on the day itself, negative once it has passed. */
    public static long daysTo(LocalDate deadline, Instant now) {
        return ChronoUnit.DAYS.between(today(now), Objects.requireNonNull(deadline, "deadline"));
    }

    /** Verified emissions of the vintage can no longer be recorded (an estimate still can, 001 §43). */
    public static boolean emissionsClosed(PolicyParameters params, Instant now) {
        return passed(params.emissionsDeadline(), now);
    }

    /** A surrender now is late. */
    public static boolean surrenderLate(PolicyParameters params, Instant now) {
        return passed(params.surrenderDeadline(), now);
    }

    /**
     * A compliance year closes once its surrender deadline has passed: before that, units still have
     * the right to surrender on time, and the month whose prices set the fine is not over.
     */
    public static void requireSurrenderDeadlinePassed(int year, PolicyParameters params, Instant now) {
        if (!surrenderLate(params, now)) {
            throw new DomainException(
                    ErrorCode.DEADLINE_NOT_REACHED,
                    "compliance year " + year + " can be closed after its surrender deadline "
                            + params.surrenderDeadline() + "; today is " + today(now),
                    Map.of(
                            "year",
                            year,
                            "surrenderDeadline",
                            params.surrenderDeadline().toString(),
                            "today",
                            today(now).toString()));
        }
    }
}
