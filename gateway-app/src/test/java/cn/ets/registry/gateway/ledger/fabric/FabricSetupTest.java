package cn.ets.registry.gateway.ledger.fabric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import cn.ets.registry.gateway.identity.CertificateAuthority;
import cn.ets.registry.gateway.identity.Credential;
import cn.ets.registry.gateway.identity.DevOrganisations;
import cn.ets.registry.gateway.identity.Pem;
import cn.ets.registry.gateway.ledger.LedgerIdentity;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Fabric gateway serves the organisations network.json lists, with the roles it gives them: a
 * province onboarded into the running channel (not in the roster the gateway was built with) gets
 * its standard identity from its own CA.
 */
class FabricSetupTest {
    @TempDir
    Path dir;

    @Test
    void a_province_that_is_not_in_the_classpath_roster_is_served_from_network_json() throws Exception {
        assertThat(DevOrganisations.ROSTER.organisations())
                .noneMatch(o -> o.name().equals("ProvinceSD"));
        CertificateAuthority sd = CertificateAuthority.create("ProvinceSD", "ProvinceSDMSP");
        CertificateAuthority registry = CertificateAuthority.create("Registry", "RegistryMSP");
        JsonArray orgs = new JsonArray();
        orgs.add(org("ProvinceSD", "ProvinceSDMSP", "PROVINCE", "SD", sd));
        orgs.add(org("Registry", "RegistryMSP", null, null, registry)); // a network.json written before roles
        Path json = write(orgs);

        FabricSetup.Opened opened = FabricSetup.open(dir.resolve("data"), json, List.of("ProvinceSD", "Registry"));

        Credential province = opened.identities().byName("province-SD").orElseThrow();
        assertThat(province.org()).isEqualTo("ProvinceSD");
        assertThat(province.msp()).isEqualTo("ProvinceSDMSP");
        assertThat(province.role()).isEqualTo("PROVINCE");
        assertThat(province.province()).isEqualTo("SD");
        LedgerIdentity id = opened.identities().identity("province-SD");
        X509Certificate cert = id.certificate();
        cert.verify(sd.certificate().getPublicKey()); // issued by the province's own CA
        assertThat(opened.identities().byName("registry").orElseThrow().role()).isEqualTo("REGISTRY");
        assertThat(opened.identities().all()).extracting(Credential::name).containsExactly("province-SD", "registry");
    }

    @Test
    void a_role_network_json_gives_must_be_one_the_gateway_knows() throws Exception {
        CertificateAuthority sd = CertificateAuthority.create("ProvinceSD", "ProvinceSDMSP");
        JsonArray orgs = new JsonArray();
        orgs.add(org("ProvinceSD", "ProvinceSDMSP", "PROVINCE", null, sd));
        Path json = write(orgs);
        assertThatIllegalArgumentException()
                .isThrownBy(() -> FabricSetup.open(dir.resolve("data2"), json, List.of("ProvinceSD")))
                .withMessageContaining("network.json: ProvinceSD: a province code goes with role PROVINCE only");
    }

    private JsonObject org(String name, String msp, String role, String province, CertificateAuthority ca)
            throws Exception {
        Path cert = dir.resolve(name + "-ca-cert.pem");
        Path key = dir.resolve(name + "-ca-key.pem");
        Files.writeString(cert, Pem.write(ca.certificate()));
        Files.writeString(key, Pem.write(ca.key()));
        JsonObject o = new JsonObject();
        o.addProperty("name", name);
        o.addProperty("mspId", msp);
        if (role != null) {
            o.addProperty("role", role);
        }
        if (province != null) {
            o.addProperty("province", province);
        }
        JsonObject peer = new JsonObject();
        peer.addProperty("endpoint", "198.18.0.99:7051");
        peer.addProperty("tlsRootCert", cert.toString());
        o.add("peer", peer);
        JsonObject pair = new JsonObject();
        pair.addProperty("cert", cert.toString());
        pair.addProperty("key", key.toString());
        o.add("ca", pair);
        return o;
    }

    private Path write(JsonArray orgs) throws Exception {
        JsonObject network = new JsonObject();
        network.addProperty("schemaVersion", 1);
        network.addProperty("channel", "carbon");
        JsonObject cc = new JsonObject();
        cc.addProperty("name", "registry");
        network.add("chaincode", cc);
        network.add("organizations", orgs);
        Path json = dir.resolve("network-" + System.nanoTime() + ".json");
        Files.writeString(json, network.toString());
        return json;
    }
}
