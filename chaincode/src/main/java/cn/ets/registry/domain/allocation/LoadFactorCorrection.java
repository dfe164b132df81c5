package cn.ets.registry.domain.allocation;

import cn.ets.registry.domain.policy.PolicyParameters;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * Extra allowances for a coal facility run below the load-factor threshold (003 §2.2.3):
 * {@code 1 + coefficient × (100·threshold − 100·F)} when {@code F < threshold}, otherwise 1.
 * Exact: no rounding happens here.
 */
public final class LoadFactorCorrection {
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private LoadFactorCorrection() {}

    public static BigDecimal factor(BigDecimal loadFactor, PolicyParameters params) {
        Objects.requireNonNull(loadFactor, "loadFactor");
        Objects.requireNonNull(params, "params");
        BigDecimal threshold = params.loadFactorThreshold();
        if (loadFactor.compareTo(threshold) >= 0) {
            return BigDecimal.ONE;
        }
        BigDecimal pointsBelow = threshold.subtract(loadFactor).multiply(HUNDRED);
        return BigDecimal.ONE.add(params.loadFactorCoefficient().multiply(pointsBelow));
    }

    /** Gas facilities are never corrected. */
    public static BigDecimal factor(Facility facility, PolicyParameters params) {
        Objects.requireNonNull(facility, "facility");
        return facility.category().isCoal() ? factor(facility.loadFactor(), params) : BigDecimal.ONE;
    }
}
