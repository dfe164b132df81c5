package cn.ets.registry.domain.surrender;

import cn.ets.registry.domain.DomainException;
import cn.ets.registry.domain.ErrorCode;
import cn.ets.registry.domain.product.Product;
import java.util.Map;

/**
 * Which CEA vintages may meet a year's obligation: the year's own vintage and earlier ones
 * (banking); a later vintage only where borrowing is switched on (003 §2.2.7, off by default).
 */
public final class VintageEligibility {
    private VintageEligibility() {}

    public static void require(Product cea, int complianceYear, boolean borrowingEnabled) {
        if (!cea.isCea()) {
            throw new IllegalArgumentException(cea + " is not a CEA");
        }
        if (cea.vintageStartYear() > complianceYear && !borrowingEnabled) {
            throw new DomainException(
                    ErrorCode.INELIGIBLE_VINTAGE,
                    cea + " is a later vintage than " + complianceYear + " and borrowing is not allowed",
                    Map.of("product", cea.code(), "year", complianceYear));
        }
    }
}
