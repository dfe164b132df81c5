package cn.ets.registry.gateway.audit;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hyperledger.fabric.protos.common.Config;
import org.hyperledger.fabric.protos.common.ConfigGroup;
import org.hyperledger.fabric.protos.common.ConfigPolicy;
import org.hyperledger.fabric.protos.common.ConfigValue;
import org.hyperledger.fabric.protos.common.Consenter;
import org.hyperledger.fabric.protos.common.Orderers;
import org.hyperledger.fabric.protos.common.Policy;
import org.hyperledger.fabric.protos.common.SignaturePolicyEnvelope;
import org.hyperledger.fabric.protos.msp.FabricMSPConfig;
import org.hyperledger.fabric.protos.msp.MSPConfig;

/**
 * What an auditor takes from a channel configuration block: each organisation's root (and
 * intermediate) certificates by MSP id — the only trust anchors it uses — the organisations'
 * {@code Endorsement} policies, the channel's {@code LifecycleEndorsement} when it is a signature
 * policy (null: the implicit MAJORITY of the organisations' Endorsement policies), the application
 * organisations, and the SmartBFT consenters with their identities.
 */
record ChannelConfig(
        Map<String, List<X509Certificate>> roots,
        List<String> applicationMsps,
        Map<String, SignaturePolicyEnvelope> endorsementPolicies,
        SignaturePolicyEnvelope lifecyclePolicy,
        List<Consenter> consenters,
        Identities identities) {

    static ChannelConfig of(Config config) throws InvalidProtocolBufferException {
        Map<String, List<X509Certificate>> roots = new HashMap<>();
        List<String> applicationMsps = new ArrayList<>();
        Map<String, SignaturePolicyEnvelope> endorsement = new HashMap<>();
        List<Consenter> consenters = new ArrayList<>();
        ConfigGroup channel = config.getChannelGroup();
        ConfigGroup application = channel.getGroupsMap().get("Application");
        SignaturePolicyEnvelope lifecycle = null;
        if (application != null) {
            ConfigPolicy lp = application.getPoliciesMap().get("LifecycleEndorsement");
            if (lp != null && lp.getPolicy().getType() == Policy.PolicyType.SIGNATURE_VALUE) {
                lifecycle = SignaturePolicyEnvelope.parseFrom(lp.getPolicy().getValue());
            }
            for (ConfigGroup org : application.getGroupsMap().values()) {
                String msp = readMsp(org, roots);
                if (msp != null) {
                    applicationMsps.add(msp);
                    ConfigPolicy p = org.getPoliciesMap().get("Endorsement");
                    if (p != null && p.getPolicy().getType() == Policy.PolicyType.SIGNATURE_VALUE) {
                        endorsement.put(
                                msp,
                                SignaturePolicyEnvelope.parseFrom(p.getPolicy().getValue()));
                    }
                }
            }
        }
        ConfigGroup orderer = channel.getGroupsMap().get("Orderer");
        if (orderer != null) {
            for (ConfigGroup org : orderer.getGroupsMap().values()) {
                readMsp(org, roots);
            }
            ConfigValue mapping = orderer.getValuesMap().get("Orderers");
            if (mapping != null) {
                consenters.addAll(Orderers.parseFrom(mapping.getValue()).getConsenterMappingList());
            }
        }
        applicationMsps.sort(String::compareTo);
        return new ChannelConfig(
                roots,
                List.copyOf(applicationMsps),
                endorsement,
                lifecycle,
                List.copyOf(consenters),
                new Identities(roots));
    }

    private static String readMsp(ConfigGroup org, Map<String, List<X509Certificate>> roots)
            throws InvalidProtocolBufferException {
        ConfigValue value = org.getValuesMap().get("MSP");
        if (value == null) {
            return null;
        }
        MSPConfig msp = MSPConfig.parseFrom(value.getValue());
        FabricMSPConfig fabric = FabricMSPConfig.parseFrom(msp.getConfig());
        List<X509Certificate> certs = roots.computeIfAbsent(fabric.getName(), k -> new ArrayList<>());
        for (ByteString pem : fabric.getRootCertsList()) {
            X509Certificate c = Identities.parse(pem.toByteArray());
            if (c != null) {
                certs.add(c);
            }
        }
        for (ByteString pem : fabric.getIntermediateCertsList()) {
            X509Certificate c = Identities.parse(pem.toByteArray());
            if (c != null) {
                certs.add(c);
            }
        }
        return fabric.getName();
    }

    /** SmartBFT's quorum for {@code n} consenters: ⌈(n + f + 1) / 2⌉ with f = ⌊(n − 1) / 3⌋ — 3 of 4, 5 of 7. */
    static int quorum(int n) {
        int f = (n - 1) / 3;
        return (n + f + 2) / 2;
    }
}
