package cn.ets.registry.domain.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import cn.ets.registry.domain.DomainException;
import cn.ets.registry.domain.ErrorCode;
import cn.ets.registry.domain.product.Product;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Trading admission (002; 003 §2.2.6): today only key emitting units trade CEA; institutions once the
 * registry admits them; individuals (and project owners) CCER only; authorities never.
 */
class TradingEligibilityTest {

    @ParameterizedTest(name = "{0} (admitted {2}) trading {1}: {3}")
    @CsvSource({
        "UNIT,          CEA-2024, false, true",
        "UNIT,          CCER-7,   false, true",
        "INSTITUTION,   CEA-2024, false, false",
        "INSTITUTION,   CEA-2024, true,  true",
        "INSTITUTION,   CCER-7,   false, true",
        "INDIVIDUAL,    CEA-2024, false, false",
        "INDIVIDUAL,    CEA-2024, true,  false",
        "INDIVIDUAL,    CCER-7,   false, true",
        "PROJECT_OWNER, CEA-2024, true,  false",
        "PROJECT_OWNER, CCER-7,   false, true",
        "MEE,           CEA-2024, true,  false",
        "MEE,           CCER-7,   true,  false",
        "PROVINCE,      CEA-2024, true,  false",
        "PROVINCE,      CCER-7,   true,  false"
    })
    void units_trade_cea_institutions_once_admitted_individuals_only_ccer(
            AccountType type, String product, boolean admitted, boolean allowed) {
        Account a = new Account(
                "A1", type, "A", type == AccountType.PROVINCE ? "HB" : null, null, AccountStatus.ACTIVE, null);
        Product p = Product.parse(product);
        assertThat(TradingEligibility.mayTrade(a, p, admitted)).isEqualTo(allowed);
        if (allowed) {
            assertThatCode(() -> TradingEligibility.requireMayTrade(a, p, admitted))
                    .doesNotThrowAnyException();
        } else {
            assertThatExceptionOfType(DomainException.class)
                    .isThrownBy(() -> TradingEligibility.requireMayTrade(a, p, admitted))
                    .satisfies(e -> {
                        assertThat(e.code()).isEqualTo(ErrorCode.NOT_TRADABLE);
                        assertThat(e.details())
                                .containsEntry("account", "A1")
                                .containsEntry("type", type.name())
                                .containsEntry("product", product);
                    });
        }
    }

    @Test
    void a_cancelled_qualification_or_a_restricted_trade_function_stops_even_a_unit() {
        Account unit = new Account("U1", AccountType.UNIT, "U", "HB", "POWER", AccountStatus.ACTIVE, null);
        Product cea = Product.parse("CEA-2024");
        assertThat(TradingEligibility.refusal(unit.withTradingQualificationCancelled(true), cea, true))
                .contains("qualification was cancelled");
        assertThat(TradingEligibility.refusal(unit.withRestrictedFunctions(List.of(AccountFunction.TRADE)), cea, true))
                .contains("TRADE function is restricted");
    }
}
