package cn.ets.registry.gateway;

import cn.ets.registry.gateway.accounts.AccountsEndpoints;
import cn.ets.registry.gateway.cancellation.CancellationEndpoints;
import cn.ets.registry.gateway.compliance.ComplianceEndpoints;
import cn.ets.registry.gateway.http.GatewayServer;
import cn.ets.registry.gateway.identity.DevOrganisations;
import cn.ets.registry.gateway.identity.HolderEnrolment;
import cn.ets.registry.gateway.identity.IdentityStore;
import cn.ets.registry.gateway.identity.Organisation;
import cn.ets.registry.gateway.issuance.IssuanceEndpoints;
import cn.ets.registry.gateway.ledger.Ledger;
import cn.ets.registry.gateway.ledger.LedgerException;
import cn.ets.registry.gateway.ledger.embedded.EmbeddedLedger;
import cn.ets.registry.gateway.settlement.BatchSettlement;
import cn.ets.registry.gateway.settlement.SettlementEndpoints;
import cn.ets.registry.gateway.supply.SupplyEndpoints;
import io.javalin.apibuilder.EndpointGroup;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Wires one gateway: a ledger, this organisation's identities, and every feature's endpoints. */
public final class Registry implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Registry.class);
    private final Ledger ledger;
    private final IdentityStore identities;
    private final Map<String, Organisation> organisations;
    private final BatchSettlement batch;
    private final cn.ets.registry.gateway.settlement.AccountOrdering ordering = new cn.ets.registry.gateway.settlement.AccountOrdering(1024);
    private final Path dataDir;
    private GatewayServer server;

    Registry(Ledger ledger, IdentityStore identities, Map<String, Organisation> organisations, Path dataDir) {
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.identities = Objects.requireNonNull(identities, "identities");
        this.organisations = Objects.requireNonNull(organisations, "organisations");
        this.dataDir = dataDir;
        this.batch = new BatchSettlement(ledger, ordering, 16);
    }

    /** The embedded ledger under {@code dataDir}; first start creates the CAs, identities and authority accounts. */
    public static Registry embedded(Path dataDir, boolean fsync) throws Exception {
        Files.createDirectories(dataDir);
        Map<String, Organisation> orgs = DevOrganisations.loadOrCreate(dataDir);
        EmbeddedLedger ledger = new EmbeddedLedger(dataDir.resolve("ledger"), fsync);
        IdentityStore store;
        if (IdentityStore.exists(dataDir)) {
            store = IdentityStore.load(dataDir);
        } else {
            store = IdentityStore.empty(dataDir);
            DevOrganisations.issueStandardIdentities(store, orgs);
        }
        bootstrap(ledger, store);
        store.save();
        return new Registry(ledger, store, orgs, dataDir);
    }

    public static Registry fabric(Path dataDir, Path networkJson, List<String> orgNames) throws Exception {
        return cn.ets.registry.gateway.ledger.fabric.FabricSetup.open(dataDir, networkJson, orgNames);
    }

    /** A gateway on Fabric: sets the registry up if this gateway holds the registry's identity, then writes credentials.json. */
    public static Registry onFabric(Ledger ledger, IdentityStore store, Map<String, Organisation> orgs, Path dataDir) {
        bootstrap(ledger, store);
        store.save();
        return new Registry(ledger, store, orgs, dataDir);
    }

    /** Creates MEE and the province accounts if missing (idempotent), as the registry institution. */
    static void bootstrap(Ledger ledger, IdentityStore store) {
        if (!store.hasName("registry")) {
            return;
        }
        try {
            String status = ledger.evaluate(store.identity("registry"), "admin:status");
            if (status.contains("\"bootstrapped\":true") && DevOrganisations.PROVINCES.stream().allMatch(p -> status.contains("PROVINCE-" + p))) {
                return;
            }
            ledger.submit(store.identity("registry"), "admin:bootstrap", DevOrganisations.bootstrapCommand());
            LOG.info("authority accounts created");
        } catch (LedgerException e) {
            throw new IllegalStateException("cannot set up the registry: [" + e.code() + "] " + e.getMessage(), e);
        }
    }

    public void start(String host, int port) {
        List<EndpointGroup> features = List.of(
                new AccountsEndpoints(ledger, new HolderEnrolment(identities, organisations))::routes,
                new IssuanceEndpoints(ledger)::routes,
                new SettlementEndpoints(ledger, batch, ordering)::routes,
                new ComplianceEndpoints(ledger)::routes,
                new CancellationEndpoints(ledger)::routes,
                new SupplyEndpoints(ledger)::routes,
                new cn.ets.registry.gateway.events.EventsEndpoints(ledger)::routes,
                new cn.ets.registry.gateway.parameters.ParametersEndpoints(ledger)::routes,
                new cn.ets.registry.gateway.allocation.AllocationEndpoints(ledger)::routes,
                new cn.ets.registry.gateway.ccer.CcerEndpoints(ledger)::routes,
                new cn.ets.registry.gateway.compliance.ComplianceCloseEndpoints(ledger)::routes,
                new cn.ets.registry.gateway.locks.LockEndpoints(ledger)::routes,
                new cn.ets.registry.gateway.deposits.DepositEndpoints(ledger)::routes);
        server = new GatewayServer(ledger, identities, () -> IdentityStore.exists(dataDir), features).start(host, port);
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
