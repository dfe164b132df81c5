package cn.ets.registry.api;

import cn.ets.registry.domain.DomainException;
import cn.ets.registry.domain.lock.LockRecord;
import cn.ets.registry.domain.product.Product;

/** Pledges and freezes (002; 001 §45): locked units stay in the account but cannot move until released or enforced. */
public final class LocksApi {
    private LocksApi() {}

    /** A PLEDGE names its pledgee (an INSTITUTION account); a FREEZE is the registry's. */
    public record Lock(
            String requestId,
            String account,
            Product product,
            @Quantity long quantity,
            LockRecord.Kind kind,
            String reason,
            @Omittable String pledgee) {
        public Lock {
            if (kind == LockRecord.Kind.PLEDGE && pledgee == null) {
                throw DomainException.badRequest("missing field 'pledgee'");
            }
            if (kind == LockRecord.Kind.FREEZE) {
                pledgee = null;
            }
        }
    }

    /** With a {@code requestId} the command is replayable; without one it runs once, then answers CONFLICT. */
    public record Release(
            @PathParam String lockId, @Omittable String requestId) {}

    public record Enforce(
            @PathParam String lockId, @Omittable String requestId) {}

    public record Get(@PathParam String lockId) {}

    public record LockView(
            String lockId,
            String kind,
            String account,
            String product,
            long quantity,
            @Omittable String pledgee,
            String reason,
            String status) {
        public static LockView of(LockRecord r) {
            return new LockView(
                    r.lockId(), r.kind(), r.account(), r.product(), r.quantity(), r.pledgee(), r.reason(), r.status());
        }
    }

    public record Locked(
            String requestId,
            @Flatten LockView lock,
            @Flatten Attribution attribution) {}

    public record LockClosed(
            @Flatten LockView lock, @Flatten Attribution attribution) {}
}
