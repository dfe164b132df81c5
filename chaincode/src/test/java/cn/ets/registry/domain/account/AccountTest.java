package cn.ets.registry.domain.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import cn.ets.registry.domain.DomainException;
import cn.ets.registry.domain.ErrorCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class AccountTest {

    @ParameterizedTest
    @ValueSource(
            strings = {"U1", "HB-UNIT_001.a", "0", "a234567890123456789012345678901234567890123456789012345678901234"})
    void ids_of_letters_digits_dot_dash_underscore_up_to_64_are_valid(String id) {
        assertThat(Account.requireValidId(id)).isEqualTo(id);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(
            strings = {
                "-U1",
                ".U1",
                "U 1",
                "U/1",
                "U\u00001",
                "单位",
                "a2345678901234567890123456789012345678901234567890123456789012345"
            })
    void other_ids_are_bad_requests(String id) {
        assertThatExceptionOfType(DomainException.class)
                .isThrownBy(() -> Account.requireValidId(id))
                .satisfies(e -> assertThat(e.code()).isEqualTo(ErrorCode.BAD_REQUEST));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"hb", "H", "HBX", "H1"})
    void provinces_are_two_upper_case_letters(String code) {
        assertThatExceptionOfType(DomainException.class)
                .isThrownBy(() -> Account.requireValidProvince(code))
                .satisfies(e -> assertThat(e.code()).isEqualTo(ErrorCode.BAD_REQUEST));
    }

    @Test
    void a_province_account_is_named_after_its_code_and_status_changes_keep_everything_else() {
        assertThat(Account.provinceAccountId("HB")).isEqualTo("PROVINCE-HB");
        Account a = new Account("U1", AccountType.UNIT, "Unit", "HB", "POWER", AccountStatus.ACTIVE, null);
        assertThat(a.withStatus(AccountStatus.RESTRICTED, "notice"))
                .isEqualTo(
                        new Account("U1", AccountType.UNIT, "Unit", "HB", "POWER", AccountStatus.RESTRICTED, "notice"));
        assertThat(AccountType.MEE.isAuthority()).isTrue();
        assertThat(AccountType.PROVINCE.isAuthority()).isTrue();
        assertThat(AccountType.UNIT.isAuthority()).isFalse();
    }
}
