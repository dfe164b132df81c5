package cn.ets.registry.gateway.ledger.fabric;

import cn.ets.registry.gateway.identity.CertificateAuthority;
import cn.ets.registry.gateway.identity.DevOrganisations;
import cn.ets.registry.gateway.identity.IdentityStore;
import cn.ets.registry.gateway.identity.Organisation;
import cn.ets.registry.gateway.identity.Pem;
import cn.ets.registry.gateway.identity.Roster;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A gateway of one or more organisations on the Fabric network of {@code network.json}: their
 * CAs issue this gateway's client identities (with the attributes the chaincode authorises on);
 * the private keys stay in this gateway's data directory.
 */
public final class FabricSetup {
    private FabricSetup() {}

    /** What a Fabric gateway is made of: the ledger adapter, its identities and its organisations' CAs. */
    public record Opened(FabricLedger ledger, IdentityStore identities, Map<String, Organisation> organisations) {}

    public static Opened open(Path dataDir, Path networkJson, List<String> orgNames) throws IOException {
        NetworkConfig network = NetworkConfig.read(networkJson);
        List<String> names = orgNames == null || orgNames.isEmpty()
                ? network.organizations().stream().map(NetworkConfig.Org::name).toList()
                : orgNames;
        Map<String, Organisation> orgs = new LinkedHashMap<>();
        for (String name : names) {
            NetworkConfig.Org o = network.org(name);
            try {
                CertificateAuthority ca = new CertificateAuthority(
                        o.name(),
                        o.mspId(),
                        Pem.certificate(Files.readString(Path.of(o.ca().cert()))),
                        Pem.privateKey(Files.readString(Path.of(o.ca().key()))));
                orgs.put(o.name(), new Organisation(o.name(), o.mspId(), ca));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the CA of " + name, e);
            }
        }
        Files.createDirectories(dataDir);
        IdentityStore store =
                IdentityStore.exists(dataDir) ? IdentityStore.load(dataDir) : IdentityStore.empty(dataDir);
        DevOrganisations.issueStandardIdentities(store, orgs, members(network, names));
        FabricLedger ledger = new FabricLedger(network);
        ledger.listenAs(store.identity(store.all().get(0).name()));
        return new Opened(ledger, store, orgs);
    }

    /**
     * The roster entries of the organisations a gateway serves, as network.json describes them
     * (role, province): an organisation onboarded into the running channel (scripts/network-onboard.sh)
     * is served without rebuilding the gateway, whose classpath roster is the genesis one. A
     * network.json without roles (written before they were added) falls back to that roster.
     */
    static List<Roster.Org> members(NetworkConfig network, List<String> names) {
        List<Roster.Org> members = new ArrayList<>();
        for (String name : names) {
            NetworkConfig.Org o = network.org(name);
            if (o.role() != null) {
                members.add(new Roster.Org(o.name(), o.mspId(), o.role(), o.province(), null, null, null, null)
                        .requireValid("network.json"));
            } else {
                DevOrganisations.ROSTER.organisations().stream()
                        .filter(r -> r.name().equals(name))
                        .findFirst()
                        .ifPresent(members::add);
            }
        }
        return members;
    }
}
