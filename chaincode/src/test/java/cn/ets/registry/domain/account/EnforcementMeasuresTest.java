package cn.ets.registry.domain.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import cn.ets.registry.domain.DomainException;
import cn.ets.registry.domain.ErrorCode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The seven measures of 001 §45 and what each does to an ACTIVE unit account: (一) a notice changes
 * nothing, (二) restricts transfers, (三) suspends the account, (四)/(五) restrict named functions,
 * (六) cancels the trading qualification without touching the status, (七) terminates — closed when
 * empty, else CLOSURE_PENDING.
 */
class EnforcementMeasuresTest {
    private static final Account ACTIVE =
            new Account("HB-U1", AccountType.UNIT, "Wuhan Power", "HB", "POWER", AccountStatus.ACTIVE, null);

    private static EnforcementMeasure measure(MeasureType type, List<AccountFunction> functions) {
        return EnforcementMeasure.applied(
                "M-" + type, "HB-U1", type, functions, "why", "basis", "tx1", "2025-06-01T02:00:00Z", "registry");
    }

    @ParameterizedTest(name = "{0} -> {1}, qualified {2}, functions {3}")
    @CsvSource({
        "NOTICE,                       ACTIVE,          false, ''",
        "RESTRICT_TRANSFER,            RESTRICTED,      false, ''",
        "SUSPEND_ACCOUNT,              SUSPENDED,       false, ''",
        "SUSPEND_BUSINESS,             ACTIVE,          false, 'TRADE'",
        "RESTRICT_FUNCTIONS,           ACTIVE,          false, 'PLEDGE'",
        "CANCEL_TRADING_QUALIFICATION, ACTIVE,          true,  ''",
        "TERMINATE_BUSINESS,           CLOSURE_PENDING, false, ''",
    })
    void each_measure_does_what_its_clause_says(
            MeasureType type, AccountStatus status, boolean disqualified, String function) {
        List<AccountFunction> functions = function.isEmpty() ? List.of() : List.of(AccountFunction.valueOf(function));
        Account after = EnforcementMeasures.apply(ACTIVE, type, functions, false);
        assertThat(after.status()).isEqualTo(status);
        assertThat(after.tradingQualificationCancelled()).isEqualTo(disqualified);
        assertThat(after.restrictedFunctions()).isEqualTo(functions);
        assertThat(type.clause()).startsWith("001 §45 (");
    }

    @Test
    void terminating_an_empty_account_closes_it() {
        assertThat(EnforcementMeasures.apply(ACTIVE, MeasureType.TERMINATE_BUSINESS, List.of(), true)
                        .status())
                .isEqualTo(AccountStatus.CLOSED);
    }

    @Test
    void measures_that_name_functions_need_them_and_the_others_take_none_and_a_closed_account_takes_none() {
        for (MeasureType t : new MeasureType[] {MeasureType.SUSPEND_BUSINESS, MeasureType.RESTRICT_FUNCTIONS}) {
            assertThatExceptionOfType(DomainException.class)
                    .isThrownBy(() -> EnforcementMeasures.apply(ACTIVE, t, List.of(), false))
                    .extracting(DomainException::code)
                    .isEqualTo(ErrorCode.BAD_REQUEST);
        }
        assertThatExceptionOfType(DomainException.class)
                .isThrownBy(() ->
                        EnforcementMeasures.apply(ACTIVE, MeasureType.NOTICE, List.of(AccountFunction.TRADE), false))
                .extracting(DomainException::code)
                .isEqualTo(ErrorCode.BAD_REQUEST);
        Account closed = ACTIVE.withStatus(AccountStatus.CLOSED, "x");
        assertThatExceptionOfType(DomainException.class)
                .isThrownBy(() -> EnforcementMeasures.apply(closed, MeasureType.NOTICE, List.of(), false))
                .extracting(DomainException::code)
                .isEqualTo(ErrorCode.ACCOUNT_NOT_ACTIVE);
    }

    @Test
    void lifting_undoes_only_what_no_other_active_measure_or_debt_still_calls_for() {
        EnforcementMeasure restrict = measure(MeasureType.RESTRICT_TRANSFER, List.of());
        EnforcementMeasure suspend = measure(MeasureType.SUSPEND_ACCOUNT, List.of());
        Account restricted = EnforcementMeasures.apply(ACTIVE, MeasureType.RESTRICT_TRANSFER, List.of(), false);
        Account suspended = EnforcementMeasures.apply(restricted, MeasureType.SUSPEND_ACCOUNT, List.of(), false);

        assertThat(EnforcementMeasures.lift(suspended, suspend, List.of(restrict), 0)
                        .status())
                .as("lifting the suspension leaves the restriction")
                .isEqualTo(AccountStatus.RESTRICTED);
        assertThat(EnforcementMeasures.lift(restricted, restrict, List.of(), 500)
                        .status())
                .as("an allocation debt keeps the unit restricted")
                .isEqualTo(AccountStatus.RESTRICTED);
        assertThat(EnforcementMeasures.lift(restricted, restrict, List.of(), 0).status())
                .isEqualTo(AccountStatus.ACTIVE);

        EnforcementMeasure tradeOff = measure(MeasureType.RESTRICT_FUNCTIONS, List.of(AccountFunction.TRADE));
        EnforcementMeasure tradeAndPledge =
                measure(MeasureType.SUSPEND_BUSINESS, List.of(AccountFunction.TRADE, AccountFunction.PLEDGE));
        Account both = ACTIVE.withRestrictedFunctions(List.of(AccountFunction.TRADE, AccountFunction.PLEDGE));
        assertThat(EnforcementMeasures.lift(both, tradeAndPledge, List.of(tradeOff), 0)
                        .restrictedFunctions())
                .containsExactly(AccountFunction.TRADE);

        EnforcementMeasure disqualify = measure(MeasureType.CANCEL_TRADING_QUALIFICATION, List.of());
        Account off = ACTIVE.withTradingQualificationCancelled(true);
        assertThat(EnforcementMeasures.lift(off, disqualify, List.of(), 0).tradingQualificationCancelled())
                .isFalse();
    }

    @Test
    void a_notice_a_lifted_measure_and_a_closed_terminated_account_are_not_lifted() {
        for (EnforcementMeasure m : List.of(
                measure(MeasureType.NOTICE, List.of()),
                measure(MeasureType.RESTRICT_TRANSFER, List.of()).lifted("tx2", "t", "registry", "done"))) {
            assertThatExceptionOfType(DomainException.class)
                    .isThrownBy(() -> EnforcementMeasures.lift(ACTIVE, m, List.of(), 0))
                    .extracting(DomainException::code)
                    .isEqualTo(ErrorCode.CONFLICT);
        }
        Account closed = ACTIVE.withStatus(AccountStatus.CLOSED, EnforcementMeasures.MEASURE_REASON);
        assertThatExceptionOfType(DomainException.class)
                .isThrownBy(() -> EnforcementMeasures.lift(
                        closed, measure(MeasureType.TERMINATE_BUSINESS, List.of()), List.of(), 0))
                .extracting(DomainException::code)
                .isEqualTo(ErrorCode.ACCOUNT_NOT_ACTIVE);
    }
}
