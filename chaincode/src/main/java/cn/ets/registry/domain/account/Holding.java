package cn.ets.registry.domain.account;

import cn.ets.registry.domain.DomainException;
import cn.ets.registry.domain.ErrorCode;
import cn.ets.registry.domain.Tonnes;
import java.util.Map;

/**
 * What one account holds of one product: {@code quantity} is everything, {@code locked} the part
 * under a pledge or freeze, {@code reserved} the part set aside for the exchange's sell orders and
 * posted DvP trades (still held, in the supply's sense: null when none, so a holding without
 * reservations is stored as before). Balances never go negative: a debit beyond what is available
 * is refused.
 */
public record Holding(long quantity, long locked, Long reserved) {
    public static final Holding EMPTY = new Holding(0, 0);

    public Holding {
        reserved = reserved == null || reserved == 0 ? null : reserved;
        long r = reserved == null ? 0 : reserved;
        if (quantity < 0 || locked < 0 || r < 0 || locked + r > quantity) {
            throw new IllegalStateException(
                    "corrupt holding: quantity " + quantity + ", locked " + locked + ", reserved " + r);
        }
    }

    public Holding(long quantity, long locked) {
        this(quantity, locked, null);
    }

    /** Tonnes reserved for sell orders and posted DvP trades. */
    public long reservedTonnes() {
        return reserved == null ? 0 : reserved;
    }

    public long available() {
        return quantity - locked - reservedTonnes();
    }

    public Holding credit(long q) {
        return new Holding(Tonnes.add(quantity, q), locked, reserved);
    }

    /** Sets {@code q} available tonnes aside for a sell order or a posted DvP trade. */
    public Holding reserve(long q, String accountId, String product) {
        if (q > available()) {
            throw new DomainException(
                    ErrorCode.INSUFFICIENT_HOLDINGS,
                    accountId + " has " + available() + " t of " + product + " available to reserve, needs " + q + " t",
                    Map.of("account", accountId, "product", product, "available", available(), "requested", q));
        }
        return new Holding(quantity, locked, reservedTonnes() + q);
    }

    /** Reserved tonnes become available again (an order cancelled, a DvP trade failed). */
    public Holding unreserve(long q) {
        if (q > reservedTonnes()) {
            throw new IllegalStateException("unreserving " + q + " t but only " + reservedTonnes() + " t reserved");
        }
        return new Holding(quantity, locked, reservedTonnes() - q);
    }

    /** Reserved tonnes leave the account (delivered to a buyer). */
    public Holding takeReserved(long q) {
        if (q > reservedTonnes()) {
            throw new IllegalStateException("taking " + q + " reserved t but only " + reservedTonnes() + " t reserved");
        }
        return new Holding(quantity - q, locked, reservedTonnes() - q);
    }

    /** Takes {@code q} tonnes of the available (unlocked) part. */
    public Holding debit(long q, String accountId, String product) {
        if (q > available()) {
            ErrorCode code = q <= quantity ? ErrorCode.UNITS_LOCKED : ErrorCode.INSUFFICIENT_HOLDINGS;
            String why = code == ErrorCode.UNITS_LOCKED
                    ? accountId + " holds " + quantity + " t of " + product + " but " + locked + " t are locked"
                            + (reserved == null ? "" : " and " + reserved + " t reserved for trades") + "; "
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
        return new Holding(quantity - q, locked, reserved);
    }

    public Holding lock(long q, String accountId, String product) {
        if (q > available()) {
            throw new DomainException(
                    ErrorCode.INSUFFICIENT_HOLDINGS,
                    accountId + " has " + available() + " t of " + product + " available to lock, needs " + q + " t",
                    Map.of("account", accountId, "product", product, "available", available(), "requested", q));
        }
        return new Holding(quantity, locked + q, reserved);
    }

    public Holding unlock(long q) {
        if (q > locked) {
            throw new IllegalStateException("unlocking " + q + " t but only " + locked + " t locked");
        }
        return new Holding(quantity, locked - q, reserved);
    }

    /** Removes locked units (enforcement of a pledge hands them to the pledgee). */
    public Holding takeLocked(long q) {
        if (q > locked) {
            throw new IllegalStateException("taking " + q + " locked t but only " + locked + " t locked");
        }
        return new Holding(quantity - q, locked - q, reserved);
    }

    public boolean isEmpty() {
        return quantity == 0 && locked == 0 && reserved == null;
    }
}
