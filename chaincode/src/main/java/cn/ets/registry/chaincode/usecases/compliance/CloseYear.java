package cn.ets.registry.chaincode.usecases.compliance;

import cn.ets.registry.api.ComplianceApi;
import cn.ets.registry.api.ComplianceApi.Closed;
import cn.ets.registry.api.ComplianceApi.ComplianceView;
import cn.ets.registry.chaincode.state.CarryOverBook;
import cn.ets.registry.chaincode.state.ParameterBook;
import cn.ets.registry.chaincode.state.Roster;
import cn.ets.registry.chaincode.state.TradeIndex;
import cn.ets.registry.chaincode.state.TradeIndex.IndexedTrade;
import cn.ets.registry.chaincode.state.UnitYears;
import cn.ets.registry.chaincode.tx.Tx;
import cn.ets.registry.chaincode.tx.UseCase;
import cn.ets.registry.domain.DomainException;
import cn.ets.registry.domain.ErrorCode;
import cn.ets.registry.domain.compliance.AveragePrice;
import cn.ets.registry.domain.compliance.Deadlines;
import cn.ets.registry.domain.compliance.PenaltyMonth;
import cn.ets.registry.domain.compliance.PenaltyRange;
import cn.ets.registry.domain.compliance.PricedQuantity;
import cn.ets.registry.domain.compliance.RosterEntry;
import cn.ets.registry.domain.compliance.UnitYear;
import cn.ets.registry.domain.identity.Permissions;
import cn.ets.registry.domain.identity.Role;
import cn.ets.registry.domain.policy.PolicyParameters;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * MEE closes a compliance year once its surrender deadline has passed on the ledger's clock. Each
 * unit short of its obligation gets the fine range (5–10 × the volume-weighted average price of the
 * CEA trades of the month ending at the deadline that lay inside their price band, 003 §2.2.7 and
 * Table 1 — from the ledger's own settlements) and a deduction from next year's allocation; every
 * unit's carry-over limit is recorded; a unit on the year's roster with no emissions recorded
 * becomes EMISSIONS_NOT_ENTERED, publicly, until its province records an estimate (001 §43).
 * Emissions and allocations of the year are frozen from then on.
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
        Deadlines.requireSurrenderDeadlinePassed(c.year(), params, tx.time());
        PenaltyMonth month = PenaltyMonth.forDeadline(params.surrenderDeadline());
        List<IndexedTrade> trades = new TradeIndex(tx.state()).ceaTrades(month.month());
        List<PricedQuantity> counted = trades.stream()
                .filter(IndexedTrade::countsForPenaltyPrice)
                .map(t -> new PricedQuantity(t.quantity(), t.price()))
                .toList();
        BigDecimal average = AveragePrice.volumeWeighted(counted).orElse(null);
        CarryOverBook carry = new CarryOverBook(tx.state());
        List<ComplianceView> units = new ArrayList<>();
        Set<String> recorded = new HashSet<>();
        for (UnitYear uy : years.all(c.year())) {
            recorded.add(uy.unitId());
            if (uy.closed() || uy.succeededBy() != null) {
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
            units.add(ComplianceView.of(closed));
        }
        for (RosterEntry listed : new Roster(tx.state()).of(c.year(), null)) {
            if (!recorded.contains(listed.unitId()) && listed.succeededBy() == null) {
                UnitYear missing = UnitYear.notEntered(
                        listed.unitId(), listed.province(), c.year(), carry.limit(listed.unitId(), params));
                years.save(missing);
                units.add(ComplianceView.of(missing));
            }
        }
        years.markClosed(c.year(), tx.txId(), average, month.month().toString());
        return new Closed(
                c.year(),
                true,
                month.month().toString(),
                average,
                trades.size(),
                counted.size(),
                trades.size() - counted.size(),
                units);
    }
}
