package cn.ets.registry.gateway.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.ets.registry.gateway.Registry;
import cn.ets.registry.gateway.audit.AuditCommand;
import cn.ets.registry.gateway.audit.AuditReport;
import cn.ets.registry.gateway.audit.BlockTamper;
import cn.ets.registry.gateway.ledger.LedgerIdentity;
import cn.ets.registry.gateway.ledger.fabric.NetworkConfig;
import cn.ets.registry.gateway.testing.LifecycleScenario;
import cn.ets.registry.gateway.testing.RegistryClient;
import com.google.gson.JsonObject;
import io.grpc.Grpc;
import io.grpc.ManagedChannel;
import io.grpc.TlsChannelCredentials;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.hyperledger.fabric.client.Contract;
import org.hyperledger.fabric.client.Gateway;
import org.hyperledger.fabric.client.Hash;
import org.hyperledger.fabric.client.Network;
import org.hyperledger.fabric.client.SubmitException;
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
    private static final List<String> ORGS =
            List.of("Registry", "MEE", "Exchange", "ProvinceHB", "ProvinceGD", "Audit", "Bank");
    private static final List<Registry> gateways = new ArrayList<>();
    private static final RegistryClient api = new RegistryClient();
    private static Path network;
    /** The blocks the audit read from the Audit organisation's own peer, for the tamper tests. */
    private static Path blocks;

    private static long auditedBlocks;

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

    /** 2026 and 2027 (2025 still open from the full cycle): runs after it, and closes both years. */
    @Test
    @Order(4)
    void two_consecutive_compliance_years_run_through_the_organisations_gateways_on_fabric() {
        long t0 = System.nanoTime();
        new TwoYearsScenario(api).run();
        System.out.printf("[e2e] two compliance years on Fabric in %d ms%n", (System.nanoTime() - t0) / 1_000_000);
    }

    /** A settlement day with the settlement bank: the exchange's, the bank's and the registry's gateways. */
    @Test
    @Order(5)
    void a_settlement_day_with_the_bank_runs_through_the_organisations_gateways_on_fabric() throws Exception {
        long t0 = System.nanoTime();
        new DvpDayScenario(api).run();
        System.out.printf("[e2e] DvP settlement day on Fabric in %d ms%n", (System.nanoTime() - t0) / 1_000_000);
    }

    @Test
    @Order(6)
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
    @Order(7)
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
                    "{\"requestId\":\"stall-" + System.nanoTime() + "\",\"product\":\"CEA-2024\",\"quantity\":1}");
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

    /** A Fabric Gateway SDK connection of {@code identity} to its own organisation's peer. */
    private static <T> T withGateway(String org, String identity, GatewayWork<T> work) throws Exception {
        return withNetwork(
                org,
                identity,
                (net, cfg) -> work.run(net.getContract(cfg.chaincode().name())));
    }

    /** The channel as {@code identity} sees it through its own organisation's peer. */
    private static <T> T withNetwork(String org, String identity, NetworkWork<T> work) throws Exception {
        LedgerIdentity id = gateways.get(ORGS.indexOf(org)).identities().identity(identity);
        NetworkConfig cfg = NetworkConfig.read(network);
        NetworkConfig.Org o = cfg.org(org);
        ManagedChannel channel = Grpc.newChannelBuilder(
                        o.peer().endpoint(),
                        TlsChannelCredentials.newBuilder()
                                .trustManager(new File(o.peer().tlsRootCert()))
                                .build())
                .overrideAuthority(o.peer().hostnameOverride())
                .build();
        try (Gateway gw = Gateway.newInstance()
                .identity(new X509Identity(id.mspId(), id.certificate()))
                .signer(Signers.newPrivateKeySigner(id.privateKey()))
                .hash(Hash.SHA256)
                .connection(channel)
                .connect()) {
            return work.run(gw.getNetwork(cfg.channel()), cfg);
        } finally {
            channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        }
    }

    interface GatewayWork<T> {
        T run(Contract contract) throws Exception;
    }

    interface NetworkWork<T> {
        T run(Network network, NetworkConfig config) throws Exception;
    }

    /** A replay and a batch whose every trade is refused change nothing, so they are not ordered into a block. */
    @Test
    @Order(8)
    void a_transaction_that_changes_nothing_adds_no_block() throws Exception {
        String issuance = "{\"requestId\":\"noop-" + System.nanoTime() + "\",\"product\":\"CEA-2024\",\"quantity\":1}";
        assertThat(api.post("mee", "/api/v1/issuances", issuance).status()).isEqualTo(201);
        long height = height();
        var replay = api.post("mee", "/api/v1/issuances", issuance);
        assertThat(replay.replayed()).isTrue();
        var batch = api.post(
                "exchange",
                "/api/v1/settlements/batch",
                "{\"trades\":[{\"tradeId\":\"noop-T-" + System.nanoTime()
                        + "\",\"product\":\"CEA-2024\",\"seller\":\"NOPE\","
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
        return withNetwork(
                "MEE",
                "mee",
                (net, cfg) -> BlockchainInfo.parseFrom(
                                net.getContract("qscc").evaluateTransaction("GetChainInfo", cfg.channel()))
                        .getHeight());
    }

    @Test
    @Order(9)
    void fabric_itself_rejects_a_change_that_the_registry_did_not_endorse() throws Exception {
        withGateway("MEE", "mee", contract -> {
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

    /** The auditor reads through its own peer, and Fabric itself refuses it as a writer, whatever it sends. */
    @Test
    @Order(10)
    void the_audit_organisation_reads_through_its_own_peer_and_is_no_writer() throws Exception {
        assertThat(api.get("auditor", "/api/v1/supply").status()).isEqualTo(200);
        withGateway("Audit", "auditor", contract -> {
            // A proposal the chaincode answers (a read), endorsed as the policy wants: the orderer still refuses it.
            var tx = contract.newProposal("supply:get")
                    .setEndorsingOrganizations("RegistryMSP", "MEEMSP")
                    .build()
                    .endorse();
            assertThatThrownBy(tx::submit).isInstanceOf(SubmitException.class);
            return null;
        });
    }

    /** Concurrent commands of unrelated accounts share blocks: the tamper tests reorder two of them. */
    @Test
    @Order(11)
    void concurrent_commands_of_different_accounts_commit_side_by_side() throws Exception {
        String run = Long.toString(System.nanoTime(), 36);
        List<Thread> threads = new ArrayList<>();
        List<Integer> statuses = Collections.synchronizedList(new ArrayList<>());
        for (int i = 0; i < 8; i++) {
            String body = "{\"id\":\"HB-PAR-" + run + "-" + i + "\",\"type\":\"UNIT\",\"name\":\"Parallel " + i
                    + "\",\"province\":\"HB\",\"sector\":\"POWER\"}";
            Thread t = new Thread(() -> statuses.add(
                    api.post("province-HB", "/api/v1/accounts", body).status()));
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            t.join();
        }
        assertThat(statuses).hasSize(8).containsOnly(201);
    }

    /** The test command's audit: from the Audit organisation's own peer, every block since the genesis. */
    @Test
    @Order(12)
    void the_audit_of_the_ledger_the_suite_leaves_passes_from_the_audit_organisations_peer() throws Exception {
        blocks = Files.createTempDirectory("fabric-blocks");
        AuditReport r = AuditCommand.run("fabric:" + network + ":Audit", null, 2, m -> {}, Duration.ZERO, blocks);
        System.out.println("[e2e] " + r.blocks() + " blocks, " + r.transactions() + " transactions audited in "
                + String.format("%.1f s", r.timing().seconds()));
        assertThat(r.findings()).as("findings").isEmpty();
        auditedBlocks = r.blocks();
        assertThat(r.validTransactions()).isGreaterThan(50);
        assertThat(r.supply()).anySatisfy(p -> assertThat(p.surrendered()).isPositive());
        assertThat(AuditCommand.run("blocks:" + blocks, null, 2, m -> {}, Duration.ZERO)
                        .findings())
                .isEmpty();
    }

    @Test
    @Order(13)
    void a_flipped_byte_in_a_block_is_caught_at_that_block() throws Exception {
        Path copy = copyBlocks();
        BlockTamper t = new BlockTamper(copy);
        long k = t.blockWithRegistryWrites(1);
        t.flipByte(k, t.registryTransaction(k));
        assertCaught(copy, k, null, "data-hash");
    }

    @Test
    @Order(14)
    void a_dropped_transaction_is_caught_even_with_the_data_hash_redone() throws Exception {
        Path copy = copyBlocks();
        BlockTamper t = new BlockTamper(copy);
        long k = t.blockWithRegistryWrites(1);
        t.drop(k, t.registryTransaction(k));
        assertCaught(copy, k, null, "orderers");
    }

    @Test
    @Order(15)
    void two_reordered_transactions_are_caught_even_with_the_data_hash_redone() throws Exception {
        Path copy = copyBlocks();
        BlockTamper t = new BlockTamper(copy);
        long k = t.blockWithRegistryWrites(2);
        t.swap(k, 0, 1);
        assertCaught(copy, k, null, "orderers");
    }

    @Test
    @Order(16)
    void a_forged_endorsement_is_caught_at_its_transaction() throws Exception {
        Path copy = copyBlocks();
        BlockTamper t = new BlockTamper(copy);
        long k = t.blockWithRegistryWrites(1);
        int tx = t.registryTransaction(k);
        t.forgeEndorsement(
                k,
                tx,
                gateways.get(ORGS.indexOf("Exchange"))
                        .identities()
                        .identity("exchange")
                        .privateKey());
        assertCaught(copy, k, tx, "endorsement");
    }

    @Test
    @Order(17)
    void a_write_no_endorser_signed_is_caught_at_its_transaction() throws Exception {
        Path copy = copyBlocks();
        BlockTamper t = new BlockTamper(copy);
        long k = t.blockWithRegistryWrites(1);
        int tx = t.registryTransaction(k);
        t.addWrite(k, tx, "\u0000hold\u0000FORGED\u0000CEA-2024\u0000", "{\"locked\":0,\"quantity\":1000000}");
        assertCaught(copy, k, tx, "endorsement");
    }

    @Test
    @Order(18)
    void a_block_signed_by_one_orderer_only_is_caught() throws Exception {
        Path copy = copyBlocks();
        BlockTamper t = new BlockTamper(copy);
        long k = t.blockWithRegistryWrites(1);
        t.keepOneOrdererSignature(k);
        assertCaught(copy, k, null, "orderers");
    }

    /** Public disclosure on Fabric: anyone, without a token, through the Audit organisation's own gateway. */
    @Test
    @Order(19)
    void anyone_reads_public_disclosure_through_the_audit_gateway_whose_own_audit_passes() throws Exception {
        String audit = api.endpoint("auditor").baseUrl();
        String registry = api.endpoint("registry").baseUrl();
        var supply = api.get("registry", "/api/v1/supply");
        assertThat(RegistryClient.anonymous(audit, "/api/v1/supply").body()).isEqualTo(supply.body());
        assertThat(RegistryClient.anonymous(registry, "/api/v1/supply").body()).isEqualTo(supply.body());
        assertThat(RegistryClient.anonymous(audit, "/api/v1/compliance/2024").status())
                .isEqualTo(200);
        JsonObject status = null;
        for (int i = 0; i < 150; i++) {
            status = RegistryClient.anonymous(audit, "/api/v1/public/audit").json();
            if (status.get("lastBlock").getAsLong() >= auditedBlocks - 1) {
                break;
            }
            Thread.sleep(200);
        }
        System.out.println("[e2e] the Audit gateway's own audit: " + status);
        assertThat(status.get("status").getAsString()).as("%s", status).isEqualTo("PASSED");
        assertThat(status.get("ledger").getAsString()).isEqualTo("fabric");
        assertThat(status.get("lastBlock").getAsLong()).isGreaterThanOrEqualTo(auditedBlocks - 1);
        JsonObject history = RegistryClient.anonymous(audit, "/api/v1/public/supply/history?product=CEA-2024")
                .json();
        assertThat(history.getAsJsonArray("points")).isNotEmpty();
        assertThat(RegistryClient.anonymous(audit, "/api/v1/accounts/MEE").status())
                .isEqualTo(401);
    }

    private static void assertCaught(Path copy, long block, Integer tx, String check) {
        AuditReport r = AuditCommand.run("blocks:" + copy, null, 2, m -> {}, Duration.ZERO);
        assertThat(r.passed()).as("the audit of tampered blocks fails").isFalse();
        assertThat(r.findings())
                .as("a [%s] finding at block %d%s among %s", check, block, tx == null ? "" : ", tx " + tx, r.findings())
                .anySatisfy(f -> {
                    assertThat(f.check()).isEqualTo(check);
                    assertThat(f.block()).isEqualTo(block);
                    if (tx != null) {
                        assertThat(f.tx()).isEqualTo(tx);
                    }
                });
    }

    private static Path copyBlocks() throws Exception {
        assertThat(blocks).as("the audit test saved the blocks").isNotNull();
        Path copy = Files.createTempDirectory("tampered-blocks");
        try (Stream<Path> files = Files.list(blocks)) {
            for (Path f : files.toList()) {
                Files.copy(f, copy.resolve(f.getFileName()));
            }
        }
        return copy;
    }
}
