package cn.ets.registry.gateway.ledger.fabric;

import static cn.ets.registry.domain.identity.OrganisationRoles.MEE_MSP;
import static cn.ets.registry.domain.identity.OrganisationRoles.REGISTRY_MSP;

import cn.ets.registry.chaincode.tx.ChaincodeError;
import cn.ets.registry.gateway.ledger.EventSubscription;
import cn.ets.registry.gateway.ledger.Ledger;
import cn.ets.registry.gateway.ledger.LedgerEvent;
import cn.ets.registry.gateway.ledger.LedgerException;
import cn.ets.registry.gateway.ledger.LedgerIdentity;
import com.google.protobuf.InvalidProtocolBufferException;
import io.grpc.Grpc;
import io.grpc.ManagedChannel;
import io.grpc.Status.Code;
import io.grpc.StatusRuntimeException;
import io.grpc.TlsChannelCredentials;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hyperledger.fabric.client.ChaincodeEvent;
import org.hyperledger.fabric.client.CloseableIterator;
import org.hyperledger.fabric.client.CommitStatusException;
import org.hyperledger.fabric.client.Contract;
import org.hyperledger.fabric.client.EndorseException;
import org.hyperledger.fabric.client.Gateway;
import org.hyperledger.fabric.client.GatewayException;
import org.hyperledger.fabric.client.GatewayRuntimeException;
import org.hyperledger.fabric.client.Hash;
import org.hyperledger.fabric.client.Status;
import org.hyperledger.fabric.client.SubmitException;
import org.hyperledger.fabric.client.Transaction;
import org.hyperledger.fabric.client.identity.Signers;
import org.hyperledger.fabric.client.identity.X509Identity;
import org.hyperledger.fabric.protos.common.BlockchainInfo;
import org.hyperledger.fabric.protos.gateway.ErrorDetail;
import org.hyperledger.fabric.protos.peer.TxValidationCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ledger port on a real Fabric network through the Fabric Gateway SDK: one gRPC connection per
 * organisation's peer, shared by every identity of that organisation; each change endorsed by the
 * registry together with the caller's organisation, and answered only once committed. A commit
 * that fails on an MVCC or phantom read conflict wrote nothing, so it is endorsed again with
 * backoff; the counts are kept for the benchmark.
 */
public final class FabricLedger implements Ledger {
    private static final Logger LOG = LoggerFactory.getLogger(FabricLedger.class);
    private static final int MAX_ATTEMPTS = 8;
    private static final Pattern POLICY_PEER = Pattern.compile("'([A-Za-z0-9.-]+)\\.peer'");
    /**
     * Whether a change is answered only once every organisation's peer has committed it (the next
     * command, endorsed by any two, then sees it). Without (-Dcarbon.fabric.readYourWrites=false) a
     * command endorsed by a peer one block behind gets endorsements that differ, and is endorsed
     * again: measured for the benchmark.
     */
    static final boolean READ_YOUR_WRITES =
            Boolean.parseBoolean(System.getProperty("carbon.fabric.readYourWrites", "true"));
    /** How long a subscriber may leave its full buffer untaken before it is cut off (-Dcarbon.events.stallMillis). */
    static final long STALL_MILLIS = Long.getLong("carbon.events.stallMillis", 10_000);

    private final NetworkConfig network;
    private final Map<String, ManagedChannel> channels = new ConcurrentHashMap<>();
    private final Map<String, Gateway> gateways = new ConcurrentHashMap<>();
    private final AtomicLong conflicts = new AtomicLong();
    private final AtomicLong retries = new AtomicLong();
    private final AtomicLong mismatches = new AtomicLong();
    private final AtomicLong ordererRetries = new AtomicLong();
    private final AtomicLong fallbacks = new AtomicLong();
    private volatile LedgerIdentity listener;
    private volatile PeerHeights heights;

    public FabricLedger(NetworkConfig network) {
        this.network = Objects.requireNonNull(network, "network");
    }

    @Override
    public String kind() {
        return "fabric";
    }

    public long conflicts() {
        return conflicts.get();
    }

    public long retries() {
        return retries.get();
    }

    @Override
    public Map<String, Object> health() {
        return Map.of(
                "mvccConflicts", conflicts.get(),
                "mvccRetries", retries.get(),
                "endorsementMismatches", mismatches.get(),
                "ordererRetries", ordererRetries.get(),
                "endorsementFallbacks", fallbacks.get());
    }

    @Override
    public String submit(LedgerIdentity who, String function, String... args) {
        PeerHeights peers = peerHeights(who);
        Route route = Route.primary(who.mspId());
        List<String> tried = new ArrayList<>();
        for (int attempt = 1; ; attempt++) {
            try {
                var proposal = contract(who, route.via())
                        .newProposal(function)
                        .addArguments(args)
                        .setEndorsingOrganizations(route.endorsers())
                        .build();
                Transaction transaction;
                try {
                    transaction = proposal.endorse();
                } catch (EndorseException e) {
                    if (Transients.endorsementsDiffer(e)) {
                        againOrConflict(
                                attempt,
                                mismatches,
                                "the endorsing peers disagreed " + attempt
                                        + " times (one had not committed a concurrent change yet)",
                                e);
                        continue;
                    }
                    String down = route.endorsers()[route.endorsers().length - 1];
                    Optional<Route> other =
                            Transients.endorserUnreachable(e, down) ? nextRoute(route, tried) : Optional.empty();
                    if (other.isEmpty()) {
                        throw e;
                    }
                    // Never ordered: the same change may be endorsed by another organisation the policy allows.
                    if (fallbacks.getAndIncrement() % 100 == 0) { // a line per hundred, not one per change
                        LOG.warn(
                                "the peer of {} did not endorse ({}); endorsing through {} ({} such so far)",
                                down,
                                e.getMessage(),
                                other.get(),
                                fallbacks.get());
                    }
                    reconnectSoon(route.via());
                    route = other.get();
                    continue;
                }
                byte[] result = transaction.getResult();
                if (WriteSets.changesNothing(transaction.getBytes())) {
                    return new String(result, StandardCharsets.UTF_8); // nothing to order into a block
                }
                PeerHeights.Committed status = order(transaction, peers);
                if (status.code() == TxValidationCode.VALID) {
                    if (READ_YOUR_WRITES) {
                        peers.awaitEveryPeer(status.block(), 10, TimeUnit.SECONDS);
                    }
                    return new String(result, StandardCharsets.UTF_8);
                }
                TxValidationCode code = status.code();
                if (code == TxValidationCode.MVCC_READ_CONFLICT || code == TxValidationCode.PHANTOM_READ_CONFLICT) {
                    againOrConflict(
                            attempt,
                            conflicts,
                            "transaction " + status.txId() + " lost " + attempt
                                    + " times to concurrent changes of the same accounts (" + code + ")",
                            null);
                    continue;
                }
                throw new LedgerException(
                        "INTERNAL", "transaction " + status.txId() + " was invalidated by Fabric: " + code, (String)
                                null);
            } catch (EndorseException | SubmitException | CommitStatusException e) {
                throw translate(e);
            } catch (GatewayRuntimeException e) {
                throw unavailable(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new LedgerException("LEDGER_UNAVAILABLE", "interrupted while waiting for the commit", e);
            }
        }
    }

    /**
     * Which peer a change goes through and which organisations endorse it: normally the caller's own
     * peer with {@link #endorsers}; when that organisation's peer (or its chaincode server) cannot
     * endorse, the Registry's peer with the Registry and another organisation of the policy.
     */
    record Route(String via, String... endorsers) {
        static Route primary(String callerMsp) {
            return new Route(callerMsp, FabricLedger.endorsers(callerMsp));
        }

        @Override
        public String toString() {
            return via + " " + String.join("+", endorsers);
        }
    }

    /**
     * The next route after {@code failed}: the Registry with the next organisation named in the
     * chaincode's endorsement policy that has not failed yet (two at most, so a wider outage
     * answers within a bounded time).
     */
    Optional<Route> nextRoute(Route failed, List<String> tried) {
        tried.add(failed.endorsers()[failed.endorsers().length - 1]);
        if (tried.size() > 2) {
            return Optional.empty();
        }
        return policyOrganisations(network.chaincode().endorsementPolicy()).stream()
                .filter(msp -> !REGISTRY_MSP.equals(msp) && !tried.contains(msp))
                .findFirst()
                .map(msp -> new Route(REGISTRY_MSP, REGISTRY_MSP, msp));
    }

    /** The MSP ids a policy such as {@code AND('RegistryMSP.peer', OR('MEEMSP.peer',…))} names, in its order. */
    static List<String> policyOrganisations(String policy) {
        List<String> out = new ArrayList<>();
        if (policy == null) {
            return out;
        }
        Matcher m = POLICY_PEER.matcher(policy);
        while (m.find()) {
            if (!out.contains(m.group(1))) {
                out.add(m.group(1));
            }
        }
        return out;
    }

    /** A connection whose peer just failed retries at once on its next use instead of after gRPC's growing back-off. */
    private void reconnectSoon(String mspId) {
        ManagedChannel c = channels.get(mspId);
        if (c != null) {
            c.resetConnectBackoff();
        }
    }

    /** Counts a refusal that wrote nothing; waits before the next attempt, or after the last answers CONFLICT. */
    private void againOrConflict(int attempt, AtomicLong counter, String why, Exception cause) {
        counter.incrementAndGet();
        if (attempt >= MAX_ATTEMPTS) {
            throw new LedgerException("CONFLICT", why + "; nothing was written, retry it", cause);
        }
        retries.incrementAndGet();
        backoff(attempt);
    }

    /**
     * Sends the endorsed transaction to the orderers and waits for its commit. An orderer that
     * refuses the broadcast (SERVICE_UNAVAILABLE under load, an orderer down) wrote nothing: the
     * same signed transaction is sent again, which is always safe — one transaction id commits at
     * most once. One that answers "already processed" has it (SmartBFT broadcasts to every
     * orderer): the outcome then comes from the block stream by transaction id.
     */
    private PeerHeights.Committed order(Transaction transaction, PeerHeights peers)
            throws SubmitException, CommitStatusException, InterruptedException {
        for (int attempt = 1; ; attempt++) {
            try {
                Status s = transaction.submitAsync().getStatus();
                return new PeerHeights.Committed(s.getTransactionId(), s.getBlockNumber(), s.getCode());
            } catch (SubmitException e) {
                if (Transients.alreadyOrdered(e)) {
                    return peers.awaitTransaction(transaction.getTransactionId(), 60, TimeUnit.SECONDS)
                            .orElseThrow(() -> new LedgerException(
                                    "LEDGER_UNAVAILABLE",
                                    "transaction " + transaction.getTransactionId()
                                            + " was ordered but its commit was not seen within 60 s; read before retrying it",
                                    e));
                }
                if (!Transients.ordererRefused(e) || attempt >= MAX_ATTEMPTS) {
                    throw e;
                }
                ordererRetries.incrementAndGet();
                backoff(attempt);
            }
        }
    }

    /** Started with the first submitter's identity: any member of the channel may read its blocks. */
    private PeerHeights peerHeights(LedgerIdentity who) {
        PeerHeights h = heights;
        if (h != null) {
            return h;
        }
        synchronized (this) {
            if (heights == null) {
                List<String> msps = network.organizations().stream()
                        .map(NetworkConfig.Org::mspId)
                        .toList();
                heights = new PeerHeights(
                        msps, msp -> gatewayAt(who, msp).getNetwork(network.channel()), msp -> height(who, msp));
            }
            return heights;
        }
    }

    /** A peer's height now, asked once (qscc) when its block stream starts. */
    private long height(LedgerIdentity who, String peerMsp) {
        try {
            byte[] info = gatewayAt(who, peerMsp)
                    .getNetwork(network.channel())
                    .getContract("qscc")
                    .newProposal("GetChainInfo")
                    .addArguments(network.channel())
                    .setEndorsingOrganizations(peerMsp)
                    .build()
                    .evaluate();
            return BlockchainInfo.parseFrom(info).getHeight();
        } catch (GatewayException | InvalidProtocolBufferException e) {
            throw new LedgerException(
                    "LEDGER_UNAVAILABLE", "height of the peer of " + peerMsp + " unknown: " + e.getMessage(), e);
        }
    }

    @Override
    public String evaluate(LedgerIdentity who, String function, String... args) {
        try {
            return new String(contract(who).evaluateTransaction(function, args), StandardCharsets.UTF_8);
        } catch (GatewayException e) {
            if (REGISTRY_MSP.equals(who.mspId()) || !Transients.endorserUnreachable(e, who.mspId())) {
                throw translate(e);
            }
            reconnectSoon(who.mspId());
            fallbacks.incrementAndGet();
            return evaluateVia(who, REGISTRY_MSP, function, args); // its own peer is down: read the Registry's
        } catch (GatewayRuntimeException e) {
            throw unavailable(e);
        }
    }

    private String evaluateVia(LedgerIdentity who, String peerMsp, String function, String... args) {
        try {
            return new String(contract(who, peerMsp).evaluateTransaction(function, args), StandardCharsets.UTF_8);
        } catch (GatewayException e) {
            throw translate(e);
        } catch (GatewayRuntimeException e) {
            throw unavailable(e);
        }
    }

    /** Registry + the caller's organisation; the registry's own acts are co-endorsed by MEE (one Registry peer counts once). */
    static String[] endorsers(String callerMsp) {
        if (REGISTRY_MSP.equals(callerMsp)) {
            return new String[] {REGISTRY_MSP, MEE_MSP};
        }
        return new String[] {REGISTRY_MSP, callerMsp};
    }

    /**
     * A reader thread takes the peer's event stream into the subscription's buffer, waiting up to
     * {@link #STALL_MILLIS} for room (the peer's stream just slows down meanwhile, nothing else
     * does); a subscriber that stays stalled longer is cut off and the stream from the peer closed.
     */
    @Override
    public AutoCloseable events(long fromBlock, Consumer<LedgerEvent> sink, LongConsumer cutOff) {
        LedgerIdentity id = Objects.requireNonNull(listener, "no identity to listen with");
        Gateway gateway = gateway(id);
        var request = gateway.getNetwork(network.channel())
                .newChaincodeEventsRequest(network.chaincode().name())
                .startBlock(Math.max(0, fromBlock))
                .build();
        CloseableIterator<ChaincodeEvent> it = request.getEvents();
        EventSubscription subscription = new EventSubscription(fromBlock, EventSubscription.CAPACITY, sink, cutOff);
        subscription.onClose(it::close);
        Thread t = new Thread(
                () -> {
                    try {
                        while (subscription.isOpen() && it.hasNext()) {
                            ChaincodeEvent e = it.next();
                            LedgerEvent event = new LedgerEvent(
                                    e.getBlockNumber(),
                                    e.getTransactionId(),
                                    e.getEventName(),
                                    new String(e.getPayload(), StandardCharsets.UTF_8));
                            if (!subscription.offer(event, STALL_MILLIS)) {
                                break;
                            }
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    } catch (RuntimeException e) {
                        LOG.debug("event stream ended: {}", e.getMessage());
                        subscription.close();
                    }
                },
                "fabric-events");
        t.setDaemon(true);
        subscription.start("events", null);
        t.start();
        return subscription;
    }

    public void listenAs(LedgerIdentity id) {
        this.listener = id;
    }

    private Contract contract(LedgerIdentity who) {
        return contract(who, who.mspId());
    }

    private Contract contract(LedgerIdentity who, String peerMsp) {
        return gatewayAt(who, peerMsp)
                .getNetwork(network.channel())
                .getContract(network.chaincode().name());
    }

    private Gateway gateway(LedgerIdentity who) {
        return gatewayAt(who, who.mspId());
    }

    /** A gateway for {@code who} through the peer of organisation {@code peerMsp}. */
    private Gateway gatewayAt(LedgerIdentity who, String peerMsp) {
        return gateways.computeIfAbsent(
                who.name() + "@" + who.mspId() + "->" + peerMsp,
                k -> Gateway.newInstance()
                        .identity(new X509Identity(who.mspId(), who.certificate()))
                        .signer(Signers.newPrivateKeySigner(who.privateKey()))
                        .hash(Hash.SHA256)
                        .connection(channel(peerMsp))
                        .evaluateOptions(o -> o.withDeadlineAfter(30, TimeUnit.SECONDS))
                        .endorseOptions(o -> o.withDeadlineAfter(45, TimeUnit.SECONDS))
                        .submitOptions(o -> o.withDeadlineAfter(15, TimeUnit.SECONDS))
                        .commitStatusOptions(o -> o.withDeadlineAfter(60, TimeUnit.SECONDS))
                        .connect());
    }

    /** One connection per organisation: each identity talks to its own organisation's peer. */
    private ManagedChannel channel(String mspId) {
        return channels.computeIfAbsent(mspId, msp -> {
            NetworkConfig.Org org = network.organizations().stream()
                    .filter(o -> o.mspId().equals(msp))
                    .findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no peer for " + msp + " in network.json"));
            try {
                var credentials = TlsChannelCredentials.newBuilder()
                        .trustManager(new File(org.peer().tlsRootCert()))
                        .build();
                var builder = Grpc.newChannelBuilder(org.peer().endpoint(), credentials);
                if (org.peer().hostnameOverride() != null) {
                    builder.overrideAuthority(org.peer().hostnameOverride());
                }
                return builder.build();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private static void backoff(int attempt) {
        long ms = Math.min(2000, 50L << attempt) + ThreadLocalRandom.current().nextLong(50);
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The peer gateway passes on only "chaincode response 500, <message>": the coded error is read from it as on the embedded ledger. */
    static LedgerException translate(GatewayException e) {
        String text = Transients.text(e);
        for (ErrorDetail d : e.getDetails()) {
            Optional<ChaincodeError> coded = ChaincodeError.parse(d.getMessage());
            if (coded.isPresent()) {
                return new LedgerException(
                        coded.get().code(), coded.get().message(), coded.get().detailsJson());
            }
        }
        Optional<ChaincodeError> coded = ChaincodeError.parse(e.getMessage());
        if (coded.isPresent()) {
            return new LedgerException(
                    coded.get().code(), coded.get().message(), coded.get().detailsJson());
        }
        Code grpc = e.getStatus().getCode();
        if (grpc == Code.UNAVAILABLE || grpc == Code.DEADLINE_EXCEEDED) {
            return new LedgerException("LEDGER_UNAVAILABLE", "the Fabric network did not answer: " + text, e);
        }
        if (e instanceof CommitStatusException) {
            return new LedgerException("LEDGER_UNAVAILABLE", "commit status unknown: " + text, e);
        }
        if (Transients.endorsementsDiffer(e)) {
            return new LedgerException(
                    "CONFLICT", "the endorsing peers disagreed; nothing was written, retry it: " + text, e);
        }
        if (Transients.ordererRefused(e) || Transients.alreadyOrdered(e)) {
            return new LedgerException(
                    "LEDGER_UNAVAILABLE", "the orderers did not take the transaction; retry it: " + text, e);
        }
        if (text.contains("ENDORSEMENT_POLICY_FAILURE")) {
            return new LedgerException("FORBIDDEN", "the endorsement policy was not satisfied: " + text, e);
        }
        return new LedgerException("INTERNAL", "Fabric refused the transaction: " + text, e);
    }

    private static LedgerException unavailable(RuntimeException e) {
        Throwable c = e.getCause();
        if (c instanceof StatusRuntimeException s) {
            return translate(new GatewayException(s));
        }
        return new LedgerException("LEDGER_UNAVAILABLE", "the Fabric network did not answer: " + e.getMessage(), e);
    }

    @Override
    public void close() {
        if (heights != null) {
            heights.close();
        }
        gateways.values().forEach(Gateway::close);
        for (ManagedChannel c : channels.values()) {
            c.shutdownNow();
            try {
                c.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
