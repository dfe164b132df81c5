package cn.ets.registry.domain.compliance;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import cn.ets.registry.domain.DomainException;
import cn.ets.registry.domain.ErrorCode;
import cn.ets.registry.domain.policy.PolicyParameters;
import cn.ets.registry.domain.policy.SeededParameters;
import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OffsetEligibilityTest {
    private static final PolicyParameters P2024 = SeededParameters.forVintage("2024");

    @ParameterizedTest(name = "inside {0}, legacy {1}, on {2}")
    @CsvSource({
        "false, false, 2025-06-01",
        "false, true,  2024-12-31",
        "false, true,  2024-01-15",
    })
    void outside_projects_are_eligible_and_legacy_ones_until_the_end_of_2024(
            boolean inside, boolean legacy, LocalDate surrenderDate) {
        assertThatCode(() -> OffsetEligibility.check(inside, legacy, surrenderDate, P2024))
                .doesNotThrowAnyException();
    }

    @ParameterizedTest(name = "inside {0}, legacy {1}, on {2}")
    @CsvSource({
        "true,  false, 2024-06-01",
        "true,  true,  2024-06-01",
        "false, true,  2025-01-01",
        "false, true,  2025-12-31",
    })
    void projects_inside_the_ets_and_legacy_ccers_from_2025_are_ineligible(
            boolean inside, boolean legacy, LocalDate surrenderDate) {
        assertThatExceptionOfType(DomainException.class)
                .isThrownBy(() -> OffsetEligibility.check(inside, legacy, surrenderDate, P2024))
                .extracting(DomainException::code)
                .isEqualTo(ErrorCode.INELIGIBLE_OFFSET);
    }
}
