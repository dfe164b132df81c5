package cn.ets.registry.gateway;

import cn.ets.registry.gateway.audit.AuditCommand;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code java -jar gateway-app.jar [--port N] [--data-dir DIR] [--network FILE --orgs MEE,Registry]}. */
@Command(
        name = "gateway-app",
        subcommands = {AuditCommand.class},
        mixinStandardHelpOptions = true,
        description = "The carbon registry gateway: REST over the embedded ledger (default) or a Fabric network.")
public final class GatewayMain implements Callable<Integer> {
    @Option(
            names = "--port",
            defaultValue = "${env:GATEWAY_PORT:-8080}",
            description = "HTTP port (default ${DEFAULT-VALUE})")
    int port;

    @Option(
            names = "--host",
            defaultValue = "${env:GATEWAY_HOST:-127.0.0.1}",
            description = "address to listen on (default ${DEFAULT-VALUE})")
    String host;

    @Option(
            names = "--data-dir",
            defaultValue = "${env:GATEWAY_DATA_DIR:-./data}",
            description = "where state, identities and credentials.json live")
    Path dataDir;

    @Option(
            names = "--network",
            defaultValue = "${env:FABRIC_NETWORK_JSON}",
            description =
                    "network.json of a Fabric network (written by scripts/network.sh); serves the Fabric ledger instead of the embedded one")
    Path network;

    @Option(
            names = "--orgs",
            split = ",",
            defaultValue = "${env:GATEWAY_ORGS}",
            description =
                    "with --network: the organisations whose identities this gateway holds (default: all in network.json)")
    List<String> orgs;

    @Option(
            names = "--no-fsync",
            description =
                    "embedded ledger: do not fsync each commit (faster; a power cut may lose the last commits, a killed process does not)")
    boolean noFsync;

    @Override
    public Integer call() throws Exception {
        Registry registry =
                network == null ? Registry.embedded(dataDir, !noFsync) : Registry.fabric(dataDir, network, orgs);
        registry.start(host, port);
        System.out.println("gateway listening on http://" + host + ":" + registry.port() + " (" + registry.ledgerKind()
                + " ledger, data in " + dataDir.toAbsolutePath() + ")");
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            registry.close();
                            stopped.countDown();
                        },
                        "shutdown"));
        stopped.await();
        return 0;
    }

    public static void main(String[] args) {
        int code = new CommandLine(new GatewayMain()).execute(args);
        if (code != 0) {
            System.exit(code);
        }
    }
}
