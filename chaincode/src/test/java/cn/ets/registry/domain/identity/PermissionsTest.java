package cn.ets.registry.domain.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import cn.ets.registry.domain.DomainException;
import cn.ets.registry.domain.ErrorCode;
import cn.ets.registry.domain.account.Account;
import cn.ets.registry.domain.account.AccountStatus;
import cn.ets.registry.domain.account.AccountType;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PermissionsTest {
    private static final Map<String, Actor> ACTORS = Map.of(
            "mee", new Actor("MEEMSP", "mee", Role.MEE, null, null),
            "registry", new Actor("RegistryMSP", "registry", Role.REGISTRY, null, null),
            "exchange", new Actor("ExchangeMSP", "exchange", Role.EXCHANGE, null, null),
            "hb", new Actor("ProvinceHBMSP", "hb", Role.PROVINCE, "HB", null),
            "gd", new Actor("ProvinceGDMSP", "gd", Role.PROVINCE, "GD", null),
            "hb-u1", new Actor("ProvinceHBMSP", "hb-u1", Role.UNIT, "HB", "HB-U1"),
            "inst", new Actor("RegistryMSP", "inst", Role.INSTITUTION, null, "INST-1"),
            "auditor", new Actor("AuditMSP", "auditor", Role.AUDITOR, null, null));

    private static final Map<String, Account> ACCOUNTS = Map.of(
            "MEE", account("MEE", AccountType.MEE, null),
            "PROVINCE-HB", account("PROVINCE-HB", AccountType.PROVINCE, "HB"),
            "PROVINCE-GD", account("PROVINCE-GD", AccountType.PROVINCE, "GD"),
            "HB-U1", account("HB-U1", AccountType.UNIT, "HB"),
            "HB-U2", account("HB-U2", AccountType.UNIT, "HB"),
            "GD-U1", account("GD-U1", AccountType.UNIT, "GD"),
            "INST-1", account("INST-1", AccountType.INSTITUTION, null));

    private static Account account(String id, AccountType type, String province) {
        return new Account(id, type, id, province, null, AccountStatus.ACTIVE, null);
    }

    private static void expect(boolean allowed, ThrowingCallable call) {
        if (allowed) {
            assertThatCode(call).doesNotThrowAnyException();
        } else {
            assertThatExceptionOfType(DomainException.class)
                    .isThrownBy(call)
                    .satisfies(e -> assertThat(e.code()).isEqualTo(ErrorCode.FORBIDDEN));
        }
    }

    @ParameterizedTest(name = "{0} opens {1} in {2}: {3}")
    @CsvSource(
            nullValues = "-",
            value = {
                "hb,       UNIT,          HB, true",
                "hb,       UNIT,          GD, false",
                "hb,       INSTITUTION,   -,  false",
                "gd,       UNIT,          GD, true",
                "registry, INSTITUTION,   -,  true",
                "registry, INDIVIDUAL,    -,  true",
                "registry, PROJECT_OWNER, -,  true",
                "registry, UNIT,          HB, false",
                "mee,      UNIT,          HB, false",
                "mee,      INSTITUTION,   -,  false",
                "exchange, INSTITUTION,   -,  false",
                "auditor,  INDIVIDUAL,    -,  false",
                "hb-u1,    UNIT,          HB, false",
                "inst,     INSTITUTION,   -,  false"
            })
    void opening_accounts(String actor, AccountType type, String province, boolean allowed) {
        expect(allowed, () -> Permissions.requireCanOpen(ACTORS.get(actor), type, province));
    }

    @ParameterizedTest(name = "{0} reads {1}: {2}")
    @CsvSource({
        "mee,      HB-U1,       true",
        "mee,      INST-1,      true",
        "registry, GD-U1,       true",
        "registry, MEE,         true",
        "hb,       HB-U1,       true",
        "hb,       PROVINCE-HB, true",
        "hb,       GD-U1,       false",
        "hb,       PROVINCE-GD, false",
        "hb,       MEE,         false",
        "hb,       INST-1,      false",
        "hb-u1,    HB-U1,       true",
        "hb-u1,    HB-U2,       false",
        "hb-u1,    PROVINCE-HB, false",
        "inst,     INST-1,      true",
        "inst,     HB-U1,       false",
        "exchange, HB-U1,       false",
        "auditor,  HB-U1,       false",
        "auditor,  MEE,         false"
    })
    void reading_accounts(String actor, String account, boolean allowed) {
        expect(allowed, () -> Permissions.requireCanRead(ACTORS.get(actor), ACCOUNTS.get(account)));
    }

    @ParameterizedTest(name = "{0} distributes {1} -> {2}: {3}")
    @CsvSource({
        "mee,      MEE,         PROVINCE-HB, true",
        "mee,      MEE,         PROVINCE-GD, true",
        "mee,      MEE,         HB-U1,       false",
        "mee,      PROVINCE-HB, HB-U1,       false",
        "hb,       PROVINCE-HB, HB-U1,       true",
        "hb,       PROVINCE-HB, GD-U1,       false",
        "hb,       PROVINCE-GD, GD-U1,       false",
        "hb,       PROVINCE-GD, HB-U1,       false",
        "hb,       PROVINCE-HB, PROVINCE-GD, false",
        "hb,       PROVINCE-HB, INST-1,      false",
        "hb,       MEE,         PROVINCE-HB, false",
        "hb,       HB-U1,       HB-U2,       false",
        "gd,       PROVINCE-HB, HB-U1,       false",
        "gd,       PROVINCE-GD, GD-U1,       true",
        "registry, MEE,         PROVINCE-HB, false",
        "exchange, HB-U1,       HB-U2,       false",
        "hb-u1,    HB-U1,       HB-U2,       false"
    })
    void distributing(String actor, String from, String to, boolean allowed) {
        expect(
                allowed,
                () -> Permissions.requireCanDistribute(ACTORS.get(actor), ACCOUNTS.get(from), ACCOUNTS.get(to)));
    }

    @ParameterizedTest(name = "{0} acts on {1} as its province: {2}")
    @CsvSource({
        "hb,       HB-U1,       true",
        "hb,       GD-U1,       false",
        "hb,       PROVINCE-HB, false",
        "gd,       GD-U1,       true",
        "mee,      HB-U1,       false",
        "registry, HB-U1,       false",
        "hb-u1,    HB-U1,       false"
    })
    void acting_as_the_province_of_a_unit(String actor, String unit, boolean allowed) {
        expect(allowed, () -> Permissions.requireProvinceOf(ACTORS.get(actor), ACCOUNTS.get(unit), "record emissions"));
    }

    @ParameterizedTest(name = "{0} acts as holder of {1}: {2}")
    @CsvSource({
        "hb-u1,    HB-U1,  true",
        "hb-u1,    HB-U2,  false",
        "inst,     INST-1, true",
        "hb,       HB-U1,  false",
        "registry, INST-1, false",
        "mee,      MEE,    false"
    })
    void acting_as_holder(String actor, String account, boolean allowed) {
        expect(allowed, () -> Permissions.requireHolder(ACTORS.get(actor), account, "cancel units"));
    }

    @Test
    void require_role_accepts_only_that_role_and_the_refusal_names_role_and_msp() {
        assertThatCode(() -> Permissions.requireRole(ACTORS.get("mee"), Role.MEE, "issue"))
                .doesNotThrowAnyException();
        assertThatExceptionOfType(DomainException.class)
                .isThrownBy(() -> Permissions.requireRole(ACTORS.get("hb"), Role.MEE, "issue allowances"))
                .satisfies(e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.FORBIDDEN);
                    assertThat(e.getMessage()).isEqualTo("hb (PROVINCE, ProvinceHBMSP) may not issue allowances");
                    assertThat(e.details()).isEqualTo(Map.of("role", "PROVINCE", "msp", "ProvinceHBMSP"));
                });
    }
}
