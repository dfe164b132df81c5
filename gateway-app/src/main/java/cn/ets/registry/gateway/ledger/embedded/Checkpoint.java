package cn.ets.registry.gateway.ledger.embedded;

import cn.ets.registry.chaincode.json.CanonicalJson;
import cn.ets.registry.gateway.ledger.Signatures;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.util.Base64;

/**
 * The ledger's endorser signs the hash of the log's head every {@link EmbeddedLedger#CHECKPOINT_EVERY}
 * entries (or 250 ms): since each entry's hash covers the one before, the signature covers every
 * entry up to {@code seq}, as a Fabric orderer's signature covers a block. Kept in the metadata
 * column as {@code ckpt:<seq>}; certificates are kept once as {@code cert:<sha256 of the PEM>}.
 */
public record Checkpoint(long seq, String hash, String signerCertSha256, String signature) {
    static final String PREFIX = "ckpt:";
    static final String CERT_PREFIX = "cert:";

    static String key(long seq) {
        return PREFIX + String.format("%020d", seq);
    }

    static Checkpoint sign(long seq, String hash, String signerCertSha256, PrivateKey key) {
        byte[] sig = Signatures.sign(key, signedBytes(seq, hash));
        return new Checkpoint(seq, hash, signerCertSha256, Base64.getEncoder().encodeToString(sig));
    }

    /** What the endorser signs: the sequence number and the head hash there. */
    public static byte[] signedBytes(long seq, String hash) {
        return ("checkpoint\n" + seq + "\n" + hash).getBytes(StandardCharsets.UTF_8);
    }

    byte[] bytes() {
        return CanonicalJson.write(this).getBytes(StandardCharsets.UTF_8);
    }

    static Checkpoint parse(byte[] b) {
        return CanonicalJson.read(new String(b, StandardCharsets.UTF_8), Checkpoint.class);
    }
}
