package cn.ets.registry.domain.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ets.registry.domain.DomainException;
import cn.ets.registry.domain.ErrorCode;
import cn.ets.registry.domain.policy.PolicyParameters;
import cn.ets.registry.domain.policy.SeededParameters;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CarryOverLimitTest {
    private static final PolicyParameters P2024 = SeededParameters.forVintage("2024");

    /**
     * 003 §2.2.7 and 专题6: "最大可结转量等于1万吨加上…净卖出量的1.5倍" — 10,000 t plus 1.5 × the net
     * quantity sold; a net buyer sold nothing net, so the 10,000 t base is a floor (the limit never
     * falls below it, as it did before: to 0 for a net buyer of 6,667 t).
     */
    @ParameterizedTest(name = "net sales {0} t -> {1} t")
    @CsvSource({
        "      0, 10000", // no trading: the base
        "  20000, 40000", // net seller: 10,000 + 1.5 x 20,000
        "      3, 10004", // 10,004.5 rounded down
        "      1, 10001", // 10,001.5 rounded down
        "     -3, 10000", // net buyer: the base
        "  -4000, 10000",
        "  -6667, 10000",
        " -50000, 10000",
    })
    void limit_is_10000_plus_1_5_times_net_sales_and_never_below_the_base(long netSales, long expected) {
        assertThat(CarryOverLimit.compute(Map.of("2023", netSales), P2024)).isEqualTo(expected);
    }

    @Test
    void net_sales_of_every_listed_vintage_add_up_and_others_are_ignored() {
        Map<String, Long> netSales =
                Map.of("2019-2020", 1000L, "2021", 2000L, "2022", -500L, "2024", 1500L, "2025", 1_000_000L);

        assertThat(CarryOverLimit.compute(netSales, P2024)).isEqualTo(10_000 + 6_000);
    }

    @ParameterizedTest(name = "year {0}: {1} t of {2} counts {3} t")
    @CsvSource({
        "2024, 500, 2024, 0",
        "2025, 500, 2024, 500",
        "2025, 500, 2019-2020, 500",
        "2025, 500, 2025, 0",
        "2026, 700, 2021, 700"
    })
    void only_carry_over_vintages_used_after_the_last_of_them_count(
            int year, long tonnes, String vintage, long counted) {
        var params = P2024.toBuilder().vintage("2025").build();
        assertThat(CarryOverLimit.carried(year, Map.of(vintage, tonnes), params))
                .isEqualTo(counted);
    }

    @ParameterizedTest(name = "used {0} + {1} within {2}: {3}")
    @CsvSource({
        "0,     55000, 55000, true",
        "0,     55001, 55000, false",
        "40000, 15000, 55000, true",
        "40000, 15001, 55000, false"
    })
    void carrying_more_than_the_limit_is_refused(long used, long carried, long limit, boolean accepted) {
        if (accepted) {
            CarryOverLimit.requireWithin(used, carried, limit);
        } else {
            Assertions.assertThatExceptionOfType(DomainException.class)
                    .isThrownBy(() -> CarryOverLimit.requireWithin(used, carried, limit))
                    .satisfies(e -> assertThat(e.code()).isEqualTo(ErrorCode.CARRY_OVER_LIMIT_EXCEEDED));
        }
    }
}
