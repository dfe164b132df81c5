package cn.ets.registry.domain.deposit;

import cn.ets.registry.domain.DomainException;
import cn.ets.registry.domain.ErrorCode;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Objects;

/**
 * A unit's monthly key-parameter deposit (月度存证, 003 §2.2.4): only the digests of the report are
 * kept, with the time the ledger recorded them and whether that was after the due date.
 */
public record MonthlyDeposit(
        String unitId, YearMonth month, String sha256, String sm3, Instant recordedAt, boolean late) {
    public MonthlyDeposit {
        Objects.requireNonNull(unitId, "unitId");
        Objects.requireNonNull(month, "month");
        Digest.requireSha256(sha256);
        Digest.requireSm3(sm3);
        Objects.requireNonNull(recordedAt, "recordedAt");
        if (unitId.isBlank()) {
            throw new DomainException(ErrorCode.BAD_REQUEST, "unitId must not be blank");
        }
    }

    public static MonthlyDeposit record(String unitId, String month, String sha256, String sm3, Instant recordedAt) {
        YearMonth parsed = DepositMonth.parse(month);
        return new MonthlyDeposit(unitId, parsed, sha256, sm3, recordedAt, DepositWindow.isLate(parsed, recordedAt));
    }

    /** Whether a report someone holds is the one deposited (by its SHA-256). */
    public boolean matches(String candidateSha256) {
        return sha256.equals(Digest.requireSha256(candidateSha256));
    }
}
