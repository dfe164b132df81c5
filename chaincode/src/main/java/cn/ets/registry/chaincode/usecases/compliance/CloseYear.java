package cn.ets.registry.chaincode.usecases.compliance;

import cn.ets.registry.api.ComplianceApi;
import cn.ets.registry.api.ComplianceApi.Closed;
import cn.ets.registry.api.ComplianceApi.ComplianceView;
import cn.ets.registry.chaincode.state.CarryOverBook;
import cn.ets.registry.chaincode.state.ParameterBook;
import cn.ets.registry.chaincode.state.TradeIndex;
import cn.ets.registry.chaincode.state.UnitYears;
import cn.ets.registry.chaincode.tx.Tx;
import cn.ets.registry.chaincode.tx.UseCase;
import cn.ets.registry.domain.DomainException;
import cn.ets.registry.domain.ErrorCode;
import cn.ets.registry.domain.compliance.AveragePrice;
import cn.ets.registry.domain.compliance.PenaltyMonth;
import cn.ets.registry.domain.compliance.PenaltyRange;
import cn.ets.registry.domain.compliance.PricedQuantity;
import cn.ets.registry.domain.compliance.UnitYear;
import cn.ets.registry.domain.identity.Permissions;
import cn.ets.registry.domain.identity.Role;
import cn.ets.registry.domain.policy.PolicyParameters;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * MEE closes a compliance year: each unit short of its obligation gets the fine range (5–10 × the
 * volume-weighted average CEA price of the month ending at the deadline, from the ledger's own
 * settlements) and a deduction from next year's allocation; every unit's carry-over limit is
 * recorded. Emissions and allocations of the year are frozen from then on.
 */
public final class CloseYear implements UseCase<ComplianceApi.CloseYear, Closed> {

    @Override
    public void authorise(Tx tx, ComplianceApi.CloseYear c) {
        Permissions.requireRole(tx.actor(), Role.MEE, "close a compliance year");
    }

    @Override
    public Closed execute(Tx tx, ComplianceApi.CloseYear c) {
        UnitYears years = new UnitYears(tx.state());
        if (years.yearClosed(c.year())) {
            throw new DomainException(
                    ErrorCode.DEADLINE_PASSED,
                    "compliance year " + c.year() + " is already closed",
                    Map.of("year", c.year()));
        }
        PolicyParameters params = new ParameterBook(tx.state()).forYear(c.year());
        PenaltyMonth month = PenaltyMonth.forDeadline(params.surrenderDeadline());
        List<PricedQuantity> trades = new TradeIndex(tx.state()).ceaTrades(month.month());
        BigDecimal average = AveragePrice.volumeWeighted(trades).orElse(null);
        CarryOverBook carry = new CarryOverBook(tx.state());
        List<ComplianceView> units = new ArrayList<>();
        for (UnitYear uy : years.all(c.year())) {
            if (uy.closed()) {
                continue;
            }
            long shortfall = uy.figures().shortfall();
            BigDecimal min = null;
            BigDecimal max = null;
            if (shortfall > 0 && average != null) {
                var penalty = PenaltyRange.compute(shortfall, average, params);
                min = penalty.min();
                max = penalty.max();
            }
            UnitYear closed = uy.closedWith(shortfall > 0 ? average : null, min, max, carry.limit(uy.unitId(), params));
            years.save(closed);
            units.add(ComplianceViews.of(closed));
        }
        years.markClosed(c.year(), tx.txId());
        return new Closed(c.year(), true, month.month().toString(), average, trades.size(), units);
    }
}
