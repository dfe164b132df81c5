package cn.ets.registry.domain.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import cn.ets.registry.domain.DomainException;
import cn.ets.registry.domain.ErrorCode;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AccountStatusPolicyTest {

    private static Account unit(AccountStatus status) {
        return new Account(
                "U1",
                AccountType.UNIT,
                "Unit 1",
                "HB",
                "POWER",
                status,
                status == AccountStatus.ACTIVE ? null : "test");
    }

    private static Consumer<Account> check(String what) {
        return switch (what) {
            case "send" -> AccountStatusPolicy::requireCanSend;
            case "receive" -> AccountStatusPolicy::requireCanReceive;
            case "surrender" -> AccountStatusPolicy::requireCanSurrender;
            case "report" -> AccountStatusPolicy::requireCanReport;
            default -> throw new IllegalArgumentException(what);
        };
    }

    /**
     * 001 §45 (二) restricts the transfer of products, so RESTRICTED blocks sending, not receiving
     * (domain-rules §5: a debtor buys to cure its debt); (三) suspends the account; an account asked to
     * close (CLOSURE_PENDING) still empties itself but takes nothing in.
     */
    @ParameterizedTest(name = "{0} account: {1} allowed = {2}")
    @CsvSource({
        "ACTIVE,          send,      true",
        "ACTIVE,          receive,   true",
        "ACTIVE,          surrender, true",
        "ACTIVE,          report,    true",
        "RESTRICTED,      send,      false",
        "RESTRICTED,      receive,   true",
        "RESTRICTED,      surrender, true",
        "RESTRICTED,      report,    true",
        "SUSPENDED,       send,      false",
        "SUSPENDED,       receive,   false",
        "SUSPENDED,       surrender, false",
        "SUSPENDED,       report,    false",
        "CLOSURE_PENDING, send,      true",
        "CLOSURE_PENDING, receive,   false",
        "CLOSURE_PENDING, surrender, true",
        "CLOSURE_PENDING, report,    false",
        "CLOSED,          send,      false",
        "CLOSED,          receive,   false",
        "CLOSED,          surrender, false",
        "CLOSED,          report,    false"
    })
    void each_status_permits_exactly_its_operations(AccountStatus status, String what, boolean allowed) {
        Account a = unit(status);
        if (allowed) {
            assertThatCode(() -> check(what).accept(a)).doesNotThrowAnyException();
        } else {
            assertThatExceptionOfType(DomainException.class)
                    .isThrownBy(() -> check(what).accept(a))
                    .satisfies(e -> {
                        assertThat(e.code()).isEqualTo(ErrorCode.ACCOUNT_NOT_ACTIVE);
                        assertThat(e.details()).isEqualTo(Map.of("account", "U1", "status", status.name()));
                        assertThat(e.getMessage()).contains("U1", status.name());
                    });
        }
    }

    /** 001 §45 (四), (五): a restricted function is refused whatever the status; the others stay open. */
    @ParameterizedTest(name = "{0} restricted: {1} allowed = {2}")
    @CsvSource({
        "TRADE,        TRADE,        false",
        "TRADE,        PLEDGE,       true",
        "PLEDGE,       PLEDGE,       false",
        "CANCELLATION, CANCELLATION, false",
        "CANCELLATION, TRADE,        true"
    })
    void a_restricted_function_is_refused_alone(AccountFunction restricted, AccountFunction used, boolean allowed) {
        Account a = unit(AccountStatus.ACTIVE).withRestrictedFunctions(List.of(restricted));
        if (allowed) {
            assertThatCode(() -> AccountStatusPolicy.requireFunction(a, used)).doesNotThrowAnyException();
        } else {
            assertThatExceptionOfType(DomainException.class)
                    .isThrownBy(() -> AccountStatusPolicy.requireFunction(a, used))
                    .satisfies(e -> assertThat(e.code()).isEqualTo(ErrorCode.ACCOUNT_NOT_ACTIVE));
        }
    }
}
