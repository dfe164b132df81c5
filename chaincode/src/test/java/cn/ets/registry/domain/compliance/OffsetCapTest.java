package cn.ets.registry.domain.compliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import cn.ets.registry.domain.DomainException;
import cn.ets.registry.domain.ErrorCode;
import cn.ets.registry.domain.policy.PolicyParameters;
import cn.ets.registry.domain.policy.SeededParameters;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OffsetCapTest {
    private static final PolicyParameters P2024 = SeededParameters.forVintage("2024");

    @ParameterizedTest(name = "5 % of {0} t = {1} t")
    @CsvSource({"100000, 5000", "1999, 99", "20, 1", "19, 0", "0, 0"})
    void the_cap_is_5_percent_of_the_obligation_rounded_down(long obligation, long expected) {
        assertThat(OffsetCap.maxOffset(obligation, P2024)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "obligation {0}, used {1}, requested {2}")
    @CsvSource({"100000, 0, 5000", "100000, 3000, 2000", "100000, 5000, 0", "1999, 0, 99"})
    void offsets_up_to_exactly_5_percent_are_accepted(long obligation, long used, long requested) {
        assertThatCode(() -> OffsetCap.check(obligation, used, requested, P2024))
                .doesNotThrowAnyException();
    }

    @ParameterizedTest(name = "obligation {0}, used {1}, requested {2}")
    @CsvSource({"100000, 0, 5001", "100000, 3000, 2001", "100000, 5000, 1", "1999, 0, 100"})
    void one_tonne_over_5_percent_is_rejected_with_the_figures(long obligation, long used, long requested) {
        assertThatExceptionOfType(DomainException.class)
                .isThrownBy(() -> OffsetCap.check(obligation, used, requested, P2024))
                .satisfies(e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.OFFSET_LIMIT_EXCEEDED);
                    assertThat(e.details())
                            .isEqualTo(Map.of(
                                    "obligation",
                                    obligation,
                                    "cap",
                                    OffsetCap.maxOffset(obligation, P2024),
                                    "alreadyUsed",
                                    used,
                                    "requested",
                                    requested));
                });
    }
}
