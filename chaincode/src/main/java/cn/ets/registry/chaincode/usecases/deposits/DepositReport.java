package cn.ets.registry.chaincode.usecases.deposits;

import cn.ets.registry.api.DepositsApi.Deposit;
import cn.ets.registry.api.DepositsApi.DepositView;
import cn.ets.registry.chaincode.state.Books;
import cn.ets.registry.chaincode.state.Deposits;
import cn.ets.registry.chaincode.tx.Tx;
import cn.ets.registry.chaincode.tx.UseCase;
import cn.ets.registry.domain.DomainException;
import cn.ets.registry.domain.account.AccountStatusPolicy;
import cn.ets.registry.domain.deposit.DepositMonth;
import cn.ets.registry.domain.deposit.MonthlyDeposit;
import cn.ets.registry.domain.identity.Permissions;
import cn.ets.registry.domain.identity.Role;
import java.time.YearMonth;
import java.time.ZoneId;

/**
 * A unit deposits the SHA-256 and SM3 digests of its monthly report once (003 专题4); the ledger
 * keeps them with the time and flags deposits after the 40-day window. Repeating the same digests
 * replays the record; other digests for the same month are refused (ALREADY_EXISTS, never rewritten).
 */
public final class DepositReport implements UseCase<Deposit, DepositView> {
    private static final ZoneId MARKET_ZONE = ZoneId.of("Asia/Shanghai");

    @Override
    public void authorise(Tx tx, Deposit c) {
        Permissions.requireHolder(tx.actor(), c.unitId(), "deposit monthly reports");
        if (tx.actor().role() != Role.UNIT) {
            throw Permissions.forbidden(tx.actor(), "deposit monthly reports: only key emitting units do");
        }
    }

    @Override
    public DepositView execute(Tx tx, Deposit c) {
        YearMonth month = DepositMonth.parse(c.month());
        if (!month.isBefore(YearMonth.from(tx.time().atZone(MARKET_ZONE)))) {
            throw DomainException.badRequest("month " + month + " has not ended yet");
        }
        AccountStatusPolicy.requireCanReport(new Books(tx.state()).account(c.unitId()));
        MonthlyDeposit d = MonthlyDeposit.record(c.unitId(), c.month(), c.sha256(), c.sm3(), tx.time());
        new Deposits(tx.state()).save(d);
        return DepositView.of(d, null);
    }
}
