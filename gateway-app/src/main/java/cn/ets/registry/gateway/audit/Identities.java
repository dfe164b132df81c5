package cn.ets.registry.gateway.audit;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.jcajce.provider.asymmetric.util.ECUtil;

/**
 * What an auditor believes about a certificate: that it was issued by a root CA of the
 * organisation it claims (the trust anchors: the MSP root certificates of the channel
 * configuration, or the organisations' CA certificates), its role attribute (Fabric CA's extension
 * 1.2.3.4.5.6.7.8.1) and its node OU. Results are cached per certificate.
 */
public final class Identities {
    private static final String FABRIC_ATTRS = "1.2.3.4.5.6.7.8.1";
    private final Map<String, List<X509Certificate>> rootsByMsp;
    private final Map<String, Checked> cache = new ConcurrentHashMap<>();

    Identities(Map<String, List<X509Certificate>> rootsByMsp) {
        this.rootsByMsp = Map.copyOf(rootsByMsp);
    }

    /**
     * A certificate as the auditor found it: whom it names, whether its organisation's CA issued it,
     * and its EC public key ready for Bouncy Castle's verifier (converted once, not per signature).
     */
    record Checked(
            X509Certificate cert, String msp, boolean trusted, String role, String ou, ECPublicKeyParameters ecKey) {
        PublicKey key() {
            return cert.getPublicKey();
        }
    }

    Checked check(String msp, byte[] pem) {
        String cacheKey = msp + "\n" + new String(pem, StandardCharsets.UTF_8);
        return cache.computeIfAbsent(cacheKey, k -> {
            X509Certificate cert = parse(pem);
            if (cert == null) {
                return new Checked(null, msp, false, null, null, null);
            }
            boolean trusted = false;
            for (X509Certificate root : rootsByMsp.getOrDefault(msp, List.of())) {
                if (cert.getIssuerX500Principal().equals(root.getSubjectX500Principal())
                        && verifies(cert, root.getPublicKey())) {
                    trusted = true;
                    break;
                }
            }
            return new Checked(cert, msp, trusted, role(cert).orElse(null), ou(cert), ecKey(cert.getPublicKey()));
        });
    }

    static ECPublicKeyParameters ecKey(PublicKey key) {
        try {
            return key == null ? null : (ECPublicKeyParameters) ECUtil.generatePublicKeyParameter(key);
        } catch (Exception e) {
            return null;
        }
    }

    static X509Certificate parse(byte[] pem) {
        try {
            return (X509Certificate)
                    CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(pem));
        } catch (CertificateException | RuntimeException e) {
            return null;
        }
    }

    private static boolean verifies(X509Certificate cert, PublicKey issuer) {
        try {
            cert.verify(issuer);
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    static Optional<String> role(X509Certificate cert) {
        byte[] ext = cert.getExtensionValue(FABRIC_ATTRS);
        if (ext == null) {
            return Optional.empty();
        }
        try {
            String json = new String(ASN1OctetString.getInstance(ext).getOctets(), StandardCharsets.UTF_8);
            JsonObject attrs = JsonParser.parseString(json).getAsJsonObject().getAsJsonObject("attrs");
            return attrs != null && attrs.has("role")
                    ? Optional.of(attrs.get("role").getAsString())
                    : Optional.empty();
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The first OU of the subject (Fabric's NodeOUs: client, peer, admin, orderer). */
    static String ou(X509Certificate cert) {
        String dn = cert.getSubjectX500Principal().getName(X500Principal.RFC2253);
        for (String part : dn.split(",")) {
            if (part.startsWith("OU=")) {
                return part.substring(3);
            }
        }
        return null;
    }
}
