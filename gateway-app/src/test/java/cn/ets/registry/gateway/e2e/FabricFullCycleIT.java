package cn.ets.registry.gateway.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ets.registry.gateway.Registry;
import cn.ets.registry.gateway.ledger.LedgerIdentity;
import cn.ets.registry.gateway.ledger.fabric.NetworkConfig;
import cn.ets.registry.gateway.testing.LifecycleScenario;
import cn.ets.registry.gateway.testing.RegistryClient;
import io.grpc.Grpc;
import io.grpc.ManagedChannel;
import io.grpc.TlsChannelCredentials;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.hyperledger.fabric.client.Gateway;
import org.hyperledger.fabric.client.Hash;
import org.hyperledger.fabric.client.identity.Signers;
import org.hyperledger.fabric.client.identity.X509Identity;
import org.hyperledger.fabric.protos.common.BlockchainInfo;
import org.hyperledger.fabric.protos.peer.TxValidationCode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The end-to-end suite on the real Fabric network brought up by scripts/network.sh (its
 * network.json is passed as -Dfabric.network): one gateway per organisation, each with only its
 * own organisation's identities, as the organisations would run them.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FabricFullCycleIT {
    private static final List<String> ORGS = List.of("Registry", "MEE", "Exchange", "ProvinceHB", "ProvinceGD");
    private static final List<Registry> gateways = new ArrayList<>();
    private static final RegistryClient api = new RegistryClient();
    private static Path network;

    @BeforeAll
    static void start_one_gateway_per_organisation() throws Exception {
        String file = System.getProperty("fabric.network");
        assertThat(file)
                .as("-Dfabric.network=<runtime>/network.json (scripts/test.sh sets it)")
                .isNotBlank();
        network = Path.of(file);
        assertThat(network)
                .as("network.json of a running network: scripts/network.sh up")
                .exists();
        Path data = Files.createTempDirectory("fabric-gateways");
        for (String org : ORGS) {
            long t0 = System.nanoTime();
            Registry r = Registry.fabric(data.resolve(org), network, List.of(org));
            r.start("127.0.0.1", 0);
            gateways.add(r);
            api.addGateway(r);
            System.out.printf(
                    "[e2e] gateway of %s up on port %d in %d ms%n",
                    org, r.port(), (System.nanoTime() - t0) / 1_000_000);
        }
    }

    @AfterAll
    static void stop() {
        gateways.forEach(Registry::close);
    }

    /** The core lifecycle of LifecycleHttpTest, on one development gateway holding every organisation's identities. */
    @Test
    @Order(1)
    void the_core_lifecycle_runs_on_fabric_as_on_the_embedded_ledger() throws Exception {
        long t0 = System.nanoTime();
        try (Registry all = Registry.fabric(Files.createTempDirectory("fabric-all"), network, null)) {
            all.start("127.0.0.1", 0);
            new LifecycleScenario(RegistryClient.of(all), "F" + Long.toString(System.nanoTime(), 36)).run();
        }
        System.out.printf("[e2e] core lifecycle on Fabric in %d ms%n", (System.nanoTime() - t0) / 1_000_000);
    }

    /** Replays answer only authorised callers; refusals keep their details through Fabric's peer gateway. */
    @Test
    @Order(2)
    void replays_answer_only_authorised_callers_and_refusals_keep_their_details_on_fabric() {
        long t0 = System.nanoTime();
        new CommandContractScenario(api).run();
        System.out.printf("[e2e] command contract on Fabric in %d ms%n", (System.nanoTime() - t0) / 1_000_000);
    }

    /** Closes 2024, so it runs after the tests that still record 2024. */
    @Test
    @Order(3)
    void a_full_compliance_cycle_runs_through_the_organisations_gateways_on_fabric() throws Exception {
        long t0 = System.nanoTime();
        new FullCycleScenario(api).run();
        System.out.printf("[e2e] full cycle on Fabric in %d ms%n", (System.nanoTime() - t0) / 1_000_000);
    }

    @Test
    @Order(4)
    void the_exchange_follows_committed_events_and_resumes_from_a_block() throws Exception {
        var exchange = api.endpoint("exchange");
        List<EventStream.Event> first = EventStream.read(exchange.baseUrl(), exchange.token(), 0, 5);
        assertThat(first.get(0).name()).isEqualTo("RegistryBootstrapped");
        assertThat(first).extracting(EventStream.Event::id).isSorted();
        EventStream.Event last = first.get(4);
        List<EventStream.Event> resumed = EventStream.read(exchange.baseUrl(), exchange.token(), last.id(), 1);
        assertThat(resumed.get(0).id()).isEqualTo(last.id());
        assertThat(resumed.get(0).data().get("txId").getAsString())
                .isEqualTo(last.data().get("txId").getAsString());
    }

    /**
     * The suite runs with a buffer of 16 events and a 2 s stall limit (failsafe configuration), so
     * a subscriber that stops reading its history is cut off within it; commits go on meanwhile.
     */
    @Test
    @Order(6)
    void a_subscriber_that_stops_reading_is_cut_off_with_the_block_to_resume_from_and_commits_go_on() throws Exception {
        Registry exchange = gateways.get(ORGS.indexOf("Exchange"));
        CountDownLatch release = new CountDownLatch(1);
        List<Long> got = new CopyOnWriteArrayList<>();
        CompletableFuture<Long> cutOff = new CompletableFuture<>();
        try (AutoCloseable s = exchange.ledger()
                .events(
                        0,
                        e -> {
                            try {
                                release.await();
                            } catch (InterruptedException ie) {
                                Thread.currentThread().interrupt();
                            }
                            got.add(e.block());
                        },
                        cutOff::complete)) {
            long t0 = System.nanoTime();
            var issued = api.post(
                    "mee",
                    "/api/v1/issuances",
                    "{\"requestId\":\"stall-" + System.nanoTime() + "\",\"product\":\"CEA-2026\",\"quantity\":1}");
            assertThat(issued.status()).as("%s", issued).isEqualTo(201);
            System.out.printf(
                    "[e2e] issuance with a stalled event subscriber: %d ms%n", (System.nanoTime() - t0) / 1_000_000);
            Thread.sleep(3_000); // past the stall limit: the reader has given up on this subscriber
            release.countDown();
            long resumeFrom = cutOff.get(60, TimeUnit.SECONDS);
            assertThat(got).isSorted().isNotEmpty();
            assertThat(got.get(got.size() - 1)).isLessThanOrEqualTo(resumeFrom);
            var ex = api.endpoint("exchange");
            List<EventStream.Event> resumed = EventStream.read(ex.baseUrl(), ex.token(), resumeFrom, 1);
            assertThat(resumed.get(0).id()).isEqualTo(resumeFrom);
        } finally {
            release.countDown();
        }
    }

    /** A replay and a batch whose every trade is refused change nothing, so they are not ordered into a block. */
    @Test
    @Order(7)
    void a_transaction_that_changes_nothing_adds_no_block() throws Exception {
        String issuance = "{\"requestId\":\"noop-" + System.nanoTime() + "\",\"product\":\"CEA-2026\",\"quantity\":1}";
        assertThat(api.post("mee", "/api/v1/issuances", issuance).status()).isEqualTo(201);
        long height = height();
        var replay = api.post("mee", "/api/v1/issuances", issuance);
        assertThat(replay.replayed()).isTrue();
        var batch = api.post(
                "exchange",
                "/api/v1/settlements/batch",
                "{\"trades\":[{\"tradeId\":\"noop-T-" + System.nanoTime()
                        + "\",\"product\":\"CEA-2026\",\"seller\":\"NOPE\","
                        + "\"buyer\":\"PROVINCE-HB\",\"quantity\":1,\"price\":\"1.00\",\"mode\":\"LISTED\","
                        + "\"tradedAt\":\"2025-12-15T10:30:00+08:00\"}]}");
        assertThat(batch.status()).as("%s", batch).isEqualTo(200);
        assertThat(batch.body()).contains("REJECTED");
        assertThat(height())
                .as("blocks after a replay and an all-refused batch")
                .isEqualTo(height);
    }

    /** The MEE peer's chain height (qscc GetChainInfo). */
    private static long height() throws Exception {
        return asMeeOnItsPeer((gw, cfg) -> BlockchainInfo.parseFrom(gw.getNetwork(cfg.channel())
                        .getContract("qscc")
                        .evaluateTransaction("GetChainInfo", cfg.channel()))
                .getHeight());
    }

    interface PeerCall<T> {
        T call(Gateway gateway, NetworkConfig network) throws Exception;
    }

    /** A Fabric Gateway connection of MEE's identity straight to MEE's peer, past the registry's own gateways. */
    private static <T> T asMeeOnItsPeer(PeerCall<T> call) throws Exception {
        Registry mee = gateways.get(ORGS.indexOf("MEE"));
        LedgerIdentity id = mee.identities().identity("mee");
        NetworkConfig cfg = NetworkConfig.read(network);
        NetworkConfig.Org org = cfg.org("MEE");
        ManagedChannel channel = Grpc.newChannelBuilder(
                        org.peer().endpoint(),
                        TlsChannelCredentials.newBuilder()
                                .trustManager(new File(org.peer().tlsRootCert()))
                                .build())
                .overrideAuthority(org.peer().hostnameOverride())
                .build();
        try (Gateway gw = Gateway.newInstance()
                .identity(new X509Identity(id.mspId(), id.certificate()))
                .signer(Signers.newPrivateKeySigner(id.privateKey()))
                .hash(Hash.SHA256)
                .connection(channel)
                .connect()) {
            return call.call(gw, cfg);
        } finally {
            channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        }
    }

    @Test
    @Order(5)
    void fabric_itself_rejects_a_change_that_the_registry_did_not_endorse() throws Exception {
        asMeeOnItsPeer((gw, cfg) -> {
            var contract =
                    gw.getNetwork(cfg.channel()).getContract(cfg.chaincode().name());
            // A valid command for the chaincode (MEE may issue), endorsed by MEE alone: the chaincode says yes, Fabric
            // says no.
            var tx = contract.newProposal("issuance:issue")
                    .addArguments("{\"requestId\":\"unendorsed-" + System.nanoTime()
                            + "\",\"product\":\"CEA-2024\",\"quantity\":1}")
                    .setEndorsingOrganizations("MEEMSP")
                    .build()
                    .endorse();
            var status = tx.submitAsync().getStatus();
            assertThat(status.isSuccessful()).isFalse();
            assertThat(status.getCode()).isEqualTo(TxValidationCode.ENDORSEMENT_POLICY_FAILURE);
            return null;
        });
    }
}
