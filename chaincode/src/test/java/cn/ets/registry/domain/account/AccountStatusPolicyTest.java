package cn.ets.registry.domain.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import cn.ets.registry.domain.DomainException;
import cn.ets.registry.domain.ErrorCode;
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
            case "trade" -> AccountStatusPolicy::requireCanTrade;
            case "surrender" -> AccountStatusPolicy::requireCanSurrender;
            case "report" -> AccountStatusPolicy::requireCanReport;
            default -> throw new IllegalArgumentException(what);
        };
    }

    @ParameterizedTest(name = "{0} account: {1} allowed = {2}")
    @CsvSource({
        "ACTIVE,     send,      true",
        "ACTIVE,     receive,   true",
        "ACTIVE,     trade,     true",
        "ACTIVE,     surrender, true",
        "ACTIVE,     report,    true",
        "RESTRICTED, send,      false",
        "RESTRICTED, receive,   true",
        "RESTRICTED, trade,     false",
        "RESTRICTED, surrender, true",
        "RESTRICTED, report,    true",
        "SUSPENDED,  send,      false",
        "SUSPENDED,  receive,   false",
        "SUSPENDED,  trade,     false",
        "SUSPENDED,  surrender, false",
        "SUSPENDED,  report,    false",
        "CLOSED,     send,      false",
        "CLOSED,     receive,   false",
        "CLOSED,     trade,     false",
        "CLOSED,     surrender, false",
        "CLOSED,     report,    false"
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
}
