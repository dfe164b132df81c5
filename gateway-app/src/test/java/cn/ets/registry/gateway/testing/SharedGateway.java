package cn.ets.registry.gateway.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * One embedded gateway for every test class of the run that does not need a registry of its own
 * (starting one costs the contract router's classpath scan, ~10 s on a 2-core machine). Each class
 * gets its own {@link RegistryClient} and uses its own account ids; the gateway is closed and its
 * data dir removed when the whole run ends.
 */
public final class SharedGateway implements ParameterResolver {

    @Override
    public boolean supportsParameter(ParameterContext p, ExtensionContext e) {
        return p.getParameter().getType() == RegistryClient.class;
    }

    @Override
    public Object resolveParameter(ParameterContext p, ExtensionContext e) {
        Holder h = e.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(SharedGateway.class.getName(), k -> new Holder(), Holder.class);
        return h.gateway.newClient();
    }

    private static final class Holder implements ExtensionContext.Store.CloseableResource {
        private final Path dir;
        private final EmbeddedGateway gateway;

        Holder() {
            try {
                dir = Files.createTempDirectory("registry-shared-");
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            gateway = EmbeddedGateway.start(dir);
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
