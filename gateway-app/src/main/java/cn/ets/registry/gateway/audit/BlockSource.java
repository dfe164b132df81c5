package cn.ets.registry.gateway.audit;

import cn.ets.registry.gateway.identity.Pem;
import cn.ets.registry.gateway.ledger.fabric.NetworkConfig;
import io.grpc.Grpc;
import io.grpc.ManagedChannel;
import io.grpc.TlsChannelCredentials;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.hyperledger.fabric.client.CloseableIterator;
import org.hyperledger.fabric.client.Gateway;
import org.hyperledger.fabric.client.Hash;
import org.hyperledger.fabric.client.Network;
import org.hyperledger.fabric.client.identity.Signers;
import org.hyperledger.fabric.client.identity.X509Identity;
import org.hyperledger.fabric.protos.common.Block;
import org.hyperledger.fabric.protos.common.BlockchainInfo;

/**
 * Where a Fabric audit reads raw blocks: a directory of block files (serialized {@code common.Block},
 * as {@code peer channel fetch} writes them; in block-number order of their names), or the block
 * stream of one organisation's own peer (its admin identity from network.json), from block 0 to
 * the height the peer reports when the audit starts.
 */
abstract class BlockSource implements Iterable<byte[]>, AutoCloseable {

    static BlockSource open(String source) throws IOException {
        if (source.startsWith("blocks:")) {
            return new FileSource(Path.of(source.substring("blocks:".length())));
        }
        String spec = source.substring("fabric:".length());
        int colon = spec.lastIndexOf(':');
        Path json = Path.of(colon > 0 && !spec.substring(colon + 1).contains("/") ? spec.substring(0, colon) : spec);
        String org = colon > 0 && !spec.substring(colon + 1).contains("/") ? spec.substring(colon + 1) : null;
        return new Peer(NetworkConfig.read(json), org);
    }

    @Override
    public void close() throws IOException {}

    /** Block files of a directory, in the order of their names (e.g. carbon_0.block, carbon_1.block, … numbered). */
    static final class FileSource extends BlockSource {
        private final List<Path> files;

        FileSource(Path dir) throws IOException {
            if (!Files.isDirectory(dir)) {
                throw new IOException("no directory " + dir);
            }
            try (Stream<Path> all = Files.list(dir)) {
                files = all.filter(p -> p.toString().endsWith(".block"))
                        .sorted(BlockSource::byNumber)
                        .toList();
            }
        }

        @Override
        public Iterator<byte[]> iterator() {
            Iterator<Path> it = files.iterator();
            return new Iterator<>() {
                @Override
                public boolean hasNext() {
                    return it.hasNext();
                }

                @Override
                public byte[] next() {
                    try {
                        return Files.readAllBytes(it.next());
                    } catch (IOException e) {
                        throw new IllegalStateException(e);
                    }
                }
            };
        }
    }

    private static int byNumber(Path a, Path b) {
        return Long.compare(number(a), number(b));
    }

    private static long number(Path p) {
        String digits = p.getFileName().toString().replaceAll("\\D+", " ").trim();
        String[] parts = digits.split(" ");
        try {
            return Long.parseLong(parts[parts.length - 1]);
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }

    /** The block stream of an organisation's peer, as that organisation's admin. */
    static final class Peer extends BlockSource {
        private final ManagedChannel channel;
        private final Gateway gateway;
        private final Network network;
        private final long height;

        Peer(NetworkConfig config, String orgName) throws IOException {
            NetworkConfig.Org org = orgName == null ? config.organizations().get(0) : config.org(orgName);
            if (org.admin() == null) {
                throw new IOException("network.json names no admin identity of " + org.name());
            }
            var credentials = TlsChannelCredentials.newBuilder()
                    .trustManager(new File(org.peer().tlsRootCert()))
                    .build();
            var builder = Grpc.newChannelBuilder(org.peer().endpoint(), credentials);
            if (org.peer().hostnameOverride() != null) {
                builder.overrideAuthority(org.peer().hostnameOverride());
            }
            channel = builder.build();
            gateway = Gateway.newInstance()
                    .identity(new X509Identity(
                            org.mspId(),
                            Pem.certificate(Files.readString(Path.of(org.admin().cert())))))
                    .signer(Signers.newPrivateKeySigner(
                            Pem.privateKey(Files.readString(Path.of(org.admin().key())))))
                    .hash(Hash.SHA256)
                    .connection(channel)
                    .connect();
            network = gateway.getNetwork(config.channel());
            try {
                byte[] info = network.getContract("qscc")
                        .newProposal("GetChainInfo")
                        .addArguments(config.channel())
                        .setEndorsingOrganizations(org.mspId())
                        .build()
                        .evaluate();
                height = BlockchainInfo.parseFrom(info).getHeight();
            } catch (Exception e) {
                close();
                throw new IOException("cannot read the height of " + org.name() + "'s peer: " + e.getMessage(), e);
            }
        }

        @Override
        public Iterator<byte[]> iterator() {
            CloseableIterator<Block> events =
                    network.newBlockEventsRequest().startBlock(0).build().getEvents();
            return new Iterator<>() {
                private long read;

                @Override
                public boolean hasNext() {
                    if (read < height) {
                        return true;
                    }
                    events.close();
                    return false;
                }

                @Override
                public byte[] next() {
                    if (!hasNext()) {
                        throw new NoSuchElementException();
                    }
                    read++;
                    return events.next().toByteArray();
                }
            };
        }

        @Override
        public void close() {
            gateway.close();
            channel.shutdownNow();
            try {
                channel.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** The blocks of {@code source}, each also written to {@code dir}/&lt;number&gt;.block as it is read. */
    static Iterable<byte[]> saving(Iterable<byte[]> source, Path dir) throws IOException {
        Files.createDirectories(dir);
        return () -> {
            Iterator<byte[]> it = source.iterator();
            return new Iterator<>() {
                private long n;

                @Override
                public boolean hasNext() {
                    return it.hasNext();
                }

                @Override
                public byte[] next() {
                    byte[] b = it.next();
                    try {
                        Files.write(dir.resolve(String.format("%08d.block", n++)), b);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    return b;
                }
            };
        };
    }
}
