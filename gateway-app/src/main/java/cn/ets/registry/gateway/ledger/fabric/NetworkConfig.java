package cn.ets.registry.gateway.ledger.fabric;

import com.google.gson.Gson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** {@code network.json} as written by {@code scripts/network.sh up} (schema in network/README.md). */
public record NetworkConfig(int schemaVersion, String channel, Chaincode chaincode, List<Org> organizations) {

    public record Chaincode(String name, String version, long sequence, String endorsementPolicy) {}

    /**
     * An organisation of the channel. {@code role} and {@code province} (roster fields, written by
     * network.sh since organisations can join the running channel) let a gateway serve an
     * organisation that is not in the roster it was built with; absent in older files.
     */
    public record Org(String name, String mspId, String role, String province, Peer peer, Pair ca, Pair admin) {}

    public record Peer(String endpoint, String hostnameOverride, String tlsRootCert) {}

    public record Pair(String cert, String key) {}

    public static NetworkConfig read(Path file) {
        try {
            return new Gson().fromJson(Files.readString(file), NetworkConfig.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + " (is the network up? scripts/network.sh up)", e);
        }
    }

    public Org org(String name) {
        return organizations.stream()
                .filter(o -> o.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no organisation " + name + " in network.json"));
    }
}
