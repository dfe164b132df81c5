package cn.ets.registry.gateway.testing;

import cn.ets.registry.gateway.Registry;
import cn.ets.registry.gateway.identity.IdentityStore;
import java.nio.file.Path;

/** A real gateway on the embedded ledger, listening on a free port of 127.0.0.1. */
public final class EmbeddedGateway implements AutoCloseable {
    private final Registry registry;
    private final RegistryClient client;
    private final Path dataDir;

    private EmbeddedGateway(Path dataDir, Registry registry) {
        this.dataDir = dataDir;
        this.registry = registry;
        this.client = new RegistryClient(
                "http://127.0.0.1:" + registry.port(),
                RegistryClient.readCredentials(IdentityStore.credentialsFile(dataDir)));
    }

    public static EmbeddedGateway start(Path dataDir) {
        return start(dataDir, true);
    }

    public static EmbeddedGateway start(Path dataDir, boolean fsync) {
        try {
            Registry r = Registry.embedded(dataDir, fsync);
            try {
                r.start("127.0.0.1", 0);
            } catch (RuntimeException e) {
                r.close();
                throw e;
            }
            return new EmbeddedGateway(dataDir, r);
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the embedded gateway in " + dataDir, e);
        }
    }

    public RegistryClient client() {
        return client;
    }

    /** A client of its own (holder tokens added to it stay with it), with the standard identities. */
    public RegistryClient newClient() {
        return new RegistryClient(
                client.baseUrl(), RegistryClient.readCredentials(IdentityStore.credentialsFile(dataDir)));
    }

    public Registry registry() {
        return registry;
    }

    public Path dataDir() {
        return dataDir;
    }

    @Override
    public void close() {
        registry.close();
    }
}
