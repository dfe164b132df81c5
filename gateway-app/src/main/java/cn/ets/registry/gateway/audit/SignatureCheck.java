package cn.ets.registry.gateway.audit;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;

/**
 * Verifies ECDSA P-256 / SHA-256 signatures (DER, as Fabric writes them) with Bouncy Castle's
 * lightweight signer on keys converted once ({@link Identities.Checked#ecKey()}), and counts them
 * with the CPU time they take on every verifying thread.
 */
final class SignatureCheck {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private final AtomicLong count = new AtomicLong();
    private final AtomicLong nanos = new AtomicLong();

    boolean verify(Identities.Checked signer, byte[] message, byte[] signature) {
        return verify(signer == null ? null : signer.ecKey(), message, signature);
    }

    boolean verify(ECPublicKeyParameters key, byte[] message, byte[] signature) {
        long t0 = THREADS.getCurrentThreadCpuTime();
        try {
            if (key == null || signature == null) {
                return false;
            }
            BigInteger[] rs = decode(signature);
            if (rs == null) {
                return false;
            }
            ECDSASigner verifier = new ECDSASigner();
            verifier.init(false, key);
            return verifier.verifySignature(sha256(message), rs[0], rs[1]);
        } catch (RuntimeException e) {
            return false;
        } finally {
            nanos.addAndGet(THREADS.getCurrentThreadCpuTime() - t0);
            count.incrementAndGet();
        }
    }

    private static BigInteger[] decode(byte[] der) {
        try {
            ASN1Sequence seq = ASN1Sequence.getInstance(der);
            if (seq.size() != 2) {
                return null;
            }
            return new BigInteger[] {
                ASN1Integer.getInstance(seq.getObjectAt(0)).getValue(),
                ASN1Integer.getInstance(seq.getObjectAt(1)).getValue()
            };
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static byte[] sha256(byte[] message) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(message);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    long count() {
        return count.get();
    }

    double cpuSeconds() {
        return nanos.get() / 1e9;
    }
}
