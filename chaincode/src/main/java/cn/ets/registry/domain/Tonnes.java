package cn.ets.registry.domain;

/**
 * Exact whole-tonne arithmetic (1 allowance = 1 CCER = 1 tCO2e). Every sum goes through
 * {@link Math#addExact}, so an overflow is a rejected command, never a wrapped balance.
 */
public final class Tonnes {
    /** Larger than all the CO2 the world emits in a century; anything above is a typo or an attack. */
    public static final long MAX = 1_000_000_000_000_000L;

    private Tonnes() {}

    public static long requirePositive(long quantity, String field) {
        if (quantity <= 0) {
            throw new DomainException(
                    ErrorCode.INVALID_QUANTITY,
                    field + " must be a whole number of tonnes greater than 0, got " + quantity);
        }
        if (quantity > MAX) {
            throw new DomainException(ErrorCode.INVALID_QUANTITY, field + " exceeds " + MAX + " t");
        }
        return quantity;
    }

    public static long add(long a, long b) {
        try {
            return Math.addExact(a, b);
        } catch (ArithmeticException e) {
            throw new DomainException(ErrorCode.INVALID_QUANTITY, "quantity overflow: " + a + " + " + b);
        }
    }

    public static long subtract(long a, long b) {
        try {
            return Math.subtractExact(a, b);
        } catch (ArithmeticException e) {
            throw new DomainException(ErrorCode.INVALID_QUANTITY, "quantity overflow: " + a + " - " + b);
        }
    }

    public static long multiply(long a, long b) {
        try {
            return Math.multiplyExact(a, b);
        } catch (ArithmeticException e) {
            throw new DomainException(ErrorCode.INVALID_QUANTITY, "quantity overflow: " + a + " x " + b);
        }
    }
}
