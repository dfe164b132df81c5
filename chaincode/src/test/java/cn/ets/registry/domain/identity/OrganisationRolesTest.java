package cn.ets.registry.domain.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import cn.ets.registry.domain.DomainException;
import cn.ets.registry.domain.ErrorCode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class OrganisationRolesTest {

    /**
     * Which organisation may vouch for which role: the whole table, every MSP against every role. Only
     * the audit organisation vouches for auditors, so no operator can mint one (issue 8); only the bank's
     * own organisation vouches for the settlement bank, whose confirmations move the units (issue 13).
     */
    private static final List<Object[]> TABLE = List.of(
            new Object[] {"MEEMSP", EnumSet.of(Role.MEE)},
            new Object[] {
                "RegistryMSP", EnumSet.of(Role.REGISTRY, Role.INSTITUTION, Role.INDIVIDUAL, Role.PROJECT_OWNER)
            },
            new Object[] {"BankMSP", EnumSet.of(Role.SETTLEMENT_BANK)},
            new Object[] {"ExchangeMSP", EnumSet.of(Role.EXCHANGE)},
            new Object[] {"ProvinceHBMSP", EnumSet.of(Role.PROVINCE, Role.UNIT)},
            new Object[] {"ProvinceGDMSP", EnumSet.of(Role.PROVINCE, Role.UNIT)},
            new Object[] {"AuditMSP", EnumSet.of(Role.AUDITOR)},
            new Object[] {"OtherMSP", EnumSet.noneOf(Role.class)},
            new Object[] {"ProvincehbMSP", EnumSet.noneOf(Role.class)},
            new Object[] {"ProvinceHBXMSP", EnumSet.noneOf(Role.class)},
            new Object[] {"meemsp", EnumSet.noneOf(Role.class)});

    static Stream<Arguments> everyMspAndRole() {
        List<Arguments> out = new ArrayList<>();
        for (Object[] row : TABLE) {
            @SuppressWarnings("unchecked")
            Set<Role> allowed = (Set<Role>) row[1];
            for (Role r : Role.values()) {
                out.add(Arguments.of(row[0], r, allowed.contains(r)));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} vouching for {1}: {2}")
    @MethodSource("everyMspAndRole")
    void an_organisation_vouches_only_for_its_own_roles(String msp, Role role, boolean allowed) {
        String province = OrganisationRoles.provinceOf(msp);
        String account = role.isHolder() ? "ACC-1" : null;
        if (allowed) {
            Actor a = OrganisationRoles.establish(msp, "alice", role.name(), province, account);
            assertThat(a.role()).isEqualTo(role);
            assertThat(a.mspId()).isEqualTo(msp);
            assertThat(a.name()).isEqualTo("alice");
            assertThat(a.province()).isEqualTo(role == Role.PROVINCE || role == Role.UNIT ? province : null);
            assertThat(a.account()).isEqualTo(account);
        } else {
            assertThatExceptionOfType(DomainException.class)
                    .isThrownBy(() -> OrganisationRoles.establish(msp, "alice", role.name(), province, account))
                    .satisfies(e -> {
                        assertThat(e.code()).isEqualTo(ErrorCode.FORBIDDEN);
                        assertThat(e.getMessage()).contains(msp, role.name());
                    });
        }
    }

    @Test
    void province_msp_ids_name_their_province() {
        assertThat(OrganisationRoles.provinceMsp("HB")).isEqualTo("ProvinceHBMSP");
        assertThat(OrganisationRoles.provinceOf("ProvinceGDMSP")).isEqualTo("GD");
        assertThat(OrganisationRoles.provinceOf("MEEMSP")).isNull();
        assertThat(OrganisationRoles.provinceOf("ProvinceHBMSPX")).isNull();
    }

    @Test
    void the_province_comes_from_the_organisation_even_without_an_attribute() {
        Actor a = OrganisationRoles.establish("ProvinceGDMSP", "gd", "PROVINCE", null, null);
        assertThat(a.province()).isEqualTo("GD");
    }

    @Test
    void a_certificate_claiming_another_province_than_its_organisation_is_refused() {
        assertThatExceptionOfType(DomainException.class)
                .isThrownBy(() -> OrganisationRoles.establish("ProvinceGDMSP", "mallory", "PROVINCE", "HB", null))
                .satisfies(e -> assertThat(e.code()).isEqualTo(ErrorCode.FORBIDDEN));
        assertThatExceptionOfType(DomainException.class)
                .isThrownBy(() -> OrganisationRoles.establish("ProvinceGDMSP", "mallory", "UNIT", "HB", "U1"))
                .satisfies(e -> assertThat(e.code()).isEqualTo(ErrorCode.FORBIDDEN));
    }

    @Test
    void a_province_attribute_on_a_non_provincial_role_is_ignored() {
        Actor a = OrganisationRoles.establish("AuditMSP", "aud", "AUDITOR", "GD", null);
        assertThat(a.province()).isNull();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" "})
    void a_holder_certificate_without_an_account_is_refused(String account) {
        assertThatExceptionOfType(DomainException.class)
                .isThrownBy(() -> OrganisationRoles.establish("ProvinceHBMSP", "u1", "UNIT", "HB", account))
                .satisfies(e -> assertThat(e.code()).isEqualTo(ErrorCode.FORBIDDEN));
    }

    @Test
    void an_account_attribute_on_a_non_holder_role_is_ignored() {
        assertThat(OrganisationRoles.establish("MEEMSP", "mee", "MEE", null, "U1")
                        .account())
                .isNull();
        assertThat(OrganisationRoles.establish("MEEMSP", "mee", "MEE", null, "U1")
                        .holds("U1"))
                .isFalse();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" ", "mee", "ADMIN", "MEE "})
    void a_missing_or_unknown_role_is_forbidden(String role) {
        assertThatExceptionOfType(DomainException.class)
                .isThrownBy(() -> OrganisationRoles.establish("MEEMSP", "x", role, null, null))
                .satisfies(e -> assertThat(e.code()).isEqualTo(ErrorCode.FORBIDDEN));
    }

    @Test
    void the_table_covers_every_role() {
        assertThat(Arrays.asList(Role.values())).hasSize(10);
    }
}
