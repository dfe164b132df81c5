package cn.ets.registry.domain.account;

import cn.ets.registry.domain.DomainException;
import cn.ets.registry.domain.ErrorCode;
import cn.ets.registry.domain.Tonnes;
import java.util.Map;

/**
 * What one account holds of one product: {@code quantity} is everything, {@code locked} the part
 * under a pledge or freeze. Balances never go negative: a debit beyond what is available is refused.
 */
public record Holding(long quantity, long locked) {
    public static final Holding EMPTY = new Holding(0, 0);

    public Holding {
        if (quantity < 0 || locked < 0 || locked > quantity) {
            throw new IllegalStateException("corrupt holding: quantity " + quantity + ", locked " + locked);
        }
    }

    public long available() {
        return quantity - locked;
    }

    public Holding credit(long q) {
        return new Holding(Tonnes.add(quantity, q), locked);
    }

    /** Takes {@code q} tonnes of the available (unlocked) part. */
    public Holding debit(long q, String accountId, String product) {
        if (q > available()) {
            ErrorCode code = q <= quantity ? ErrorCode.UNITS_LOCKED : ErrorCode.INSUFFICIENT_HOLDINGS;
            String why = code == ErrorCode.UNITS_LOCKED
                    ? accountId + " holds " + quantity + " t of " + product + " but " + locked + " t are locked; "
                            + available() + " t available, needs " + q + " t"
                    : accountId + " holds " + available() + " t of " + product + " available, needs " + q + " t";
            throw new DomainException(
                    code,
                    why,
                    Map.of(
                            "account",
                            accountId,
                            "product",
                            product,
                            "available",
                            available(),
                            "locked",
                            locked,
                            "requested",
                            q));
        }
        return new Holding(quantity - q, locked);
    }

    public Holding lock(long q, String accountId, String product) {
        if (q > available()) {
            throw new DomainException(
                    ErrorCode.INSUFFICIENT_HOLDINGS,
                    accountId + " has " + available() + " t of " + product + " available to lock, needs " + q + " t",
                    Map.of("account", accountId, "product", product, "available", available(), "requested", q));
        }
        return new Holding(quantity, locked + q);
    }

    public Holding unlock(long q) {
        if (q > locked) {
            throw new IllegalStateException("unlocking " + q + " t but only " + locked + " t locked");
        }
        return new Holding(quantity, locked - q);
    }

    /** Removes locked units (enforcement of a pledge hands them to the pledgee). */
    public Holding takeLocked(long q) {
        if (q > locked) {
            throw new IllegalStateException("taking " + q + " locked t but only " + locked + " t locked");
        }
        return new Holding(quantity - q, locked - q);
    }

    public boolean isEmpty() {
        return quantity == 0 && locked == 0;
    }
}
