package cn.ets.registry.domain.disclosure;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ets.registry.domain.account.AccountType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PersonalDataTest {

    @ParameterizedTest(name = "a {0} holder is named in public: {1}")
    @CsvSource({
        "UNIT, true",
        "INSTITUTION, true",
        "PROJECT_OWNER, true",
        "MEE, true",
        "PROVINCE, true",
        "INDIVIDUAL, false"
    })
    void only_an_individual_is_never_named_in_public(AccountType type, boolean named) {
        assertThat(PersonalData.mayBeNamedInPublic(type)).isEqualTo(named);
        assertThat(PersonalData.publicAccount("ACC-1", type)).isEqualTo(named ? "ACC-1" : null);
    }
}
