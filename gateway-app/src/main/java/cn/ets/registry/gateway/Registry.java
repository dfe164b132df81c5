package cn.ets.registry.gateway;

import cn.ets.registry.api.AdminApi;
import cn.ets.registry.api.Catalogue;
import cn.ets.registry.chaincode.json.CanonicalJson;
import cn.ets.registry.gateway.accounts.AccountEndpoints;
import cn.ets.registry.gateway.audit.AuditEndpoints;
import cn.ets.registry.gateway.audit.SelfAudit;
import cn.ets.registry.gateway.audit.VerifyEndpoint;
import cn.ets.registry.gateway.events.EventEndpoint;
import cn.ets.registry.gateway.http.CatalogueEndpoints;
import cn.ets.registry.gateway.http.Endpoint;
import cn.ets.registry.gateway.http.GatewayServer;
import cn.ets.registry.gateway.http.Tls;
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
import cn.ets.registry.gateway.settlement.SettlementGroups;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
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
    private final SettlementGroups groups;
    private final Path dataDir;
    private final SelfAudit selfAudit;
    private GatewayServer server;
    /** How old the last self audit may be before a reader's request starts the next (in the background). */
    static final Duration SELF_AUDIT_INTERVAL =
            Duration.ofSeconds(Long.getLong("carbon.selfAudit.intervalSeconds", 60));

    private Registry(
            Ledger ledger,
            IdentityStore identities,
            Map<String, Organisation> organisations,
            Path dataDir,
            String auditSource)
            throws IOException {
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.identities = Objects.requireNonNull(identities, "identities");
        this.organisations = Objects.requireNonNull(organisations, "organisations");
        this.dataDir = dataDir;
        this.batch = new BatchSettlement(ledger, ordering, 16);
        this.groups = Boolean.parseBoolean(System.getProperty("carbon.settlement.groupCommit", "true"))
                ? new SettlementGroups(ledger, ordering, groupsInFlight(ledger), 200)
                : new SettlementGroups(ledger, ordering, 4096, 1);
        bootstrap(ledger, identities);
        identities.save();
        ownerOnly(dataDir);
        // Statements are signed by this gateway's organisation: the registry's, else whoever it reads as.
        LedgerIdentity issuer = identities.hasName("registry")
                ? identities.identity("registry")
                : identities.publicReader().orElseThrow();
        this.selfAudit = new SelfAudit(auditSource, issuer, SELF_AUDIT_INTERVAL);
    }

    /** The embedded ledger under {@code dataDir}; first start creates the CAs, identities and authority accounts. */
    public static Registry embedded(Path dataDir, boolean fsync) throws Exception {
        Files.createDirectories(dataDir);
        ownerOnly(dataDir);
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
        return new Registry(ledger, store, orgs, dataDir, "embedded:" + dataDir.toAbsolutePath());
    }

    /** A gateway of the given organisations on the Fabric network of {@code networkJson}. */
    public static Registry fabric(Path dataDir, Path networkJson, List<String> orgNames) throws Exception {
        Files.createDirectories(dataDir);
        ownerOnly(dataDir);
        FabricSetup.Opened f = FabricSetup.open(dataDir, networkJson, orgNames);
        // Its own audit reads the blocks its first organisation's peer committed, as an outside auditor would.
        return new Registry(
                f.ledger(),
                f.identities(),
                f.organisations(),
                dataDir,
                "fabric:" + networkJson.toAbsolutePath() + ":"
                        + f.organisations().keySet().iterator().next());
    }

    /**
     * The data dir holds private keys, tokens and the ledger: the gateway's user alone may enter it
     * (0700), and what is in it at start is made owner-only too (0700 folders, 0600 files), so files
     * a library creates later with the default umask are still out of others' reach.
     */
    private static void ownerOnly(Path dataDir) throws IOException {
        if (!Files.getFileStore(dataDir).supportsFileAttributeView(PosixFileAttributeView.class)) {
            return;
        }
        Files.walkFileTree(dataDir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes a) {
                restrict(d, "rwx------");
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path f, BasicFileAttributes a) {
                if (a.isRegularFile()) {
                    restrict(f, "rw-------");
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path f, IOException e) {
                return FileVisitResult.CONTINUE; // gone meanwhile (RocksDB replaces its files as it compacts)
            }
        });
    }

    private static void restrict(Path p, String permissions) {
        try {
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(permissions));
        } catch (IOException gone) {
            // removed between listing and chmod: nothing left to protect
        }
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
        all.addAll(new SettlementEndpoints(ledger, batch, groups).endpoints());
        all.addAll(EventEndpoint.of(ledger));
        all.add(VerifyEndpoint.of(ledger));
        all.addAll(new AuditEndpoints(ledger, selfAudit).endpoints());
        return all;
    }

    public void start(String host, int port) {
        start(host, port, null);
    }

    /** Serves the routes on {@code host:port}, over HTTPS when {@code tls} is given. */
    public void start(String host, int port, Tls tls) {
        server = new GatewayServer(ledger, identities, () -> IdentityStore.exists(dataDir), endpoints())
                .start(host, port, tls);
    }

    public int port() {
        return server.port();
    }

    public String ledgerKind() {
        return ledger.kind();
    }

    /**
     * Transactions of grouped settlements in flight at once. Fabric orders and commits several at a
     * time, but every transaction costs each peer a validation: fewer in flight make the groups
     * bigger. Measured (bench.sh --quick, 32 clients on spread accounts, 2026-12-03): 4 in flight
     * settled at 0.76–0.91 × the no-op rate with 50–52 core-ms per trade in three runs, 16 at
     * 0.54–0.70 × with 58–74 core-ms in four, 8 in between; the hot seller was the same. The
     * embedded ledger commits one after the other, so more in flight only makes groups smaller (2:
     * one committing, the next filling). -Dcarbon.settlement.groupsInFlight overrides.
     */
    private static int groupsInFlight(Ledger ledger) {
        return Integer.getInteger("carbon.settlement.groupsInFlight", "embedded".equals(ledger.kind()) ? 2 : 4);
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
        selfAudit.close();
        batch.close();
        groups.close();
        ledger.close();
    }
}
