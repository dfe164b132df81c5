package cn.ets.registry.domain.policy;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * Benchmarks of one unit category.
 *
 * @param electricity tCO2 per MWh of net electricity supplied
 * @param heat        tCO2 per GJ of heat supplied
 */
public record Benchmark(BigDecimal electricity, BigDecimal heat) {
    public Benchmark {
        Objects.requireNonNull(electricity, "electricity");
        Objects.requireNonNull(heat, "heat");
    }

    public static Benchmark of(String electricity, String heat) {
        return new Benchmark(new BigDecimal(electricity), new BigDecimal(heat));
    }
}
