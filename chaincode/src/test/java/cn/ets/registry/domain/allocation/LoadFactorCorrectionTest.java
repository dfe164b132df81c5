package cn.ets.registry.domain.allocation;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ets.registry.domain.policy.FacilityCategory;
import cn.ets.registry.domain.policy.PolicyParameters;
import cn.ets.registry.domain.policy.SeededParameters;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LoadFactorCorrectionTest {
    private static final PolicyParameters P2024 = SeededParameters.forVintage("2024");

    @ParameterizedTest(name = "F = {0} -> {1}")
    @CsvSource({
        "1.00, 1",
        "0.66, 1",
        "0.65, 1",
        "0.64, 1.0012",
        "0.645, 1.0006",
        "0.50, 1.018",
        "0.00, 1.078",
    })
    void coal_below_65_percent_load_gets_0_12_percent_per_point(BigDecimal loadFactor, BigDecimal expected) {
        assertThat(LoadFactorCorrection.factor(loadFactor, P2024)).isEqualByComparingTo(expected);
    }

    @Test
    void gas_is_never_corrected() {
        Facility gas = new Facility(FacilityCategory.GAS, BigDecimal.TEN, BigDecimal.ZERO, new BigDecimal("0.30"));

        assertThat(LoadFactorCorrection.factor(gas, P2024)).isEqualByComparingTo("1");
    }

    @Test
    void the_threshold_and_coefficient_come_from_the_parameters() {
        PolicyParameters custom = P2024.toBuilder()
                .loadFactorThreshold(new BigDecimal("0.70"))
                .loadFactorCoefficient(new BigDecimal("0.002"))
                .build();

        assertThat(LoadFactorCorrection.factor(new BigDecimal("0.65"), custom)).isEqualByComparingTo("1.010");
    }
}
