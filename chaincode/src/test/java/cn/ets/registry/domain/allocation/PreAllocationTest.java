package cn.ets.registry.domain.allocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import cn.ets.registry.domain.DomainException;
import cn.ets.registry.domain.ErrorCode;
import cn.ets.registry.domain.policy.PolicyParameters;
import cn.ets.registry.domain.policy.SeededParameters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PreAllocationTest {
    private static final PolicyParameters P2024 = SeededParameters.forVintage("2024");

    @ParameterizedTest(name = "70 % of {0} t = {1} t")
    @CsvSource({"100000, 70000", "1234567, 864197", "5, 4", "3, 2", "1, 1", "0, 0"})
    void pre_allocation_is_70_percent_of_last_year_rounded_half_up(long previousYear, long expected) {
        assertThat(PreAllocation.compute(previousYear, P2024)).isEqualTo(expected);
    }

    @Test
    void negative_emissions_are_rejected() {
        assertThatExceptionOfType(DomainException.class)
                .isThrownBy(() -> PreAllocation.compute(-1, P2024))
                .extracting(DomainException::code)
                .isEqualTo(ErrorCode.INVALID_QUANTITY);
    }
}
