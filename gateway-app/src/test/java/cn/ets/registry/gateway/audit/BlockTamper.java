package cn.ets.registry.gateway.audit;

import cn.ets.registry.gateway.ledger.Signatures;
import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.hyperledger.fabric.protos.common.Block;
import org.hyperledger.fabric.protos.common.BlockMetadataIndex;
import org.hyperledger.fabric.protos.common.ChannelHeader;
import org.hyperledger.fabric.protos.common.Envelope;
import org.hyperledger.fabric.protos.common.HeaderType;
import org.hyperledger.fabric.protos.common.Metadata;
import org.hyperledger.fabric.protos.common.Payload;
import org.hyperledger.fabric.protos.ledger.rwset.NsReadWriteSet;
import org.hyperledger.fabric.protos.ledger.rwset.TxReadWriteSet;
import org.hyperledger.fabric.protos.ledger.rwset.kvrwset.KVRWSet;
import org.hyperledger.fabric.protos.ledger.rwset.kvrwset.KVWrite;
import org.hyperledger.fabric.protos.peer.ChaincodeAction;
import org.hyperledger.fabric.protos.peer.ChaincodeActionPayload;
import org.hyperledger.fabric.protos.peer.ChaincodeEndorsedAction;
import org.hyperledger.fabric.protos.peer.Endorsement;
import org.hyperledger.fabric.protos.peer.ProposalResponsePayload;
import org.hyperledger.fabric.protos.peer.Transaction;
import org.hyperledger.fabric.protos.peer.TransactionAction;
import org.hyperledger.fabric.protos.peer.TxValidationCode;

/**
 * Tampers with copies of real Fabric block files (as {@code audit --save-blocks} writes them), the
 * ways a forger with the files but not the keys could: change a byte, drop or reorder transactions,
 * forge an endorsement, add a write, strip the orderers' signatures. Where a careful forger would
 * re-hash what it touched (the block's data hash) it does so, to show the check behind the hash.
 */
public final class BlockTamper {
    private final Path dir;

    public BlockTamper(Path dir) {
        this.dir = dir;
    }

    public Block block(long n) {
        try {
            return Block.parseFrom(Files.readAllBytes(file(n)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path file(long n) {
        return dir.resolve(String.format("%08d.block", n));
    }

    private void write(Block b) {
        try {
            Files.write(file(b.getHeader().getNumber()), b.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The first block (from 1) with at least {@code n} valid endorser transactions writing the registry's state. */
    public long blockWithRegistryWrites(int n) {
        for (long k = 1; Files.exists(file(k)); k++) {
            Block b = block(k);
            int count = 0;
            for (int i = 0; i < b.getData().getDataCount(); i++) {
                if (validRegistryWrite(b, i)) {
                    count++;
                }
            }
            if (count >= n) {
                return k;
            }
        }
        throw new IllegalStateException("no block with " + n + " registry transactions in " + dir);
    }

    /**
     * Transaction {@code i} of {@code b} writes the registry's state and the peers marked it valid:
     * the audit checks the signatures of valid transactions only (Fabric keeps invalid ones, unapplied).
     */
    private static boolean validRegistryWrite(Block b, int i) {
        byte[] filter = filter(b);
        return i < filter.length
                && filter[i] == TxValidationCode.VALID_VALUE
                && writesRegistry(b.getData().getData(i));
    }

    private static boolean writesRegistry(ByteString raw) {
        try {
            Payload p = Payload.parseFrom(Envelope.parseFrom(raw).getPayload());
            if (ChannelHeader.parseFrom(p.getHeader().getChannelHeader()).getType()
                    != HeaderType.ENDORSER_TRANSACTION_VALUE) {
                return false;
            }
            for (TransactionAction a : Transaction.parseFrom(p.getData()).getActionsList()) {
                ChaincodeAction cca = ChaincodeAction.parseFrom(
                        ProposalResponsePayload.parseFrom(ChaincodeActionPayload.parseFrom(a.getPayload())
                                        .getAction()
                                        .getProposalResponsePayload())
                                .getExtension());
                if (FabricAudit.CHAINCODE.equals(cca.getChaincodeId().getName())) {
                    for (NsReadWriteSet ns :
                            TxReadWriteSet.parseFrom(cca.getResults()).getNsRwsetList()) {
                        if (FabricAudit.CHAINCODE.equals(ns.getNamespace())
                                && KVRWSet.parseFrom(ns.getRwset()).getWritesCount() > 0) {
                            return true;
                        }
                    }
                }
            }
            return false;
        } catch (InvalidProtocolBufferException e) {
            return false;
        }
    }

    /** Flips one byte in the middle of transaction {@code tx} of block {@code k}; nothing re-hashed. */
    public void flipByte(long k, int tx) {
        Block b = block(k);
        byte[] env = b.getData().getData(tx).toByteArray();
        env[env.length / 2] ^= 0x01;
        write(withData(b, replace(b.getData().getDataList(), tx, ByteString.copyFrom(env)), false));
    }

    /** Removes transaction {@code tx} of block {@code k} (and its validation flag), re-hashing the data. */
    public void drop(long k, int tx) {
        Block b = block(k);
        List<ByteString> data = new ArrayList<>(b.getData().getDataList());
        data.remove(tx);
        byte[] filter = filter(b);
        byte[] shorter = new byte[filter.length - 1];
        for (int i = 0, j = 0; i < filter.length; i++) {
            if (i != tx) {
                shorter[j++] = filter[i];
            }
        }
        write(withFilter(withData(b, data, true), shorter));
    }

    /** Swaps transactions {@code a} and {@code b} of block {@code k} (and their flags), re-hashing the data. */
    public void swap(long k, int a, int b) {
        Block block = block(k);
        List<ByteString> data = new ArrayList<>(block.getData().getDataList());
        ByteString x = data.get(a);
        data.set(a, data.get(b));
        data.set(b, x);
        byte[] filter = filter(block);
        byte f = filter[a];
        filter[a] = filter[b];
        filter[b] = f;
        write(withFilter(withData(block, data, true), filter));
    }

    /** Replaces the first endorsement of transaction {@code tx} with one signed by {@code forger}, re-hashing the data. */
    public void forgeEndorsement(long k, int tx, PrivateKey forger) {
        rewriteAction(k, tx, action -> {
            Endorsement e = action.getEndorsements(0);
            byte[] signed = concat(
                    action.getProposalResponsePayload().toByteArray(),
                    e.getEndorser().toByteArray());
            Endorsement forged = e.toBuilder()
                    .setSignature(ByteString.copyFrom(Signatures.sign(forger, signed)))
                    .build();
            return action.toBuilder().setEndorsements(0, forged).build();
        });
    }

    /** Adds a write to the registry's write set of transaction {@code tx}, re-hashing the data (the endorsements stay). */
    public void addWrite(long k, int tx, String key, String value) {
        rewriteAction(k, tx, action -> {
            try {
                ProposalResponsePayload prp = ProposalResponsePayload.parseFrom(action.getProposalResponsePayload());
                ChaincodeAction cca = ChaincodeAction.parseFrom(prp.getExtension());
                TxReadWriteSet rws = TxReadWriteSet.parseFrom(cca.getResults());
                TxReadWriteSet.Builder changed = rws.toBuilder();
                for (int i = 0; i < rws.getNsRwsetCount(); i++) {
                    NsReadWriteSet ns = rws.getNsRwset(i);
                    if (FabricAudit.CHAINCODE.equals(ns.getNamespace())) {
                        KVRWSet kv = KVRWSet.parseFrom(ns.getRwset()).toBuilder()
                                .addWrites(KVWrite.newBuilder().setKey(key).setValue(ByteString.copyFromUtf8(value)))
                                .build();
                        changed.setNsRwset(i, ns.toBuilder().setRwset(kv.toByteString()));
                    }
                }
                ChaincodeAction forgedAction = cca.toBuilder()
                        .setResults(changed.build().toByteString())
                        .build();
                ProposalResponsePayload forgedPrp = prp.toBuilder()
                        .setExtension(forgedAction.toByteString())
                        .build();
                return action.toBuilder()
                        .setProposalResponsePayload(forgedPrp.toByteString())
                        .build();
            } catch (InvalidProtocolBufferException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** Keeps only the first of the orderers' signatures on block {@code k}. */
    public void keepOneOrdererSignature(long k) {
        Block b = block(k);
        try {
            Metadata md = Metadata.parseFrom(b.getMetadata().getMetadata(BlockMetadataIndex.SIGNATURES_VALUE));
            Metadata one = md.toBuilder()
                    .clearSignatures()
                    .addSignatures(md.getSignatures(0))
                    .build();
            write(b.toBuilder()
                    .setMetadata(b.getMetadata().toBuilder()
                            .setMetadata(BlockMetadataIndex.SIGNATURES_VALUE, one.toByteString()))
                    .build());
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Index of the first transaction of block {@code k} that writes the registry's state. */
    public int registryTransaction(long k) {
        Block b = block(k);
        for (int i = 0; i < b.getData().getDataCount(); i++) {
            if (validRegistryWrite(b, i)) {
                return i;
            }
        }
        throw new IllegalStateException("no registry transaction in block " + k);
    }

    private void rewriteAction(long k, int tx, UnaryOperator<ChaincodeEndorsedAction> change) {
        Block b = block(k);
        try {
            Envelope env = Envelope.parseFrom(b.getData().getData(tx));
            Payload p = Payload.parseFrom(env.getPayload());
            Transaction t = Transaction.parseFrom(p.getData());
            TransactionAction a = t.getActions(0);
            ChaincodeActionPayload cap = ChaincodeActionPayload.parseFrom(a.getPayload());
            ChaincodeActionPayload changed =
                    cap.toBuilder().setAction(change.apply(cap.getAction())).build();
            Transaction t2 = t.toBuilder()
                    .setActions(0, a.toBuilder().setPayload(changed.toByteString()))
                    .build();
            Payload p2 = p.toBuilder().setData(t2.toByteString()).build();
            Envelope env2 = env.toBuilder().setPayload(p2.toByteString()).build();
            write(withData(b, replace(b.getData().getDataList(), tx, env2.toByteString()), true));
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Block withData(Block b, List<ByteString> data, boolean rehash) {
        Block.Builder out =
                b.toBuilder().setData(b.getData().toBuilder().clearData().addAllData(data));
        if (rehash) {
            out.setHeader(
                    b.getHeader().toBuilder().setDataHash(ByteString.copyFrom(FabricAudit.dataHash(out.build()))));
        }
        return out.build();
    }

    private static Block withFilter(Block b, byte[] filter) {
        return b.toBuilder()
                .setMetadata(b.getMetadata().toBuilder()
                        .setMetadata(BlockMetadataIndex.TRANSACTIONS_FILTER_VALUE, ByteString.copyFrom(filter)))
                .build();
    }

    private static byte[] filter(Block b) {
        return b.getMetadata()
                .getMetadata(BlockMetadataIndex.TRANSACTIONS_FILTER_VALUE)
                .toByteArray();
    }

    private static List<ByteString> replace(List<ByteString> data, int i, ByteString value) {
        List<ByteString> out = new ArrayList<>(data);
        out.set(i, value);
        return out;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
