package cn.ets.registry.domain.surrender;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import cn.ets.registry.domain.DomainException;
import cn.ets.registry.domain.ErrorCode;
import cn.ets.registry.domain.product.Product;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VintageEligibilityTest {

    @ParameterizedTest(name = "{0} for {1}, borrowing {2}: {3}")
    @CsvSource({
        "CEA-2019-2020, 2019, false, true",
        "CEA-2019-2020, 2020, false, true",
        "CEA-2019-2020, 2024, false, true",
        "CEA-2021,      2021, false, true",
        "CEA-2024,      2024, false, true",
        "CEA-2021,      2025, false, true",
        "CEA-2025,      2024, false, false",
        "CEA-2021,      2020, false, false",
        "CEA-2025,      2024, true,  true",
        "CEA-2030,      2024, true,  true"
    })
    void own_and_earlier_vintages_count_later_ones_only_with_borrowing(
            String product, int year, boolean borrowing, boolean ok) {
        Product p = Product.parse(product);
        if (ok) {
            assertThatCode(() -> VintageEligibility.require(p, year, borrowing)).doesNotThrowAnyException();
        } else {
            assertThatExceptionOfType(DomainException.class)
                    .isThrownBy(() -> VintageEligibility.require(p, year, borrowing))
                    .satisfies(e -> {
                        assertThat(e.code()).isEqualTo(ErrorCode.INELIGIBLE_VINTAGE);
                        assertThat(e.details()).isEqualTo(Map.of("product", product, "year", year));
                    });
        }
    }

    @Test
    void a_ccer_is_not_a_vintage_question() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> VintageEligibility.require(Product.parse("CCER-3"), 2024, false));
    }
}
