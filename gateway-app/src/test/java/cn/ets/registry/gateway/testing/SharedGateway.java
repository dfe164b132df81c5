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
 * data dir removed when the whole run ends. Subclasses name a separate run-wide gateway. Its
 * vintages 2023, 2024 and 2025 are open on the wall clock ({@link TestCalendar#open}): their emissions may
 * be recorded and surrenders are on time.
 */
public class SharedGateway implements ParameterResolver {
    private final String prefix;
    private final boolean fsync;

    public SharedGateway() {
        this("registry-shared-", true);
    }

    protected SharedGateway(String prefix, boolean fsync) {
        this.prefix = prefix;
        this.fsync = fsync;
    }

    @Override
    public boolean supportsParameter(ParameterContext p, ExtensionContext e) {
        return p.getParameter().getType() == RegistryClient.class;
    }

    @Override
    public Object resolveParameter(ParameterContext p, ExtensionContext e) {
        Holder h = e.getRoot()
                .getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(getClass().getName(), k -> new Holder(prefix, fsync), Holder.class);
        return h.gateway.newClient();
    }

    private static final class Holder implements ExtensionContext.Store.CloseableResource {
        private final Path dir;
        private final EmbeddedGateway gateway;

        Holder(String prefix, boolean fsync) {
            try {
                dir = Files.createTempDirectory(prefix);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            gateway = EmbeddedGateway.start(dir, fsync);
            RegistryClient mee = gateway.newClient();
            TestCalendar.open(mee, "2023");
            TestCalendar.open(mee, "2024");
            TestCalendar.open(mee, "2025");
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
