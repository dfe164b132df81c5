package cn.ets.registry.chaincode.contracts;

import cn.ets.registry.chaincode.TxContext;
import cn.ets.registry.chaincode.json.CanonicalJson;
import cn.ets.registry.chaincode.json.Fields;
import cn.ets.registry.domain.DomainException;
import cn.ets.registry.domain.ErrorCode;
import cn.ets.registry.domain.deposit.DepositMonth;
import cn.ets.registry.domain.deposit.Digest;
import cn.ets.registry.domain.deposit.MonthlyDeposit;
import cn.ets.registry.domain.identity.Permissions;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import org.hyperledger.fabric.contract.Context;
import org.hyperledger.fabric.contract.ContractInterface;
import org.hyperledger.fabric.contract.annotation.Contract;
import org.hyperledger.fabric.contract.annotation.Info;
import org.hyperledger.fabric.contract.annotation.Transaction;

/**
 * Monthly key-parameter deposit (月度存证, 003 专题4): the unit deposits the SHA-256 and SM3 digests
 * of its monthly report once; the ledger keeps them with the time, flags deposits after the 40-day
 * window, and anyone can check a document against them. A deposit is never rewritten.
 */
@Contract(name = "deposits", info = @Info(title = "Monthly key-parameter deposits", version = "1"))
public final class DepositsContract implements ContractInterface {

    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String deposit(Context ctx, String command) {
        return TxContext.run(ctx, tx -> {
            Fields f = Fields.of(command);
            String unitId = f.string("unitId");
            YearMonth month = DepositMonth.parse(f.string("month"));
            String sha256 = Digest.requireSha256(f.string("sha256"));
            String sm3 = Digest.requireSm3(f.string("sm3"));
            Permissions.requireHolder(tx.actor(), unitId, "deposit monthly reports");
            if (tx.actor().role() != cn.ets.registry.domain.identity.Role.UNIT) {
                throw Permissions.forbidden(tx.actor(), "deposit monthly reports: only key emitting units do");
            }
            if (!month.isBefore(YearMonth.from(tx.time().atZone(ZoneId.of("Asia/Shanghai"))))) {
                throw DomainException.badRequest("month " + month + " has not ended yet");
            }
            String key = tx.state().key("deposit", unitId, month.toString());
            var previous = tx.state().get(key, MonthlyDeposit.class);
            if (previous.isPresent()) {
                MonthlyDeposit p = previous.get();
                if (p.sha256().equals(sha256) && p.sm3().equals(sm3)) {
                    Map<String, Object> r = view(p);
                    r.put("replayed", true);
                    return CanonicalJson.writeMap(r);
                }
                throw new DomainException(ErrorCode.ALREADY_EXISTS, "the " + month + " report of " + unitId
                        + " was deposited at " + p.recordedAt() + " and cannot be rewritten", Map.of("unitId", unitId, "month", month.toString()));
            }
            MonthlyDeposit d = MonthlyDeposit.record(unitId, month.toString(), sha256, sm3, tx.time());
            tx.state().put(key, d);
            Map<String, Object> r = view(d);
            r.put("replayed", false);
            Map<String, Object> event = new LinkedHashMap<>(r);
            event.putAll(tx.attribution());
            tx.emit("MonthlyReportDeposited", event);
            return CanonicalJson.writeMap(r);
        });
    }

    /** Public: the deposit, and with a candidate SHA-256 whether the document matches it. */
    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String get(Context ctx, String unitId, String month, String sha256) {
        return TxContext.run(ctx, tx -> {
            YearMonth m = DepositMonth.parse(month);
            MonthlyDeposit d = tx.state().get(tx.state().key("deposit", unitId, m.toString()), MonthlyDeposit.class)
                    .orElseThrow(() -> new DomainException(ErrorCode.NOT_FOUND, "no deposit of " + unitId + " for " + m,
                            Map.of("unitId", unitId, "month", m.toString())));
            Map<String, Object> r = view(d);
            if (sha256 != null && !sha256.isBlank()) {
                r.put("matches", d.matches(sha256));
            }
            return CanonicalJson.writeMap(r);
        });
    }

    private static Map<String, Object> view(MonthlyDeposit d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("unitId", d.unitId());
        m.put("month", d.month().toString());
        m.put("sha256", d.sha256());
        m.put("sm3", d.sm3());
        m.put("recordedAt", d.recordedAt().toString());
        m.put("late", d.late());
        return m;
    }
}
