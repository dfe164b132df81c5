package cn.ets.registry.gateway.secondpart;

import cn.ets.registry.gateway.testing.EmbeddedGateway;
import cn.ets.registry.gateway.testing.RegistryClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * One embedded gateway (no fsync) for the HTTP tests of the second part of the contract, apart
 * from the run-wide {@code SharedGateway}: these tests close compliance year 2025 and change the
 * 2023 parameters, which must not reach other suites' registries. Each class uses its own account
 * ids; the gateway is closed and its data dir removed when the run ends.
 */
public final class OwnGateway implements ParameterResolver {

    @Override
    public boolean supportsParameter(ParameterContext p, ExtensionContext e) {
        return p.getParameter().getType() == RegistryClient.class;
    }

    @Override
    public Object resolveParameter(ParameterContext p, ExtensionContext e) {
        Holder h = e.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(OwnGateway.class.getName(), k -> new Holder(), Holder.class);
        return h.gateway.newClient();
    }

    private static final class Holder implements ExtensionContext.Store.CloseableResource {
        private final Path dir;
        private final EmbeddedGateway gateway;

        Holder() {
            try {
                dir = Files.createTempDirectory("registry-part2-");
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            gateway = EmbeddedGateway.start(dir, false);
        }

        @Override
        public void close() throws IOException {
            gateway.close();
            try (Stream<Path> s = Files.walk(dir)) {
                s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
