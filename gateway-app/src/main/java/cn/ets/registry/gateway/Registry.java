package cn.ets.registry.gateway;

import cn.ets.registry.api.AdminApi;
import cn.ets.registry.api.Catalogue;
import cn.ets.registry.chaincode.json.CanonicalJson;
import cn.ets.registry.gateway.accounts.AccountEndpoints;
import cn.ets.registry.gateway.audit.VerifyEndpoint;
import cn.ets.registry.gateway.events.EventEndpoint;
import cn.ets.registry.gateway.http.CatalogueEndpoints;
import cn.ets.registry.gateway.http.Endpoint;
import cn.ets.registry.gateway.http.GatewayServer;
import cn.ets.registry.gateway.identity.DevOrganisations;
import cn.ets.registry.gateway.identity.HolderEnrolment;
import cn.ets.registry.gateway.identity.IdentityStore;
import cn.ets.registry.gateway.identity.Organisation;
import cn.ets.registry.gateway.ledger.Ledger;
import cn.ets.registry.gateway.ledger.LedgerException;
import cn.ets.registry.gateway.ledger.LedgerIdentity;
import cn.ets.registry.gateway.ledger.embedded.EmbeddedLedger;
import cn.ets.registry.gateway.ledger.fabric.FabricSetup;
import cn.ets.registry.gateway.settlement.AccountOrdering;
import cn.ets.registry.gateway.settlement.BatchSettlement;
import cn.ets.registry.gateway.settlement.SettlementEndpoints;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root of one gateway: a ledger (embedded or Fabric), this organisation's
 * identities, and the route table — the command catalogue's routes plus the few the gateway
 * handles itself.
 */
public final class Registry implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Registry.class);
    private final Ledger ledger;
    private final IdentityStore identities;
    private final Map<String, Organisation> organisations;
    private final AccountOrdering ordering = new AccountOrdering(1024);
    private final BatchSettlement batch;
    private final Path dataDir;
    private GatewayServer server;

    private Registry(Ledger ledger, IdentityStore identities, Map<String, Organisation> organisations, Path dataDir) {
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.identities = Objects.requireNonNull(identities, "identities");
        this.organisations = Objects.requireNonNull(organisations, "organisations");
        this.dataDir = dataDir;
        this.batch = new BatchSettlement(ledger, ordering, 16);
        bootstrap(ledger, identities);
        identities.save();
    }

    /** The embedded ledger under {@code dataDir}; first start creates the CAs, identities and authority accounts. */
    public static Registry embedded(Path dataDir, boolean fsync) throws Exception {
        Files.createDirectories(dataDir);
        Map<String, Organisation> orgs = DevOrganisations.loadOrCreate(dataDir);
        EmbeddedLedger ledger =
                new EmbeddedLedger(dataDir.resolve("ledger"), fsync, DevOrganisations.ledgerEndorser(dataDir, orgs));
        IdentityStore store;
        if (IdentityStore.exists(dataDir)) {
            store = IdentityStore.load(dataDir);
        } else {
            store = IdentityStore.empty(dataDir);
            DevOrganisations.issueStandardIdentities(store, orgs);
        }
        return new Registry(ledger, store, orgs, dataDir);
    }

    /** A gateway of the given organisations on the Fabric network of {@code networkJson}. */
    public static Registry fabric(Path dataDir, Path networkJson, List<String> orgNames) throws Exception {
        FabricSetup.Opened f = FabricSetup.open(dataDir, networkJson, orgNames);
        return new Registry(f.ledger(), f.identities(), f.organisations(), dataDir);
    }

    /** Creates MEE and the province accounts if missing (idempotent), when this gateway holds the registry institution's identity. */
    private static void bootstrap(Ledger ledger, IdentityStore store) {
        if (!store.hasName("registry")) {
            return;
        }
        LedgerIdentity registry = store.identity("registry");
        try {
            AdminApi.RegistryStatus status = CanonicalJson.read(
                    ledger.evaluate(registry, Catalogue.REGISTRY_STATUS.function()), AdminApi.RegistryStatus.class);
            List<String> missing = DevOrganisations.PROVINCES.stream()
                    .filter(p -> !status.authorityAccounts().contains("PROVINCE-" + p))
                    .toList();
            if (status.bootstrapped() && missing.isEmpty()) {
                return;
            }
            ledger.submit(
                    registry,
                    Catalogue.BOOTSTRAP.function(),
                    CanonicalJson.write(new AdminApi.Bootstrap(DevOrganisations.PROVINCES)));
            LOG.info("authority accounts created");
        } catch (LedgerException e) {
            throw new IllegalStateException("cannot set up the registry: [" + e.code() + "] " + e.getMessage(), e);
        }
    }

    /** Every route this gateway serves: the catalogue's, then those with handlers of their own. */
    private List<Endpoint> endpoints() {
        List<Endpoint> all = new ArrayList<>(CatalogueEndpoints.all(ledger));
        all.addAll(new AccountEndpoints(ledger, new HolderEnrolment(identities, organisations)).endpoints());
        all.addAll(new SettlementEndpoints(ledger, batch, ordering).endpoints());
        all.add(EventEndpoint.of(ledger));
        all.add(VerifyEndpoint.of(ledger));
        return all;
    }

    public void start(String host, int port) {
        server = new GatewayServer(ledger, identities, () -> IdentityStore.exists(dataDir), endpoints())
                .start(host, port);
    }

    public int port() {
        return server.port();
    }

    public String ledgerKind() {
        return ledger.kind();
    }

    public Ledger ledger() {
        return ledger;
    }

    public IdentityStore identities() {
        return identities;
    }

    @Override
    public void close() {
        if (server != null) {
            server.close();
        }
        batch.close();
        ledger.close();
    }
}
