package cn.ets.registry.gateway.audit;

import cn.ets.registry.chaincode.json.CanonicalJson;
import cn.ets.registry.domain.account.Holding;
import cn.ets.registry.gateway.ledger.LedgerIdentity;
import cn.ets.registry.gateway.ledger.Signatures;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * What an account held at a block, as its gateway's organisation attests: every holding with the
 * block and transaction that last wrote it, signed with that organisation's key over the canonical
 * JSON of {@link Body}. Anyone can check it against the blocks alone ({@code audit statement FILE}).
 */
public record HoldingStatement(Body statement, String signature) {

    /** @param asOfBlock the last block (embedded: log entry) the holdings reflect */
    public record Body(
            String account,
            long asOfBlock,
            List<Line> holdings,
            String issuedAt,
            String issuerMsp,
            String issuerCertificate) {}

    public record Line(String product, long quantity, long locked, long lastWrittenBlock, String lastWrittenTxId) {}

    /** The statement of {@code account} from a ledger's replay, signed by {@code issuer}. */
    public static HoldingStatement issue(String account, SupplyReplay replay, LedgerIdentity issuer) {
        Body body = new Body(
                account,
                replay.lastBlock(),
                lines(account, replay),
                Instant.now().toString(),
                issuer.mspId(),
                issuer.certificatePem());
        byte[] sig = Signatures.sign(issuer.privateKey(), bytes(body));
        return new HoldingStatement(body, Base64.getEncoder().encodeToString(sig));
    }

    static List<Line> lines(String account, SupplyReplay replay) {
        List<Line> out = new ArrayList<>();
        for (Map.Entry<String, Holding> h : replay.holdingsOf(account).entrySet()) {
            SupplyReplay.Written w = replay.lastWriter(account, h.getKey());
            out.add(new Line(
                    h.getKey(),
                    h.getValue().quantity(),
                    h.getValue().locked(),
                    w == null ? -1 : w.block(),
                    w == null ? null : w.txId()));
        }
        return out;
    }

    static byte[] bytes(Body body) {
        return CanonicalJson.write(body).getBytes(StandardCharsets.UTF_8);
    }

    public String json() {
        return CanonicalJson.write(this);
    }

    public static HoldingStatement parse(String json) {
        return CanonicalJson.read(json, HoldingStatement.class);
    }
}
