package cn.ets.registry.domain.allocation;

import cn.ets.registry.domain.DomainException;
import cn.ets.registry.domain.ErrorCode;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Objects;

/**
 * A verified output of an industrial unit for the year, in the unit its intensity benchmark is
 * published per (e.g. tonnes of clinker, of crude steel, of electrolytic aluminium).
 *
 * @param product the output's name as the vintage's {@code intensityBenchmarks} spell it
 */
public record Output(String product, BigDecimal quantity) {
    public Output {
        Objects.requireNonNull(product, "product");
        Objects.requireNonNull(quantity, "quantity");
        if (quantity.signum() < 0) {
            throw new DomainException(
                    ErrorCode.BAD_REQUEST,
                    "an output must not be negative",
                    Map.of("product", product, "quantity", quantity.toPlainString()));
        }
    }
}
