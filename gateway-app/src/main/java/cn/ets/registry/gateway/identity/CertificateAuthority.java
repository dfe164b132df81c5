package cn.ets.registry.gateway.identity;

import cn.ets.registry.chaincode.json.CanonicalJson;
import cn.ets.registry.gateway.ledger.LedgerIdentity;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Security;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * An organisation's certificate authority: issues ECDSA P-256 client certificates carrying Fabric
 * CA's attribute extension ({@code 1.2.3.4.5.6.7.8.1}, {@code {"attrs":{…}}}) and the {@code client}
 * OU that Fabric's NodeOUs classify by — so the chaincode's identity code runs exactly as on Fabric.
 */
public final class CertificateAuthority {
    static final ASN1ObjectIdentifier FABRIC_ATTRS = new ASN1ObjectIdentifier("1.2.3.4.5.6.7.8.1");
    private static final SecureRandom RANDOM = new SecureRandom();

    static {
        if (Security.getProvider(BouncyCastleProvider.PROVIDER_NAME) == null) {
            Security.addProvider(new BouncyCastleProvider());
        }
    }

    private final String organisation;
    private final String mspId;
    private final X509Certificate certificate;
    private final PrivateKey key;

    public CertificateAuthority(String organisation, String mspId, X509Certificate certificate, PrivateKey key) {
        this.organisation = Objects.requireNonNull(organisation, "organisation");
        this.mspId = Objects.requireNonNull(mspId, "mspId");
        this.certificate = Objects.requireNonNull(certificate, "certificate");
        this.key = Objects.requireNonNull(key, "key");
    }

    /** A new self-signed root for {@code organisation}, valid ten years. */
    public static CertificateAuthority create(String organisation, String mspId) {
        try {
            KeyPair kp = newKeyPair();
            X500Name subject = name("ca." + organisation.toLowerCase(), organisation, null);
            Instant now = Instant.now();
            X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(
                    subject,
                    serial(),
                    Date.from(now.minus(Duration.ofHours(1))),
                    Date.from(now.plus(Duration.ofDays(3650))),
                    subject,
                    kp.getPublic());
            JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
            b.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
            b.addExtension(
                    Extension.keyUsage,
                    true,
                    new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign | KeyUsage.digitalSignature));
            b.addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(kp.getPublic()));
            X509Certificate cert = sign(b, kp.getPrivate());
            return new CertificateAuthority(organisation, mspId, cert, kp.getPrivate());
        } catch (Exception e) {
            throw new IllegalStateException("cannot create the CA of " + organisation, e);
        }
    }

    /** Issues a client identity named {@code name} with the given Fabric attributes. */
    public LedgerIdentity issue(String name, Map<String, String> attributes) {
        return issue(name, "client", attributes);
    }

    /** A node identity ({@code OU=peer}), without attributes: the embedded ledger's endorser, as a Fabric peer's. */
    public LedgerIdentity issuePeer(String name) {
        return issue(name, "peer", Map.of());
    }

    private LedgerIdentity issue(String name, String ou, Map<String, String> attributes) {
        try {
            KeyPair kp = newKeyPair();
            Instant now = Instant.now();
            // Fabric's MSP checks the chain at the certificate's own notBefore, so it may not predate the CA's.
            Instant notBefore = latest(
                    now.minus(Duration.ofHours(1)), certificate.getNotBefore().toInstant());
            Instant notAfter = earliest(
                    now.plus(Duration.ofDays(3650)), certificate.getNotAfter().toInstant());
            X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(
                    certificate,
                    serial(),
                    Date.from(notBefore),
                    Date.from(notAfter),
                    name(name, organisation, ou),
                    kp.getPublic());
            JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
            b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
            b.addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(kp.getPublic()));
            b.addExtension(Extension.authorityKeyIdentifier, false, ext.createAuthorityKeyIdentifier(certificate));
            if (!attributes.isEmpty()) {
                String attrs = CanonicalJson.writeMap(Map.of("attrs", new TreeMap<>(attributes)));
                b.addExtension(FABRIC_ATTRS, false, attrs.getBytes(StandardCharsets.UTF_8));
            }
            X509Certificate cert = sign(b, key);
            return new LedgerIdentity(name, mspId, cert, Pem.write(cert), kp.getPrivate());
        } catch (Exception e) {
            throw new IllegalStateException("cannot issue an identity for " + name, e);
        }
    }

    public String organisation() {
        return organisation;
    }

    public String mspId() {
        return mspId;
    }

    public X509Certificate certificate() {
        return certificate;
    }

    public PrivateKey key() {
        return key;
    }

    private static X500Name name(String cn, String org, String ou) {
        X500NameBuilder n =
                new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.C, "CN").addRDN(BCStyle.O, org);
        if (ou != null) {
            n.addRDN(BCStyle.OU, ou);
        }
        return n.addRDN(BCStyle.CN, cn).build();
    }

    private static Instant latest(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant earliest(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static KeyPair newKeyPair() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC", BouncyCastleProvider.PROVIDER_NAME);
        g.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
        return g.generateKeyPair();
    }

    private static BigInteger serial() {
        return new BigInteger(128, RANDOM);
    }

    private static X509Certificate sign(X509v3CertificateBuilder b, PrivateKey signer) throws Exception {
        var contentSigner = new JcaContentSignerBuilder("SHA256withECDSA")
                .setProvider(BouncyCastleProvider.PROVIDER_NAME)
                .build(signer);
        return new JcaX509CertificateConverter()
                .setProvider(BouncyCastleProvider.PROVIDER_NAME)
                .getCertificate(b.build(contentSigner));
    }
}
