package cn.ets.registry.gateway.identity;

import cn.ets.registry.gateway.ledger.LedgerIdentity;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The organisations of the embedded ledger (MEE, Registry, Exchange, ProvinceHB, ProvinceGD), each
 * with its own CA created on first start and kept under {@code <data-dir>/orgs/}, and the six
 * identities of api.md.
 */
public final class DevOrganisations {
    public static final List<String> PROVINCES = List.of("HB", "GD");

    private DevOrganisations() {
    }

    /** Loads the organisations' CAs, creating them on first start. */
    public static Map<String, Organisation> loadOrCreate(Path dataDir) {
        Map<String, Organisation> orgs = new LinkedHashMap<>();
        put(orgs, dataDir, "MEE", "MEEMSP");
        put(orgs, dataDir, "Registry", "RegistryMSP");
        put(orgs, dataDir, "Exchange", "ExchangeMSP");
        for (String p : PROVINCES) {
            put(orgs, dataDir, "Province" + p, "Province" + p + "MSP");
        }
        return orgs;
    }

    private static void put(Map<String, Organisation> orgs, Path dataDir, String name, String msp) {
        Path d = dataDir.resolve("orgs").resolve(name);
        try {
            CertificateAuthority ca;
            if (Files.isRegularFile(d.resolve("ca-key.pem"))) {
                ca = new CertificateAuthority(name, msp, Pem.certificate(Files.readString(d.resolve("ca-cert.pem"))),
                        Pem.privateKey(Files.readString(d.resolve("ca-key.pem"))));
            } else {
                ca = CertificateAuthority.create(name, msp);
                IdentityStore.writeAtomically(d.resolve("ca-cert.pem"), Pem.write(ca.certificate()));
                IdentityStore.writeAtomically(d.resolve("ca-key.pem"), Pem.write(ca.key()));
            }
            orgs.put(name, new Organisation(name, msp, ca));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Issues the standard identities of the organisations this gateway serves into {@code store}. */
    public static void issueStandardIdentities(IdentityStore store, Map<String, Organisation> orgs) {
        issue(store, orgs, "MEE", "mee", "MEE", "MEE", null);
        issue(store, orgs, "Registry", "registry", "Registry", "REGISTRY", null);
        issue(store, orgs, "Exchange", "exchange", "Exchange", "EXCHANGE", null);
        for (String p : PROVINCES) {
            issue(store, orgs, "Province" + p, "province-" + p, "Province" + p, "PROVINCE", p);
        }
        issue(store, orgs, "Registry", "auditor", "Public", "AUDITOR", null);
    }

    private static void issue(IdentityStore store, Map<String, Organisation> orgs, String orgName, String name,
                              String label, String role, String province) {
        Organisation org = orgs.get(orgName);
        if (org == null || org.ca() == null || store.hasName(name)) {
            return;
        }
        Map<String, String> attrs = new LinkedHashMap<>();
        attrs.put("role", role);
        if (province != null) {
            attrs.put("province", province);
        }
        LedgerIdentity id = org.ca().issue(name, attrs);
        store.add(id, label, role, province, null);
    }
}
