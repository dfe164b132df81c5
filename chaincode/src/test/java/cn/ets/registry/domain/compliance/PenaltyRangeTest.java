package cn.ets.registry.domain.compliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import cn.ets.registry.domain.DomainException;
import cn.ets.registry.domain.ErrorCode;
import cn.ets.registry.domain.policy.PolicyParameters;
import cn.ets.registry.domain.policy.SeededParameters;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PenaltyRangeTest {
    private static final PolicyParameters P2024 = SeededParameters.forVintage("2024");

    @ParameterizedTest(name = "{0} t at {1} -> {2} .. {3} yuan")
    @CsvSource({
        "1000, 95.37,   476850.00,   953700.00",
        "   1, 95.37,      476.85,      953.70",
        "   3, 10.01,      150.15,      300.30",
        "   0, 95.37,        0.00,        0.00",
        "1000,  0.00,        0.00,        0.00",
    })
    void fine_is_5_to_10_times_average_price_times_shortfall(long shortfall, BigDecimal price, String min, String max) {
        PenaltyRange range = PenaltyRange.compute(shortfall, price, P2024);

        assertThat(range).isEqualTo(new PenaltyRange(new BigDecimal(min), new BigDecimal(max), shortfall));
    }

    @Test
    void the_multiples_are_parameters() {
        PolicyParameters old = P2024.toBuilder()
                .penaltyMinMultiple(new BigDecimal("2"))
                .penaltyMaxMultiple(new BigDecimal("3"))
                .build();

        assertThat(PenaltyRange.compute(10, new BigDecimal("50.00"), old))
                .isEqualTo(new PenaltyRange(new BigDecimal("1000.00"), new BigDecimal("1500.00"), 10));
    }

    @Test
    void negative_shortfall_is_rejected() {
        assertThatExceptionOfType(DomainException.class)
                .isThrownBy(() -> PenaltyRange.compute(-1, BigDecimal.TEN, P2024))
                .extracting(DomainException::code)
                .isEqualTo(ErrorCode.INVALID_QUANTITY);
    }
}
