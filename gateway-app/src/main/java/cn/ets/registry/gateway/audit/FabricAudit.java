package cn.ets.registry.gateway.audit;

import static cn.ets.registry.domain.identity.OrganisationRoles.MEE_MSP;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import java.io.IOException;
import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ForkJoinPool;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSequence;
import org.hyperledger.fabric.protos.common.Block;
import org.hyperledger.fabric.protos.common.BlockHeader;
import org.hyperledger.fabric.protos.common.BlockMetadataIndex;
import org.hyperledger.fabric.protos.common.ChannelHeader;
import org.hyperledger.fabric.protos.common.ConfigEnvelope;
import org.hyperledger.fabric.protos.common.Consenter;
import org.hyperledger.fabric.protos.common.Envelope;
import org.hyperledger.fabric.protos.common.HeaderType;
import org.hyperledger.fabric.protos.common.IdentifierHeader;
import org.hyperledger.fabric.protos.common.Metadata;
import org.hyperledger.fabric.protos.common.MetadataSignature;
import org.hyperledger.fabric.protos.common.Payload;
import org.hyperledger.fabric.protos.common.SignatureHeader;
import org.hyperledger.fabric.protos.common.SignaturePolicyEnvelope;
import org.hyperledger.fabric.protos.ledger.rwset.NsReadWriteSet;
import org.hyperledger.fabric.protos.ledger.rwset.TxReadWriteSet;
import org.hyperledger.fabric.protos.ledger.rwset.kvrwset.KVRWSet;
import org.hyperledger.fabric.protos.ledger.rwset.kvrwset.KVWrite;
import org.hyperledger.fabric.protos.msp.SerializedIdentity;
import org.hyperledger.fabric.protos.peer.ApplicationPolicy;
import org.hyperledger.fabric.protos.peer.ChaincodeAction;
import org.hyperledger.fabric.protos.peer.ChaincodeActionPayload;
import org.hyperledger.fabric.protos.peer.ChaincodeEndorsedAction;
import org.hyperledger.fabric.protos.peer.ChaincodeInvocationSpec;
import org.hyperledger.fabric.protos.peer.ChaincodeProposalPayload;
import org.hyperledger.fabric.protos.peer.Endorsement;
import org.hyperledger.fabric.protos.peer.ProposalResponsePayload;
import org.hyperledger.fabric.protos.peer.Transaction;
import org.hyperledger.fabric.protos.peer.TransactionAction;
import org.hyperledger.fabric.protos.peer.TxValidationCode;
import org.hyperledger.fabric.protos.peer.lifecycle.ChaincodeValidationInfo;
import org.hyperledger.fabric.protos.peer.lifecycle.StateData;

/**
 * Audits a Fabric channel from its blocks alone. For every block: the header links to the hash of
 * the one before and its data hash is that of its transactions; it carries valid signatures of a
 * SmartBFT quorum of the consenters of the configuration in force (block 0, the genesis, is the
 * trust anchor itself). For every transaction Fabric marked valid: the creator's signature with a
 * certificate of its organisation's CA, every endorsement's signature, and the endorsing set
 * against the chaincode's endorsement policy as committed in the {@code _lifecycle} namespace (the
 * lifecycle's own transactions against MAJORITY of the organisations' Endorsement policies);
 * transactions Fabric marked invalid are not replayed. The registry namespace's writes are
 * replayed through {@link SupplyReplay}. Signatures of a batch of blocks are checked in parallel.
 */
final class FabricAudit {
    static final String CHAINCODE = "registry";
    private static final String LIFECYCLE = "_lifecycle";
    private static final String IMPLICIT_COLLECTION = "_implicit_org_";
    private static final int BATCH = 64;

    private final int threads;
    private final Consumer<String> progress;
    private final long upTo;
    private final SignatureCheck signatures = new SignatureCheck();
    private final List<Finding> findings = new ArrayList<>();
    private final SupplyReplay replay;
    private final Map<String, byte[]> lifecycleState = new HashMap<>();
    private ChannelConfig config;
    private byte[] previousHeaderHash;
    private long expected;
    private long transactions;
    private long valid;
    private long invalid;

    FabricAudit(AuditOptions options) {
        this.threads = options.threads();
        this.progress = options.progress();
        this.upTo = options.upTo();
        this.replay = new SupplyReplay(findings, options.history());
    }

    static AuditRun run(String source, AuditOptions options) {
        try (BlockSource blocks = BlockSource.open(source)) {
            Iterable<byte[]> read =
                    options.saveBlocks() == null ? blocks : BlockSource.saving(blocks, options.saveBlocks());
            return new FabricAudit(options).audit(read, source);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + source + ": " + e.getMessage(), e);
        }
    }

    AuditRun audit(Iterable<byte[]> blocks, String source) {
        long started = System.nanoTime();
        long cpu0 = Cpu.processNanos();
        ForkJoinPool pool = new ForkJoinPool(threads);
        List<byte[]> batch = new ArrayList<>(BATCH);
        long[] read = {0};
        long index = 0;
        for (byte[] raw : blocks) {
            if (index++ > upTo) {
                break;
            }
            batch.add(raw);
            if (batch.size() == BATCH) {
                process(batch, pool);
                read[0] += batch.size();
                batch.clear();
                progress.accept(
                        read[0] + " blocks, " + transactions + " transactions, " + findings.size() + " findings");
            }
        }
        if (!batch.isEmpty()) {
            process(batch, pool);
            read[0] += batch.size();
        }
        pool.shutdown();
        progress.accept(read[0] + " blocks, " + transactions + " transactions, " + findings.size() + " findings");
        double seconds = (System.nanoTime() - started) / 1e9;
        double cpu = Math.max(1e-9, (Cpu.processNanos() - cpu0) / 1e9);
        return new AuditRun(
                new AuditReport(
                        source,
                        read[0],
                        transactions,
                        valid,
                        invalid,
                        signatures.count(),
                        List.copyOf(replay.supply().values()),
                        findings,
                        List.of(),
                        new AuditReport.Timing(
                                seconds,
                                transactions / Math.max(seconds, 1e-9),
                                signatures.cpuSeconds(),
                                signatures.cpuSeconds() / cpu,
                                threads)),
                replay,
                config == null ? null : config.identities());
    }

    /** A block read on its own (in parallel): parsed, its transactions' signatures checked. */
    private record Parsed(Block block, List<Tx> txs, List<Finding> findings) {}

    /** A transaction of a block as parsed and checked, ready to be replayed in order. */
    private record Tx(
            int index,
            String txId,
            int type,
            boolean markedValid,
            boolean checksPassed,
            String namespace,
            String function,
            boolean creatorIsMee,
            List<KVWrite> registryWrites,
            List<KVWrite> lifecycleWrites,
            List<String> lifecycleCollections,
            List<Identities.Checked> endorsers,
            ConfigEnvelope config) {

        /** A configuration or other non-endorser transaction: nothing to endorse, nothing to replay. */
        static Tx other(int index, String txId, int type, boolean markedValid, ConfigEnvelope config) {
            return new Tx(
                    index,
                    txId,
                    type,
                    markedValid,
                    true,
                    null,
                    null,
                    false,
                    List.of(),
                    List.of(),
                    List.of(),
                    List.of(),
                    config);
        }

        static Tx unreadable(int index) {
            return new Tx(
                    index, null, -1, false, false, null, null, false, List.of(), List.of(), List.of(), List.of(), null);
        }
    }

    private void process(List<byte[]> raws, ForkJoinPool pool) {
        // Parsing and signature checks of creators and endorsers need no order: done in parallel with
        // the configuration in force at the start of the batch. A configuration block in the batch
        // ends the parallel part there, and the rest of the batch is redone once it is applied.
        int i = 0;
        while (i < raws.size()) {
            ChannelConfig cfg = config;
            List<byte[]> rest = raws.subList(i, raws.size());
            List<Parsed> parsed = pool.submit(() -> IntStream.range(0, rest.size())
                            .parallel()
                            .mapToObj(k -> parse(rest.get(k), cfg))
                            .toList())
                    .join();
            for (Parsed p : parsed) {
                i++;
                boolean configChanged = apply(p);
                if (configChanged && i < raws.size()) {
                    break;
                }
            }
        }
    }

    private Parsed parse(byte[] raw, ChannelConfig cfg) {
        List<Finding> out = new ArrayList<>();
        Block block;
        try {
            block = Block.parseFrom(raw);
        } catch (InvalidProtocolBufferException e) {
            out.add(new Finding(-1, null, null, "format", "a block that does not parse: " + e.getMessage()));
            return new Parsed(null, List.of(), out);
        }
        long number = block.getHeader().getNumber();
        List<Tx> txs = new ArrayList<>();
        byte[] filter = metadata(block, BlockMetadataIndex.TRANSACTIONS_FILTER_VALUE);
        List<ByteString> data = block.getData().getDataList();
        for (int t = 0; t < data.size(); t++) {
            boolean markedValid =
                    filter == null || t >= filter.length ? number == 0 : filter[t] == TxValidationCode.VALID_VALUE;
            txs.add(parseTx(number, t, data.get(t), markedValid, cfg, out));
        }
        return new Parsed(block, txs, out);
    }

    /** When the block's first transaction was proposed (the channel header's timestamp), ISO-8601; null if unreadable. */
    private static String blockTime(Block block) {
        try {
            Payload payload = Payload.parseFrom(
                    Envelope.parseFrom(block.getData().getData(0)).getPayload());
            var ts = ChannelHeader.parseFrom(payload.getHeader().getChannelHeader())
                    .getTimestamp();
            return Instant.ofEpochSecond(ts.getSeconds(), ts.getNanos()).toString();
        } catch (InvalidProtocolBufferException | IndexOutOfBoundsException e) {
            return null;
        }
    }

    private Tx parseTx(long block, int t, ByteString raw, boolean markedValid, ChannelConfig cfg, List<Finding> out) {
        try {
            Envelope env = Envelope.parseFrom(raw);
            Payload payload = Payload.parseFrom(env.getPayload());
            ChannelHeader ch = ChannelHeader.parseFrom(payload.getHeader().getChannelHeader());
            if (ch.getType() == HeaderType.CONFIG_VALUE) {
                return Tx.other(
                        t, ch.getTxId(), ch.getType(), markedValid, ConfigEnvelope.parseFrom(payload.getData()));
            }
            if (ch.getType() != HeaderType.ENDORSER_TRANSACTION_VALUE) {
                return Tx.other(t, ch.getTxId(), ch.getType(), markedValid, null);
            }
            boolean ok = true;
            SignatureHeader sh = SignatureHeader.parseFrom(payload.getHeader().getSignatureHeader());
            SerializedIdentity creator = SerializedIdentity.parseFrom(sh.getCreator());
            Identities.Checked creatorId = cfg == null
                    ? null
                    : cfg.identities()
                            .check(creator.getMspid(), creator.getIdBytes().toByteArray());
            if (markedValid) {
                if (creatorId == null || !creatorId.trusted()) {
                    out.add(new Finding(
                            block,
                            t,
                            ch.getTxId(),
                            "creator",
                            "the creator's certificate was not issued by a CA of " + creator.getMspid()));
                    ok = false;
                }
                if (!signatures.verify(
                        creatorId,
                        env.getPayload().toByteArray(),
                        env.getSignature().toByteArray())) {
                    out.add(new Finding(
                            block,
                            t,
                            ch.getTxId(),
                            "creator-signature",
                            "the creator's signature over the transaction does not verify"));
                    ok = false;
                }
            }
            Transaction tx = Transaction.parseFrom(payload.getData());
            String namespace = null;
            String function = null;
            List<KVWrite> registryWrites = new ArrayList<>();
            List<KVWrite> lifecycleWrites = new ArrayList<>();
            List<String> lifecycleCollections = new ArrayList<>();
            List<Identities.Checked> endorsers = new ArrayList<>();
            for (TransactionAction action : tx.getActionsList()) {
                ChaincodeActionPayload cap = ChaincodeActionPayload.parseFrom(action.getPayload());
                ChaincodeEndorsedAction endorsed = cap.getAction();
                ProposalResponsePayload prp = ProposalResponsePayload.parseFrom(endorsed.getProposalResponsePayload());
                ChaincodeAction cca = ChaincodeAction.parseFrom(prp.getExtension());
                namespace = cca.getChaincodeId().getName();
                function = functionOf(cap);
                for (Endorsement e : endorsed.getEndorsementsList()) {
                    SerializedIdentity endorser = SerializedIdentity.parseFrom(e.getEndorser());
                    Identities.Checked id = cfg == null
                            ? null
                            : cfg.identities()
                                    .check(
                                            endorser.getMspid(),
                                            endorser.getIdBytes().toByteArray());
                    byte[] signed = concat(
                            endorsed.getProposalResponsePayload().toByteArray(),
                            e.getEndorser().toByteArray());
                    boolean verified = id != null
                            && id.cert() != null
                            && signatures.verify(id, signed, e.getSignature().toByteArray());
                    if (markedValid && (!verified || !id.trusted())) {
                        out.add(new Finding(
                                block,
                                t,
                                ch.getTxId(),
                                "endorsement",
                                "the endorsement of " + endorser.getMspid()
                                        + (verified
                                                ? " is by a certificate its CA did not issue"
                                                : " does not verify over the endorsed results")));
                        ok = false;
                    }
                    if (verified && id.trusted()) {
                        endorsers.add(id);
                    }
                }
                TxReadWriteSet rws = TxReadWriteSet.parseFrom(cca.getResults());
                for (NsReadWriteSet ns : rws.getNsRwsetList()) {
                    List<KVWrite> writes = KVRWSet.parseFrom(ns.getRwset()).getWritesList();
                    if (CHAINCODE.equals(ns.getNamespace())) {
                        registryWrites.addAll(writes);
                    } else if (LIFECYCLE.equals(ns.getNamespace())) {
                        lifecycleWrites.addAll(writes);
                        ns.getCollectionHashedRwsetList().forEach(c -> lifecycleCollections.add(c.getCollectionName()));
                    }
                }
            }
            boolean mee = creatorId != null
                    && creatorId.trusted()
                    && MEE_MSP.equals(creator.getMspid())
                    && "MEE".equals(creatorId.role());
            return new Tx(
                    t,
                    ch.getTxId(),
                    ch.getType(),
                    markedValid,
                    ok,
                    namespace,
                    function,
                    mee,
                    registryWrites,
                    lifecycleWrites,
                    lifecycleCollections,
                    endorsers,
                    null);
        } catch (InvalidProtocolBufferException | RuntimeException e) {
            out.add(new Finding(block, t, null, "format", "transaction " + t + " does not parse: " + e.getMessage()));
            return Tx.unreadable(t);
        }
    }

    /** In block order: header chain, orderer signatures, endorsement policy, replay; true when the configuration changed. */
    private boolean apply(Parsed p) {
        findings.addAll(p.findings());
        Block block = p.block();
        if (block == null) {
            return false;
        }
        BlockHeader h = block.getHeader();
        long number = h.getNumber();
        if (number != expected) {
            findings.add(
                    new Finding(number, null, null, "sequence", "expected block " + expected + ", found " + number));
        }
        expected = number + 1;
        if (number > 0
                && (previousHeaderHash == null
                        || !ByteString.copyFrom(previousHeaderHash).equals(h.getPreviousHash()))) {
            findings.add(new Finding(number, null, null, "chain", "does not link to the hash of the block before it"));
        }
        if (!ByteString.copyFrom(dataHash(block)).equals(h.getDataHash())) {
            findings.add(new Finding(
                    number, null, null, "data-hash", "the transactions are not those the header's data hash names"));
        }
        previousHeaderHash = sha256(headerBytes(h));
        if (number > 0) {
            checkOrdererSignatures(block);
        }
        boolean configChanged = false;
        for (Tx tx : p.txs()) {
            transactions++;
            if (tx.config() != null) {
                if (number == 0 || tx.markedValid()) {
                    try {
                        config = ChannelConfig.of(tx.config().getConfig());
                        configChanged = true;
                    } catch (InvalidProtocolBufferException e) {
                        findings.add(new Finding(
                                number, tx.index(), tx.txId(), "config", "the channel configuration does not parse"));
                    }
                }
                valid++;
                continue;
            }
            if (!tx.markedValid()) {
                invalid++;
                continue;
            }
            valid++;
            if (!tx.checksPassed()) {
                continue;
            }
            if (!policySatisfied(tx)) {
                findings.add(new Finding(
                        number,
                        tx.index(),
                        tx.txId(),
                        "endorsement-policy",
                        "the endorsers " + msps(tx.endorsers()) + " do not satisfy the endorsement policy of "
                                + tx.namespace()));
                continue;
            }
            for (KVWrite w : tx.lifecycleWrites()) {
                if (w.getIsDelete()) {
                    lifecycleState.remove(w.getKey());
                } else {
                    lifecycleState.put(w.getKey(), w.getValue().toByteArray());
                }
            }
            if (!tx.registryWrites().isEmpty()) {
                List<SupplyReplay.Write> writes = new ArrayList<>();
                for (KVWrite w : tx.registryWrites()) {
                    writes.add(new SupplyReplay.Write(
                            w.getKey(), w.getIsDelete() ? null : w.getValue().toStringUtf8()));
                }
                replay.apply(number, tx.index(), tx.txId(), tx.function(), tx.creatorIsMee(), writes);
            }
        }
        replay.endOfBlock(number, blockTime(p.block()));
        return configChanged;
    }

    private void checkOrdererSignatures(Block block) {
        long number = block.getHeader().getNumber();
        if (config == null) {
            findings.add(new Finding(number, null, null, "orderers", "no channel configuration in force"));
            return;
        }
        byte[] raw = metadata(block, BlockMetadataIndex.SIGNATURES_VALUE);
        Set<Integer> signers = new HashSet<>();
        try {
            Metadata md = raw == null ? Metadata.getDefaultInstance() : Metadata.parseFrom(raw);
            byte[] header = headerBytes(block.getHeader());
            for (MetadataSignature s : md.getSignaturesList()) {
                if (s.getIdentifierHeader().isEmpty()) {
                    continue; // only consenters identified by the configuration count towards the quorum
                }
                int id = IdentifierHeader.parseFrom(s.getIdentifierHeader()).getIdentifier();
                Consenter c = config.consenters().stream()
                        .filter(x -> x.getId() == id)
                        .findFirst()
                        .orElse(null);
                if (c == null) {
                    continue;
                }
                Identities.Checked who =
                        config.identities().check(c.getMspId(), c.getIdentity().toByteArray());
                byte[] signed = concat(
                        md.getValue().toByteArray(), s.getIdentifierHeader().toByteArray(), header);
                if (who.trusted()
                        && signatures.verify(who, signed, s.getSignature().toByteArray())) {
                    signers.add(id);
                }
            }
        } catch (InvalidProtocolBufferException e) {
            findings.add(new Finding(number, null, null, "orderers", "the block's signatures do not parse"));
            return;
        }
        int quorum = ChannelConfig.quorum(config.consenters().size());
        if (signers.size() < quorum) {
            findings.add(new Finding(
                    number,
                    null,
                    null,
                    "orderers",
                    "signed by " + signers.size() + " of " + config.consenters().size() + " consenters; SmartBFT needs "
                            + quorum));
        }
    }

    private boolean policySatisfied(Tx tx) {
        if (LIFECYCLE.equals(tx.namespace())
                && tx.lifecycleWrites().isEmpty()
                && !tx.lifecycleCollections().isEmpty()) {
            // An organisation's approval writes only to its own implicit collection: its Endorsement policy applies.
            for (String collection : tx.lifecycleCollections()) {
                String msp = collection.startsWith(IMPLICIT_COLLECTION)
                        ? collection.substring(IMPLICIT_COLLECTION.length())
                        : null;
                SignaturePolicyEnvelope p =
                        msp == null ? null : config.endorsementPolicies().get(msp);
                if (p == null || !EndorsementPolicy.satisfied(p, tx.endorsers())) {
                    return false;
                }
            }
            return true;
        }
        if (LIFECYCLE.equals(tx.namespace())) {
            // /Channel/Application/LifecycleEndorsement: as the channel configures it, or MAJORITY of
            // the organisations' Endorsement policies when it is implicit.
            if (config.lifecyclePolicy() != null) {
                return EndorsementPolicy.satisfied(config.lifecyclePolicy(), tx.endorsers());
            }
            int satisfied = 0;
            for (String msp : config.applicationMsps()) {
                SignaturePolicyEnvelope p = config.endorsementPolicies().get(msp);
                if (p != null && EndorsementPolicy.satisfied(p, tx.endorsers())) {
                    satisfied++;
                }
            }
            return satisfied > config.applicationMsps().size() / 2;
        }
        SignaturePolicyEnvelope policy = committedPolicy(tx.namespace());
        return policy != null && EndorsementPolicy.satisfied(policy, tx.endorsers());
    }

    /** The endorsement policy of {@code chaincode} as committed on the channel, read from the replayed {@code _lifecycle} state. */
    private SignaturePolicyEnvelope committedPolicy(String chaincode) {
        byte[] raw = lifecycleState.get("namespaces/fields/" + chaincode + "/ValidationInfo");
        if (raw == null) {
            return null;
        }
        try {
            ChaincodeValidationInfo info =
                    ChaincodeValidationInfo.parseFrom(StateData.parseFrom(raw).getBytes());
            ApplicationPolicy ap = ApplicationPolicy.parseFrom(info.getValidationParameter());
            return ap.hasSignaturePolicy() ? ap.getSignaturePolicy() : null;
        } catch (InvalidProtocolBufferException e) {
            return null;
        }
    }

    private static String functionOf(ChaincodeActionPayload cap) throws InvalidProtocolBufferException {
        ChaincodeProposalPayload proposal = ChaincodeProposalPayload.parseFrom(cap.getChaincodeProposalPayload());
        ChaincodeInvocationSpec spec = ChaincodeInvocationSpec.parseFrom(proposal.getInput());
        List<ByteString> args = spec.getChaincodeSpec().getInput().getArgsList();
        return args.isEmpty() ? "" : args.get(0).toStringUtf8();
    }

    private static String msps(List<Identities.Checked> ids) {
        return ids.stream().map(Identities.Checked::msp).sorted().toList().toString();
    }

    private static byte[] metadata(Block block, int index) {
        List<ByteString> md = block.getMetadata().getMetadataList();
        return index < md.size() ? md.get(index).toByteArray() : null;
    }

    /** Fabric's block header encoding: DER of (number, previous hash, data hash), as its orderers sign and hash it. */
    static byte[] headerBytes(BlockHeader h) {
        ASN1EncodableVector v = new ASN1EncodableVector();
        v.add(new ASN1Integer(new BigInteger(Long.toUnsignedString(h.getNumber()))));
        v.add(new DEROctetString(h.getPreviousHash().toByteArray()));
        v.add(new DEROctetString(h.getDataHash().toByteArray()));
        try {
            return new DERSequence(v).getEncoded();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] dataHash(Block block) {
        MessageDigest d = sha256();
        for (ByteString tx : block.getData().getDataList()) {
            d.update(tx.toByteArray());
        }
        return d.digest();
    }

    private static byte[] sha256(byte[] b) {
        return sha256().digest(b);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] out = new byte[n];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }
}
