package cn.ets.registry.chaincode.usecases.deposits;

import cn.ets.registry.api.DepositsApi.DepositView;
import cn.ets.registry.api.DepositsApi.Get;
import cn.ets.registry.chaincode.state.Deposits;
import cn.ets.registry.chaincode.tx.Tx;
import cn.ets.registry.chaincode.tx.UseCase;
import cn.ets.registry.domain.deposit.DepositMonth;
import cn.ets.registry.domain.deposit.MonthlyDeposit;

/** Public: the deposit, and with a candidate SHA-256 whether the document matches it. */
public final class ReadDeposit implements UseCase.Public<Get, DepositView> {

    @Override
    public DepositView execute(Tx tx, Get c) {
        MonthlyDeposit d = new Deposits(tx.state()).require(c.unitId(), DepositMonth.parse(c.month()));
        return DepositView.of(d, c.sha256() == null || c.sha256().isBlank() ? null : d.matches(c.sha256()));
    }
}
