package cn.ets.registry.domain.allocation;

import cn.ets.registry.domain.DomainException;
import cn.ets.registry.domain.ErrorCode;
import cn.ets.registry.domain.policy.FacilityCategory;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Objects;

/**
 * One generating facility of a power unit and its verified output for the year.
 *
 * @param electricityMWh net electricity supplied
 * @param heatGJ         heat supplied
 * @param loadFactor     output (load) factor, 0..1
 */
public record Facility(FacilityCategory category, BigDecimal electricityMWh, BigDecimal heatGJ, BigDecimal loadFactor) {
    public Facility {
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(electricityMWh, "electricityMWh");
        Objects.requireNonNull(heatGJ, "heatGJ");
        Objects.requireNonNull(loadFactor, "loadFactor");
        if (electricityMWh.signum() < 0 || heatGJ.signum() < 0) {
            throw new DomainException(
                    ErrorCode.BAD_REQUEST,
                    "facility output must not be negative",
                    Map.of("electricityMWh", electricityMWh.toPlainString(), "heatGJ", heatGJ.toPlainString()));
        }
        if (loadFactor.signum() < 0 || loadFactor.compareTo(BigDecimal.ONE) > 0) {
            throw new DomainException(
                    ErrorCode.BAD_REQUEST,
                    "loadFactor must be between 0 and 1",
                    Map.of("loadFactor", loadFactor.toPlainString()));
        }
    }
}
