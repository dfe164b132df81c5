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
 */
record LogEntry(
        long seq,
        String txId,
        String time,
        String msp,
        String creator,
        String creatorCertSha256,
        String function,
        String argsSha256,
        List<Write> writes,
        String eventName,
        String eventPayload,
        String prevHash,
        String hash) {

    record Write(String key, String value) {}

    static final String GENESIS = "0".repeat(64);

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
                writes,
                eventName,
                eventPayload,
                prevHash,
                sha256(CanonicalJson.write(unsealed)));
    }

    boolean sealIntact() {
        return hash != null && hash.equals(sealed().hash());
    }

    byte[] bytes() {
        return CanonicalJson.write(this).getBytes(StandardCharsets.UTF_8);
    }

    static LogEntry parse(byte[] b) {
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
