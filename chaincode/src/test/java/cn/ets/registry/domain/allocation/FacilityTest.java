package cn.ets.registry.domain.allocation;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import cn.ets.registry.domain.DomainException;
import cn.ets.registry.domain.ErrorCode;
import cn.ets.registry.domain.policy.FacilityCategory;
import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FacilityTest {

    @ParameterizedTest(name = "{0} MWh, {1} GJ, F = {2}")
    @CsvSource({"-1, 0, 0.8", "0, -0.1, 0.8", "0, 0, -0.01", "0, 0, 1.01"})
    void negative_output_or_a_load_factor_outside_zero_to_one_is_rejected(
            BigDecimal mwh, BigDecimal gj, BigDecimal loadFactor) {
        assertThatExceptionOfType(DomainException.class)
                .isThrownBy(() -> new Facility(FacilityCategory.COAL_ABOVE_300MW, mwh, gj, loadFactor))
                .extracting(DomainException::code)
                .isEqualTo(ErrorCode.BAD_REQUEST);
    }

    @ParameterizedTest
    @CsvSource({"0, 0, 0", "0, 0, 1", "1000.5, 20.25, 0.65"})
    void zero_output_and_load_factors_at_the_bounds_are_accepted(BigDecimal mwh, BigDecimal gj, BigDecimal loadFactor) {
        assertThatCode(() -> new Facility(FacilityCategory.GAS, mwh, gj, loadFactor))
                .doesNotThrowAnyException();
    }
}
