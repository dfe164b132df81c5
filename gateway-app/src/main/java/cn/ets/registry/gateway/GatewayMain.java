package cn.ets.registry.gateway;

import cn.ets.registry.gateway.audit.AuditCommand;
import cn.ets.registry.gateway.http.Tls;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code java -jar gateway-app.jar [--host H] [--port N] [--tls-cert PEM --tls-key PEM] [--data-dir DIR]
 * [--network FILE --orgs MEE,Registry]}.
 */
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
            names = "--tls-cert",
            defaultValue = "${env:GATEWAY_TLS_CERT}",
            description = "PEM file with the server certificate (and its chain): serve HTTPS; needs --tls-key")
    Path tlsCert;

    @Option(
            names = "--tls-key",
            defaultValue = "${env:GATEWAY_TLS_KEY}",
            description = "PEM file with the server's private key (PKCS#8 or traditional)")
    Path tlsKey;

    @Option(
            names = "--no-fsync",
            description =
                    "embedded ledger: do not fsync each commit (faster; a power cut may lose the last commits, a killed process does not)")
    boolean noFsync;

    @Override
    public Integer call() throws Exception {
        if ((tlsCert == null) != (tlsKey == null)) {
            throw new CommandLine.ParameterException(new CommandLine(this), "--tls-cert and --tls-key go together");
        }
        Tls tls = tlsCert == null ? null : new Tls(tlsCert, tlsKey);
        if (tls == null && !isLoopback(host)) {
            System.err.println("warning: listening on " + host + " without TLS: bearer tokens cross the network in"
                    + " clear text; give --tls-cert and --tls-key");
        }
        Registry registry =
                network == null ? Registry.embedded(dataDir, !noFsync) : Registry.fabric(dataDir, network, orgs);
        registry.start(host, port, tls);
        System.out.println("gateway listening on " + (tls == null ? "http" : "https") + "://" + host + ":"
                + registry.port() + " (" + registry.ledgerKind() + " ledger, data in " + dataDir.toAbsolutePath()
                + ")");
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

    private static boolean isLoopback(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    public static void main(String[] args) {
        int code = new CommandLine(new GatewayMain()).execute(args);
        if (code != 0) {
            System.exit(code);
        }
    }
}
