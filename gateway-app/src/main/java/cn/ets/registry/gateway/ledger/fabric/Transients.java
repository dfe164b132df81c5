package cn.ets.registry.gateway.ledger.fabric;

import cn.ets.registry.chaincode.tx.ChaincodeError;
import io.grpc.Status.Code;
import org.hyperledger.fabric.client.GatewayException;
import org.hyperledger.fabric.protos.gateway.ErrorDetail;

/**
 * Which refusals of the Fabric network wrote nothing and pass by themselves, so the gateway tries
 * again instead of answering the client with an error. The peer gateway names them only in its
 * messages (and the peers' and orderers' messages it attaches), so they are read from the text.
 */
final class Transients {
    private Transients() {}

    /**
     * The two endorsing peers simulated against different versions of a key (one had not committed
     * the latest block yet, or a concurrent change landed between them): the proposal was never
     * ordered.
     */
    static boolean endorsementsDiffer(GatewayException e) {
        return text(e).contains("ProposalResponsePayloads do not match");
    }

    /** The orderer refused the broadcast (busy, no leader yet, down): nothing was ordered, the same transaction may be sent again. */
    static boolean ordererRefused(GatewayException e) {
        String t = text(e);
        Code c = e.getStatus().getCode();
        return t.contains("SERVICE_UNAVAILABLE")
                || t.contains("no orderers could successfully process")
                || c == Code.UNAVAILABLE
                || c == Code.RESOURCE_EXHAUSTED;
    }

    /**
     * An orderer already has the transaction (a SmartBFT orderer answers so when the peer gateway's
     * broadcast reached it through another): it may well commit, so its outcome is awaited, never
     * reported as a failure.
     */
    static boolean alreadyOrdered(GatewayException e) {
        return text(e).contains("already processed");
    }

    /**
     * The endorsement failed because the peer of {@code msp}, or its chaincode server, could not be
     * reached — not because the chaincode refused: the connection to that peer is down (UNAVAILABLE
     * without a peer's answer attached), or that organisation's peer answered with something other
     * than the chaincode's coded error. Nothing was ordered, so another organisation's peer may
     * endorse instead where the policy allows.
     */
    static boolean endorserUnreachable(GatewayException e, String msp) {
        if (e.getStatus().getCode() == Code.UNAVAILABLE && e.getDetails().isEmpty()) {
            return true;
        }
        for (ErrorDetail d : e.getDetails()) {
            if (msp.equals(d.getMspId()) && ChaincodeError.parse(d.getMessage()).isEmpty()) {
                return true;
            }
        }
        return false;
    }

    static String text(GatewayException e) {
        StringBuilder all = new StringBuilder(String.valueOf(e.getMessage()));
        for (ErrorDetail d : e.getDetails()) {
            all.append(" | ").append(d.getMessage());
        }
        return all.toString();
    }
}
