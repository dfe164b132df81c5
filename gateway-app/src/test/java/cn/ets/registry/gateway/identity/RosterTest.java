package cn.ets.registry.gateway.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.tuple;

import cn.ets.registry.domain.identity.OrganisationRoles;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The roster on the gateway's classpath is network/organisations.json, and the gateway's organisations and identities come from it. */
class RosterTest {
    private final Roster roster = Roster.load();

    @Test
    void the_classpath_roster_is_the_one_the_network_scripts_read() throws Exception {
        // Surefire runs in the module directory; the build copies ../network/organisations.json.
        Roster onDisk = Roster.parse(new StringReader(Files.readString(Path.of("../network/organisations.json"))));
        assertThat(roster).isEqualTo(onDisk);
    }

    @Test
    void organisations_msp_ids_roles_and_provinces() {
        assertThat(roster.schemaVersion()).isEqualTo(1);
        assertThat(roster.organisations())
                .extracting(
                        Roster.Org::name, Roster.Org::mspId, Roster.Org::role, Roster.Org::province, Roster.Org::domain)
                .containsExactly(
                        tuple("MEE", "MEEMSP", "MEE", null, "mee.carbon.local"),
                        tuple("Registry", "RegistryMSP", "REGISTRY", null, "registry.carbon.local"),
                        tuple("Exchange", "ExchangeMSP", "EXCHANGE", null, "exchange.carbon.local"),
                        tuple("ProvinceHB", "ProvinceHBMSP", "PROVINCE", "HB", "provincehb.carbon.local"),
                        tuple("ProvinceGD", "ProvinceGDMSP", "PROVINCE", "GD", "provincegd.carbon.local"),
                        tuple("Audit", "AuditMSP", "AUDITOR", null, "audit.carbon.local"),
                        tuple("Bank", "BankMSP", "SETTLEMENT_BANK", null, "bank.carbon.local"));
        assertThat(roster.provinceCodes()).containsExactly("HB", "GD");
        assertThat(DevOrganisations.PROVINCES).containsExactly("HB", "GD");
        assertThat(roster.organisations())
                .extracting(Roster.Org::identityName)
                .containsExactly("mee", "registry", "exchange", "province-HB", "province-GD", "auditor", "bank");
        assertThat(roster.organisations())
                .extracting(o -> o.peer().port())
                .containsExactly(7051, 8051, 9051, 10051, 11051, 12051, 13051);
        // Ordering by the authorities: each consenter is run by a different organisation.
        assertThat(roster.orderers())
                .extracting(Roster.Orderer::name, Roster.Orderer::organisation, Roster.Orderer::port)
                .containsExactly(
                        tuple("orderer0", "MEE", 7050),
                        tuple("orderer1", "Registry", 8050),
                        tuple("orderer2", "Exchange", 9050),
                        tuple("orderer3", "ProvinceHB", 10050));
        assertThat(roster.organisations())
                .extracting(Roster.Org::address)
                .allMatch(a -> a.startsWith("198.18.0."))
                .doesNotHaveDuplicates();
    }

    @Test
    void msp_ids_agree_with_the_chaincode() {
        assertThat(roster.withRole(Roster.MEE).mspId()).isEqualTo(OrganisationRoles.MEE_MSP);
        assertThat(roster.withRole(Roster.REGISTRY).mspId()).isEqualTo(OrganisationRoles.REGISTRY_MSP);
        assertThat(roster.withRole(Roster.EXCHANGE).mspId()).isEqualTo(OrganisationRoles.EXCHANGE_MSP);
        assertThat(roster.organisations().stream().filter(o -> Roster.AUDITOR.equals(o.role())))
                .extracting(Roster.Org::mspId)
                .containsExactly(OrganisationRoles.AUDIT_MSP);
        assertThat(roster.organisations().stream().filter(o -> Roster.SETTLEMENT_BANK.equals(o.role())))
                .extracting(Roster.Org::mspId)
                .containsExactly(OrganisationRoles.BANK_MSP);
        for (Roster.Org p : roster.provinces()) {
            assertThat(p.mspId()).isEqualTo(OrganisationRoles.provinceMsp(p.province()));
            assertThat(OrganisationRoles.provinceOf(p.mspId())).isEqualTo(p.province());
        }
    }

    @Test
    void bootstrap_creates_the_roster_provinces() {
        assertThat(DevOrganisations.PROVINCES).containsExactly("HB", "GD");
    }

    @Test
    void standard_identities_of_credentials_json(@TempDir Path dir) {
        Map<String, Organisation> orgs = DevOrganisations.loadOrCreate(dir);
        assertThat(orgs.values())
                .extracting(Organisation::name, Organisation::mspId)
                .containsExactly(
                        tuple("MEE", "MEEMSP"),
                        tuple("Registry", "RegistryMSP"),
                        tuple("Exchange", "ExchangeMSP"),
                        tuple("ProvinceHB", "ProvinceHBMSP"),
                        tuple("ProvinceGD", "ProvinceGDMSP"),
                        tuple("Audit", "AuditMSP"),
                        tuple("Bank", "BankMSP"));
        IdentityStore store = IdentityStore.empty(dir);
        DevOrganisations.issueStandardIdentities(store, orgs);
        store.save();
        assertThat(IdentityStore.load(dir).all())
                .extracting(Credential::name, Credential::org, Credential::msp, Credential::role, Credential::province)
                .containsExactlyInAnyOrder(
                        tuple("mee", "MEE", "MEEMSP", "MEE", null),
                        tuple("registry", "Registry", "RegistryMSP", "REGISTRY", null),
                        tuple("exchange", "Exchange", "ExchangeMSP", "EXCHANGE", null),
                        tuple("province-HB", "ProvinceHB", "ProvinceHBMSP", "PROVINCE", "HB"),
                        tuple("province-GD", "ProvinceGD", "ProvinceGDMSP", "PROVINCE", "GD"),
                        tuple("auditor", "Audit", "AuditMSP", "AUDITOR", null),
                        tuple("bank", "Bank", "BankMSP", "SETTLEMENT_BANK", null));
    }

    @Test
    void a_gateway_of_one_organisation_gets_only_that_organisations_identity(@TempDir Path dir) {
        Map<String, Organisation> all = DevOrganisations.loadOrCreate(dir);
        IdentityStore store = IdentityStore.empty(dir);
        DevOrganisations.issueStandardIdentities(store, Map.of("ProvinceGD", all.get("ProvinceGD")));
        assertThat(store.all()).extracting(Credential::name).containsExactly("province-GD");
    }

    @Test
    void rejects_a_roster_the_gateway_cannot_work_with() {
        String registry = "{\"name\":\"Registry\",\"mspId\":\"RegistryMSP\",\"role\":\"REGISTRY\"}";
        String mee = "{\"name\":\"MEE\",\"mspId\":\"MEEMSP\",\"role\":\"MEE\"}";
        String exchange = "{\"name\":\"Exchange\",\"mspId\":\"ExchangeMSP\",\"role\":\"EXCHANGE\"}";
        assertThatIllegalArgumentException()
                .isThrownBy(() -> parse(2, mee + "," + registry + "," + exchange))
                .withMessageContaining("schemaVersion");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> parse(1, mee + "," + exchange))
                .withMessageContaining("role REGISTRY");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> parse(
                        1,
                        mee + "," + registry + "," + exchange
                                + ",{\"name\":\"ProvinceXX\",\"mspId\":\"ProvinceXXMSP\",\"role\":\"PROVINCE\"}"))
                .withMessageContaining("province code");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> parse(1, mee + "," + registry + "," + exchange + "," + mee))
                .withMessageContaining("twice");
        String bank = "{\"name\":\"Bank\",\"mspId\":\"BankMSP\",\"role\":\"SETTLEMENT_BANK\"}";
        String bank2 = "{\"name\":\"Bank2\",\"mspId\":\"Bank2MSP\",\"role\":\"SETTLEMENT_BANK\"}";
        assertThatIllegalArgumentException()
                .isThrownBy(() -> parse(1, mee + "," + registry + "," + exchange + "," + bank + "," + bank2))
                .withMessageContaining("at most one organisation may have role SETTLEMENT_BANK");
        assertThat(parse(1, mee + "," + registry + "," + exchange + "," + bank).organisations())
                .hasSize(4);
        assertThat(parse(1, mee + "," + registry + "," + exchange).provinceCodes())
                .isEmpty();
    }

    private static Roster parse(int schemaVersion, String organisations) {
        return Roster.parse(new StringReader(
                "{\"schemaVersion\":" + schemaVersion + ",\"organisations\":[" + organisations + "]}"));
    }
}
