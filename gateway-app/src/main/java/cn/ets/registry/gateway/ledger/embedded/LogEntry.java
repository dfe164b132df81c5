package cn.ets.registry.gateway.ledger.embedded;

import cn.ets.registry.chaincode.json.CanonicalJson;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * One committed transaction in the embedded ledger's append-only log. {@code hash} covers every
 * other field including {@code prevHash}, so rewriting any past entry breaks the chain from there on.
 * {@code creatorSignature} is the caller's own ECDSA signature over its command
 * ({@link SignedCommand}), made with its private key, verifiable with its certificate (kept once per
 * certificate, by {@code creatorCertSha256}); checkpoints signed by the ledger's endorser cover the
 * chain up to their entry, as orderer signatures cover a Fabric block.
 */
public record LogEntry(
        long seq,
        String txId,
        String time,
        String msp,
        String creator,
        String creatorCertSha256,
        String function,
        String argsSha256,
        String creatorSignature,
        List<Write> writes,
        String eventName,
        String eventPayload,
        String prevHash,
        String hash) {

    public record Write(String key, String value) {}

    /** What the caller signs: its transaction, when, as whom, which function, and the digest of its arguments. */
    public record SignedCommand(String args, String function, String msp, String time, String txId) {
        public byte[] bytes() {
            return CanonicalJson.write(this).getBytes(StandardCharsets.UTF_8);
        }
    }

    public SignedCommand signedCommand() {
        return new SignedCommand(argsSha256, function, msp, time, txId);
    }

    public static final String GENESIS = "0".repeat(64);

    LogEntry sealed() {
        LogEntry unsealed = new LogEntry(
                seq,
                txId,
                time,
                msp,
                creator,
                creatorCertSha256,
                function,
                argsSha256,
                creatorSignature,
                writes,
                eventName,
                eventPayload,
                prevHash,
                null);
        return new LogEntry(
                seq,
                txId,
                time,
                msp,
                creator,
                creatorCertSha256,
                function,
                argsSha256,
                creatorSignature,
                writes,
                eventName,
                eventPayload,
                prevHash,
                sha256(CanonicalJson.write(unsealed)));
    }

    /**
     * The seal checked on the stored bytes, without serialising again: they are the entry's canonical
     * JSON, so without their {@code "hash"} member they are exactly what was hashed.
     */
    public static boolean sealIntact(byte[] stored, String hash) {
        if (hash == null) {
            return false;
        }
        String s = new String(stored, StandardCharsets.UTF_8);
        String member = ",\"hash\":\"" + hash + "\"";
        int i = s.indexOf(member);
        return i > 0
                && sha256(s.substring(0, i) + s.substring(i + member.length())).equals(hash);
    }

    public boolean sealIntact() {
        return hash != null && hash.equals(sealed().hash());
    }

    byte[] bytes() {
        return CanonicalJson.write(this).getBytes(StandardCharsets.UTF_8);
    }

    public static LogEntry parse(byte[] b) {
        return CanonicalJson.read(new String(b, StandardCharsets.UTF_8), LogEntry.class);
    }

    static String sha256(String s) {
        return sha256(s.getBytes(StandardCharsets.UTF_8));
    }

    static String sha256(byte[] b) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
