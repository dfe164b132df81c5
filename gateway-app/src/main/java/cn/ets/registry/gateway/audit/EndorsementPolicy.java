package cn.ets.registry.gateway.audit;

import com.google.protobuf.InvalidProtocolBufferException;
import java.util.List;
import org.hyperledger.fabric.protos.common.MSPPrincipal;
import org.hyperledger.fabric.protos.common.MSPRole;
import org.hyperledger.fabric.protos.common.SignaturePolicy;
import org.hyperledger.fabric.protos.common.SignaturePolicyEnvelope;

/**
 * Evaluates a Fabric signature policy (n-out-of over MSP principals) against the identities that
 * validly endorsed a transaction, the way Fabric's own evaluator does: each principal is satisfied
 * by an identity not used by another principal of the same branch, and an n-out-of rule counts the
 * sub-rules satisfied in order. Only role principals are used on this network (member, peer,
 * client, admin; a peer or client is told by its certificate's organisational unit).
 */
final class EndorsementPolicy {
    private EndorsementPolicy() {}

    static boolean satisfied(SignaturePolicyEnvelope envelope, List<Identities.Checked> endorsers) {
        boolean[] used = new boolean[endorsers.size()];
        return evaluate(envelope.getRule(), envelope.getIdentitiesList(), endorsers, used);
    }

    private static boolean evaluate(
            SignaturePolicy rule, List<MSPPrincipal> principals, List<Identities.Checked> endorsers, boolean[] used) {
        if (rule.hasNOutOf()) {
            int satisfied = 0;
            boolean[] trial = new boolean[used.length];
            for (SignaturePolicy sub : rule.getNOutOf().getRulesList()) {
                System.arraycopy(used, 0, trial, 0, used.length);
                if (evaluate(sub, principals, endorsers, trial)) {
                    satisfied++;
                    System.arraycopy(trial, 0, used, 0, used.length);
                }
            }
            return satisfied >= rule.getNOutOf().getN();
        }
        int index = rule.getSignedBy();
        if (index < 0 || index >= principals.size()) {
            return false;
        }
        MSPPrincipal principal = principals.get(index);
        for (int i = 0; i < endorsers.size(); i++) {
            if (!used[i] && satisfies(endorsers.get(i), principal)) {
                used[i] = true;
                return true;
            }
        }
        return false;
    }

    static boolean satisfies(Identities.Checked id, MSPPrincipal principal) {
        if (!id.trusted() || principal.getPrincipalClassification() != MSPPrincipal.Classification.ROLE) {
            return false;
        }
        MSPRole role;
        try {
            role = MSPRole.parseFrom(principal.getPrincipal());
        } catch (InvalidProtocolBufferException e) {
            return false;
        }
        if (!role.getMspIdentifier().equals(id.msp())) {
            return false;
        }
        return switch (role.getRole()) {
            case MEMBER -> true;
            case PEER -> "peer".equals(id.ou());
            case CLIENT -> "client".equals(id.ou());
            case ADMIN -> "admin".equals(id.ou());
            case ORDERER -> "orderer".equals(id.ou());
            default -> false;
        };
    }
}
