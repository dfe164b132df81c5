package cn.ets.registry.chaincode.state;

import cn.ets.registry.domain.DomainException;
import cn.ets.registry.domain.ErrorCode;
import cn.ets.registry.domain.deposit.MonthlyDeposit;
import java.time.YearMonth;
import java.util.Map;

/** Monthly key-parameter deposits ({@code deposit~unit~yyyy-MM}). */
public final class Deposits {
    private final LedgerState state;

    public Deposits(LedgerState state) {
        this.state = state;
    }

    public MonthlyDeposit require(String unitId, YearMonth month) {
        return state.get(state.key(Keys.DEPOSIT, unitId, month.toString()), MonthlyDeposit.class)
                .orElseThrow(() -> new DomainException(
                        ErrorCode.NOT_FOUND,
                        "no deposit of " + unitId + " for " + month,
                        Map.of("unitId", unitId, "month", month.toString())));
    }

    public void save(MonthlyDeposit d) {
        state.put(state.key(Keys.DEPOSIT, d.unitId(), d.month().toString()), d);
    }
}
