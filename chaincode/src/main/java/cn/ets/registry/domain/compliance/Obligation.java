package cn.ets.registry.domain.compliance;

import cn.ets.registry.domain.DomainException;
import cn.ets.registry.domain.ErrorCode;
import cn.ets.registry.domain.Tonnes;
import java.util.Map;

/**
 * A unit's surrender obligation for one year (its verified emissions) and what it has done about it.
 *
 * @param offsetUsed CCER tonnes among {@code surrendered}
 * @param deduction  tonnes to deduct from next year's allocation, set when the year closes
 */
public record Obligation(long obligation, long surrendered, long offsetUsed, boolean closed, long deduction) {
    public Obligation {
        if (obligation < 0 || surrendered < 0 || offsetUsed < 0 || deduction < 0) {
            throw new DomainException(
                    ErrorCode.INVALID_QUANTITY,
                    "obligation figures must not be negative",
                    Map.of(
                            "obligation",
                            obligation,
                            "surrendered",
                            surrendered,
                            "offsetUsed",
                            offsetUsed,
                            "deduction",
                            deduction));
        }
        if (offsetUsed > surrendered) {
            throw new DomainException(
                    ErrorCode.INVALID_QUANTITY,
                    "offsetUsed cannot exceed surrendered",
                    Map.of("surrendered", surrendered, "offsetUsed", offsetUsed));
        }
        if (!closed && deduction != 0) {
            throw new DomainException(
                    ErrorCode.BAD_REQUEST,
                    "a deduction exists only once the year is closed",
                    Map.of("deduction", deduction));
        }
    }

    public static Obligation open(long obligation) {
        return new Obligation(obligation, 0, 0, false, 0);
    }

    public long shortfall() {
        return Math.max(0, Tonnes.subtract(obligation, surrendered));
    }

    public ComplianceStatus status() {
        return ComplianceStatus.of(obligation, surrendered, closed);
    }

    /** Closing the year turns the shortfall into next year's deduction. */
    public Obligation close() {
        if (closed) {
            throw new DomainException(ErrorCode.DEADLINE_PASSED, "the year is already closed", Map.of());
        }
        return new Obligation(obligation, surrendered, offsetUsed, true, shortfall());
    }

    /**
     * A unit's surrender: no more than is still owed (more would destroy units for nothing), then
     * as {@link #withSurrender}.
     */
    public Obligation surrender(long quantity, long offsetPart) {
        long remaining = Math.max(0, Tonnes.subtract(obligation, surrendered));
        if (quantity > remaining) {
            throw new DomainException(
                    ErrorCode.EXCEEDS_OBLIGATION,
                    remaining + " t are still owed; a surrender of " + quantity + " t exceeds it",
                    Map.of("remaining", remaining, "requested", quantity));
        }
        return withSurrender(quantity, offsetPart);
    }

    /**
     * Verified emissions corrected before the year closes. They may not fall below what was already
     * surrendered, nor so low that the CCER already used would exceed the offset cap of the new
     * figure ({@code offsetCapOfNewFigure}, from {@link OffsetCap#maxOffset}).
     */
    public Obligation correctedTo(long verifiedEmissions, long offsetCapOfNewFigure) {
        if (verifiedEmissions < surrendered) {
            throw new DomainException(
                    ErrorCode.CONFLICT,
                    surrendered + " t were already surrendered; verified emissions cannot be set below that",
                    Map.of("surrendered", surrendered, "requested", verifiedEmissions));
        }
        if (offsetUsed > offsetCapOfNewFigure) {
            throw new DomainException(
                    ErrorCode.CONFLICT,
                    offsetUsed + " t were already offset with CCER; " + verifiedEmissions + " t would cap offsets at "
                            + offsetCapOfNewFigure + " t",
                    Map.of("offsetUsed", offsetUsed, "cap", offsetCapOfNewFigure));
        }
        return new Obligation(verifiedEmissions, surrendered, offsetUsed, closed, deduction);
    }

    /**
     * Records a surrender of {@code quantity} tonnes, {@code offsetPart} of them CCER. After close
     * (a late surrender) it lowers the deduction tonne for tonne, never below 0; the fine stands.
     */
    public Obligation withSurrender(long quantity, long offsetPart) {
        Tonnes.requirePositive(quantity, "quantity");
        if (offsetPart < 0 || offsetPart > quantity) {
            throw new DomainException(
                    ErrorCode.INVALID_QUANTITY,
                    "offsetPart must be between 0 and quantity",
                    Map.of("quantity", quantity, "offsetPart", offsetPart));
        }
        return new Obligation(
                obligation,
                Tonnes.add(surrendered, quantity),
                Tonnes.add(offsetUsed, offsetPart),
                closed,
                Math.max(0, Tonnes.subtract(deduction, quantity)));
    }
}
