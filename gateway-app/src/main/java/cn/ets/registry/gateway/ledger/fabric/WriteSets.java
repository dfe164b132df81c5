package cn.ets.registry.gateway.ledger.fabric;

import com.google.protobuf.InvalidProtocolBufferException;
import org.hyperledger.fabric.protos.common.Envelope;
import org.hyperledger.fabric.protos.common.Payload;
import org.hyperledger.fabric.protos.gateway.PreparedTransaction;
import org.hyperledger.fabric.protos.ledger.rwset.NsReadWriteSet;
import org.hyperledger.fabric.protos.ledger.rwset.TxReadWriteSet;
import org.hyperledger.fabric.protos.ledger.rwset.kvrwset.KVRWSet;
import org.hyperledger.fabric.protos.peer.ChaincodeAction;
import org.hyperledger.fabric.protos.peer.ChaincodeActionPayload;
import org.hyperledger.fabric.protos.peer.ChaincodeEvent;
import org.hyperledger.fabric.protos.peer.ProposalResponsePayload;
import org.hyperledger.fabric.protos.peer.Transaction;
import org.hyperledger.fabric.protos.peer.TransactionAction;

/**
 * Reads an endorsed transaction's write set: a transaction that writes nothing and emits no event
 * (a replay answered from its first result, a batch whose every trade was refused) changes nothing,
 * so it is answered from its endorsement and never ordered into a block.
 */
final class WriteSets {
    private WriteSets() {}

    /** True only if the endorsed transaction certainly writes no key and emits no event; when in doubt, false. */
    static boolean changesNothing(byte[] preparedTransaction) {
        try {
            Envelope envelope =
                    PreparedTransaction.parseFrom(preparedTransaction).getEnvelope();
            Transaction tx = Transaction.parseFrom(
                    Payload.parseFrom(envelope.getPayload()).getData());
            if (tx.getActionsCount() == 0) {
                return false;
            }
            for (TransactionAction action : tx.getActionsList()) {
                ChaincodeActionPayload payload = ChaincodeActionPayload.parseFrom(action.getPayload());
                ChaincodeAction chaincode = ChaincodeAction.parseFrom(
                        ProposalResponsePayload.parseFrom(payload.getAction().getProposalResponsePayload())
                                .getExtension());
                if (!chaincode.getEvents().isEmpty()
                        && !ChaincodeEvent.parseFrom(chaincode.getEvents())
                                .getEventName()
                                .isEmpty()) {
                    return false;
                }
                for (NsReadWriteSet ns :
                        TxReadWriteSet.parseFrom(chaincode.getResults()).getNsRwsetList()) {
                    KVRWSet kv = KVRWSet.parseFrom(ns.getRwset());
                    if (kv.getWritesCount() > 0 || kv.getMetadataWritesCount() > 0) {
                        return false;
                    }
                }
            }
            return true;
        } catch (InvalidProtocolBufferException e) {
            return false;
        }
    }
}
