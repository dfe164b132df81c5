package cn.ets.registry.api;

import cn.ets.registry.domain.deposit.DepositMonth;
import cn.ets.registry.domain.deposit.Digest;
import cn.ets.registry.domain.deposit.MonthlyDeposit;

/** Monthly key-parameter deposits (月度存证, 003 专题4): the digests of a unit's monthly report, kept once, late ones flagged. */
public final class DepositsApi {
    private DepositsApi() {}

    /** {@code month}: YYYY-MM, ended; {@code sha256}, {@code sm3}: hex digests of the report. */
    public record Deposit(String unitId, String month, String sha256, String sm3) {
        public Deposit {
            DepositMonth.parse(month);
            Digest.requireSha256(sha256);
            Digest.requireSm3(sm3);
        }
    }

    /** With {@code sha256}, the answer says whether that document is the one deposited. */
    public record Get(
            @PathParam String unitId,
            @PathParam String month,
            @QueryParam String sha256) {
        public Get {
            DepositMonth.parse(month);
        }
    }

    public record DepositView(
            String unitId,
            String month,
            String sha256,
            String sm3,
            String recordedAt,
            boolean late,
            @Omittable Boolean matches) {
        public static DepositView of(MonthlyDeposit d, Boolean matches) {
            return new DepositView(
                    d.unitId(),
                    d.month().toString(),
                    d.sha256(),
                    d.sm3(),
                    d.recordedAt().toString(),
                    d.late(),
                    matches);
        }
    }
}
