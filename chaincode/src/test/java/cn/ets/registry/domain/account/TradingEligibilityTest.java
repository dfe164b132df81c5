package cn.ets.registry.domain.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import cn.ets.registry.domain.DomainException;
import cn.ets.registry.domain.ErrorCode;
import cn.ets.registry.domain.product.Product;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TradingEligibilityTest {

    @ParameterizedTest(name = "{0} trading {1}: {2}")
    @CsvSource({
        "UNIT,          CEA-2024, true",
        "UNIT,          CCER-7,   true",
        "INSTITUTION,   CEA-2024, true",
        "INSTITUTION,   CCER-7,   true",
        "INDIVIDUAL,    CEA-2024, true",
        "INDIVIDUAL,    CCER-7,   true",
        "PROJECT_OWNER, CEA-2024, false",
        "PROJECT_OWNER, CCER-7,   true",
        "MEE,           CEA-2024, false",
        "MEE,           CCER-7,   false",
        "PROVINCE,      CEA-2024, false",
        "PROVINCE,      CCER-7,   false"
    })
    void only_holders_trade_and_project_owners_only_ccer(AccountType type, String product, boolean allowed) {
        Account a = new Account(
                "A1", type, "A", type == AccountType.PROVINCE ? "HB" : null, null, AccountStatus.ACTIVE, null);
        Product p = Product.parse(product);
        if (allowed) {
            assertThatCode(() -> TradingEligibility.requireMayTrade(a, p)).doesNotThrowAnyException();
        } else {
            assertThatExceptionOfType(DomainException.class)
                    .isThrownBy(() -> TradingEligibility.requireMayTrade(a, p))
                    .satisfies(e -> {
                        assertThat(e.code()).isEqualTo(ErrorCode.NOT_TRADABLE);
                        assertThat(e.details())
                                .containsEntry("account", "A1")
                                .containsEntry("type", type.name())
                                .containsEntry("product", product);
                    });
        }
    }
}
