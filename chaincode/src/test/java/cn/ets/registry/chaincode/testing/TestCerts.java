package cn.ets.registry.chaincode.testing;

import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Fabric-CA-style client certificates for tests: ECDSA P-256, subject OU=client, and Fabric CA's
 * attribute extension (OID 1.2.3.4.5.6.7.8.1) whose extnValue is {@code {"attrs":{…}}}. One CA per MSP.
 */
public final class TestCerts {
    static final ASN1ObjectIdentifier FABRIC_ATTRS = new ASN1ObjectIdentifier("1.2.3.4.5.6.7.8.1");
    private static final Map<String, Ca> CAS = new ConcurrentHashMap<>();
    private static final AtomicLong SERIAL = new AtomicLong(1000);

    private TestCerts() {}

    private record Ca(X500Name name, KeyPair keys) {}

    /** A client identity of {@code mspId} named {@code name}; {@code attrs} null means a certificate without the extension. */
    public static TestIdentity identity(String mspId, String name, Map<String, String> attrs) {
        try {
            Ca ca = CAS.computeIfAbsent(mspId, TestCerts::newCa);
            KeyPair kp = newKeyPair();
            Instant now = Instant.now();
            X500Name subject = new X500NameBuilder(BCStyle.INSTANCE)
                    .addRDN(BCStyle.C, "CN")
                    .addRDN(BCStyle.O, mspId)
                    .addRDN(BCStyle.OU, "client")
                    .addRDN(BCStyle.CN, name)
                    .build();
            var b = new JcaX509v3CertificateBuilder(
                    ca.name(),
                    BigInteger.valueOf(SERIAL.incrementAndGet()),
                    Date.from(now.minus(Duration.ofHours(1))),
                    Date.from(now.plus(Duration.ofDays(365))),
                    subject,
                    kp.getPublic());
            b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            if (attrs != null) {
                StringBuilder json = new StringBuilder("{\"attrs\":{");
                boolean first = true;
                for (var e : new TreeMap<>(attrs).entrySet()) {
                    json.append(first ? "" : ",")
                            .append('"')
                            .append(e.getKey())
                            .append("\":\"")
                            .append(e.getValue())
                            .append('"');
                    first = false;
                }
                json.append("}}");
                b.addExtension(FABRIC_ATTRS, false, json.toString().getBytes(StandardCharsets.UTF_8));
            }
            X509Certificate cert = new JcaX509CertificateConverter()
                    .getCertificate(b.build(new JcaContentSignerBuilder("SHA256withECDSA")
                            .build(ca.keys().getPrivate())));
            StringWriter pem = new StringWriter();
            try (JcaPEMWriter w = new JcaPEMWriter(pem)) {
                w.writeObject(cert);
            }
            return new TestIdentity(mspId, name, pem.toString());
        } catch (Exception e) {
            throw new IllegalStateException("cannot issue a test certificate for " + name, e);
        }
    }

    private static Ca newCa(String mspId) {
        X500Name n = new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.O, mspId)
                .addRDN(BCStyle.CN, "ca." + mspId)
                .build();
        return new Ca(n, newKeyPair());
    }

    private static KeyPair newKeyPair() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
            g.initialize(new ECGenParameterSpec("secp256r1"));
            return g.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
