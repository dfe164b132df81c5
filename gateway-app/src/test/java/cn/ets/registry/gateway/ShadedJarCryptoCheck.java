package cn.ets.registry.gateway;

import cn.ets.registry.gateway.identity.CertificateAuthority;
import cn.ets.registry.gateway.identity.Pem;
import cn.ets.registry.gateway.ledger.LedgerIdentity;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.Security;
import java.security.Signature;
import java.util.HexFormat;
import java.util.Map;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.hyperledger.fabric.client.identity.Signers;

/**
 * Run by {@link ShadedJarStartsIT} in a JVM whose classpath is the shaded jar first (so Bouncy Castle
 * and fabric-gateway come from the jar as shipped, with whatever it leaves out), then test-classes for
 * this class only. Exercises the crypto the gateway relies on; prints one line per check and exits 1
 * on the first failure.
 */
public final class ShadedJarCryptoCheck {
    /** SM3("abc"), example 1 of GB/T 32905-2016. */
    private static final String SM3_ABC = "66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0";

    private ShadedJarCryptoCheck() {}

    public static void main(String[] args) {
        try {
            run();
            System.out.println("crypto check: OK");
        } catch (Throwable t) {
            System.out.println("crypto check: FAILED");
            t.printStackTrace(System.out);
            System.exit(1);
        }
    }

    private static void run() throws Exception {
        // The provider's constructor loads its algorithm classes, PQC key factories included.
        CertificateAuthority ca = CertificateAuthority.create("Registry", "RegistryMSP");
        System.out.println("BouncyCastleProvider "
                + Security.getProvider(BouncyCastleProvider.PROVIDER_NAME).getVersionStr() + " registered; CA "
                + ca.certificate().getSubjectX500Principal().getName());

        LedgerIdentity id = ca.issue("probe", Map.of("role", "MEE"));
        id.certificate().verify(ca.certificate().getPublicKey());
        check(
                id.certificate().getSigAlgName().equalsIgnoreCase("SHA256withECDSA"),
                "certificate signed with " + id.certificate().getSigAlgName());
        System.out.println("X.509 issued and verified: "
                + id.certificate().getSubjectX500Principal().getName());

        check(Pem.certificate(id.certificatePem()).equals(id.certificate()), "PEM certificate round trip");
        check(Pem.privateKey(Pem.write(id.privateKey())).equals(id.privateKey()), "PEM private key round trip");
        System.out.println("PEM round trip of certificate and key");

        byte[] message = "carbon registry".getBytes(StandardCharsets.UTF_8);
        Signature s = Signature.getInstance("SHA256withECDSA", BouncyCastleProvider.PROVIDER_NAME);
        s.initSign(id.privateKey());
        s.update(message);
        byte[] sig = s.sign();
        Signature v = Signature.getInstance("SHA256withECDSA");
        v.initVerify(id.certificate());
        v.update(message);
        check(v.verify(sig), "ECDSA P-256 signature by BC verified by the JDK");

        byte[] digest = MessageDigest.getInstance("SHA-256").digest(message);
        byte[] fabricSig = Signers.newPrivateKeySigner(id.privateKey()).sign(digest);
        Signature fv = Signature.getInstance("NONEwithECDSA");
        fv.initVerify(id.certificate());
        fv.update(digest);
        check(fv.verify(fabricSig), "fabric-gateway signer's signature verifies");
        System.out.println("ECDSA P-256 signatures (BC, fabric-gateway) verified");

        byte[] abc = "abc".getBytes(StandardCharsets.US_ASCII);
        String viaProvider = HexFormat.of()
                .formatHex(MessageDigest.getInstance("SM3", BouncyCastleProvider.PROVIDER_NAME)
                        .digest(abc));
        SM3Digest d = new SM3Digest();
        d.update(abc, 0, abc.length);
        byte[] out = new byte[d.getDigestSize()];
        d.doFinal(out, 0);
        check(viaProvider.equals(SM3_ABC), "SM3 via the provider: " + viaProvider);
        check(HexFormat.of().formatHex(out).equals(SM3_ABC), "SM3 via SM3Digest");
        System.out.println("SM3(\"abc\") = " + viaProvider);
    }

    private static void check(boolean ok, String what) {
        if (!ok) {
            throw new AssertionError(what);
        }
    }
}
