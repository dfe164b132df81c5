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
 * The organisations of the roster ({@link Roster}, network/organisations.json: MEE, Registry,
 * Exchange, ProvinceHB, ProvinceGD), on the embedded ledger each with its own CA created on first
 * start and kept under {@code <data-dir>/orgs/}, and the standard identities of api.md: one per
 * organisation (mee, registry, exchange, province-&lt;code&gt;) and the auditor.
 */
public final class DevOrganisations {
    public static final Roster ROSTER = Roster.load();
    /** The settlement bank's standard identity (role SETTLEMENT_BANK). */
    public static final String BANK = "bank";
    /** The province codes of the roster (HB, GD). */
    public static final List<String> PROVINCES = ROSTER.provinceCodes();

    private DevOrganisations() {}

    /** Loads the organisations' CAs, creating them on first start. */
    public static Map<String, Organisation> loadOrCreate(Path dataDir) {
        Map<String, Organisation> orgs = new LinkedHashMap<>();
        for (Roster.Org o : ROSTER.organisations()) {
            put(orgs, dataDir, o.name(), o.mspId());
        }
        return orgs;
    }

    private static void put(Map<String, Organisation> orgs, Path dataDir, String name, String msp) {
        Path d = dataDir.resolve("orgs").resolve(name);
        try {
            CertificateAuthority ca;
            if (Files.isRegularFile(d.resolve("ca-key.pem"))) {
                ca = new CertificateAuthority(
                        name,
                        msp,
                        Pem.certificate(Files.readString(d.resolve("ca-cert.pem"))),
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

    /**
     * The embedded ledger's endorser: a peer identity of the Registry, created on first start under
     * {@code <data-dir>/orgs/Registry/endorser/}, whose key signs the log's checkpoints.
     */
    public static LedgerIdentity ledgerEndorser(Path dataDir, Map<String, Organisation> orgs) {
        Organisation registry = orgs.get(ROSTER.withRole(Roster.REGISTRY).name());
        Path d = dataDir.resolve("orgs").resolve(registry.name()).resolve("endorser");
        try {
            if (Files.isRegularFile(d.resolve("key.pem"))) {
                String cert = Files.readString(d.resolve("cert.pem"));
                return new LedgerIdentity(
                        "ledger-endorser",
                        registry.mspId(),
                        Pem.certificate(cert),
                        cert,
                        Pem.privateKey(Files.readString(d.resolve("key.pem"))));
            }
            LedgerIdentity id = registry.ca().issuePeer("ledger-endorser");
            IdentityStore.writeAtomically(d.resolve("cert.pem"), id.certificatePem());
            IdentityStore.writeAtomically(d.resolve("key.pem"), Pem.write(id.privateKey()));
            return id;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Issues the standard identities of the organisations this gateway serves into {@code store}: one
     * per organisation, the bank's ({@code bank}, role SETTLEMENT_BANK) from the Bank organisation's
     * own CA (the chaincode believes that claim from BankMSP only).
     */
    public static void issueStandardIdentities(IdentityStore store, Map<String, Organisation> orgs) {
        issueStandardIdentities(store, orgs, ROSTER.organisations());
    }

    /**
     * The same for the given roster entries: a Fabric gateway takes them from network.json, which
     * also lists organisations that joined the running channel after this gateway was built.
     */
    public static void issueStandardIdentities(
            IdentityStore store, Map<String, Organisation> orgs, List<Roster.Org> members) {
        for (Roster.Org o : members) {
            issue(store, orgs, o.name(), o.identityName(), o.name(), o.role(), o.province());
        }
    }

    private static void issue(
            IdentityStore store,
            Map<String, Organisation> orgs,
            String orgName,
            String name,
            String label,
            String role,
            String province) {
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
