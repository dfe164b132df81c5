package cn.ets.registry.domain.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReadAccessTest {

    private static Actor actor(Role role, String province, String account) {
        return new Actor("SomeMSP", "caller", role, province, account);
    }

    @ParameterizedTest(name = "{0} (province {1}, account {2}) reads the trade S (HB) → B (GD): {3}")
    @CsvSource({
        "EXCHANGE, , , true",
        "REGISTRY, , , true",
        "MEE, , , true",
        "UNIT, HB, S, true",
        "INDIVIDUAL, , B, true",
        "PROVINCE, HB, , true",
        "PROVINCE, GD, , true",
        "PROVINCE, SH, , false",
        "UNIT, HB, X, false",
        "AUDITOR, , , false"
    })
    void a_trade_is_read_by_the_exchange_the_registry_mee_its_two_parties_and_their_provinces(
            Role role, String province, String account, boolean reads) {
        assertThat(ReadAccess.trade(actor(role, province, account), "S", "HB", "B", "GD"))
                .isEqualTo(reads);
    }

    @ParameterizedTest(name = "{0} (account {1}) reads a pledge of H to P: {2}")
    @CsvSource({
        "REGISTRY, , true",
        "MEE, , true",
        "UNIT, H, true",
        "INSTITUTION, P, true",
        "INSTITUTION, Q, false",
        "EXCHANGE, , false",
        "AUDITOR, , false",
        "PROVINCE, , false"
    })
    void a_lock_is_read_by_the_registry_mee_the_holder_and_the_pledgee(Role role, String account, boolean reads) {
        assertThat(ReadAccess.lock(actor(role, role == Role.PROVINCE ? "GD" : null, account), "H", "P"))
                .isEqualTo(reads);
    }

    @ParameterizedTest(name = "a freeze has no pledgee: {0} (account {1}) reads it: {2}")
    @CsvSource({"UNIT, H, true", "UNIT, P, false"})
    void a_freeze_is_read_by_its_holder_only_among_holders(Role role, String account, boolean reads) {
        assertThat(ReadAccess.lock(actor(role, "GD", account), "H", null)).isEqualTo(reads);
    }

    @ParameterizedTest(name = "{0} (province {1}, account {2}) reads account A of GD: {3}")
    @CsvSource({
        "REGISTRY, , , true",
        "MEE, , , true",
        "PROVINCE, GD, , true",
        "PROVINCE, HB, , false",
        "UNIT, GD, A, true",
        "UNIT, GD, B, false",
        "EXCHANGE, , , false",
        "AUDITOR, , , false"
    })
    void an_account_is_read_by_the_registry_mee_its_province_and_its_holder(
            Role role, String province, String account, boolean reads) {
        assertThat(ReadAccess.account(actor(role, province, account), "A", "GD"))
                .isEqualTo(reads);
    }
}
