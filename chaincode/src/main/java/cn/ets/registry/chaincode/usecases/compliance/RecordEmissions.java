package cn.ets.registry.chaincode.usecases.compliance;

import cn.ets.registry.api.ComplianceApi;
import cn.ets.registry.api.ComplianceApi.ComplianceView;
import cn.ets.registry.chaincode.state.Books;
import cn.ets.registry.chaincode.state.ParameterBook;
import cn.ets.registry.chaincode.state.Roster;
import cn.ets.registry.chaincode.state.UnitYears;
import cn.ets.registry.chaincode.tx.Tx;
import cn.ets.registry.chaincode.tx.UseCase;
import cn.ets.registry.domain.account.Account;
import cn.ets.registry.domain.compliance.Deadlines;
import cn.ets.registry.domain.compliance.EmissionsRecording;
import cn.ets.registry.domain.compliance.RosterEntry;
import cn.ets.registry.domain.compliance.UnitYear;
import cn.ets.registry.domain.identity.Permissions;
import cn.ets.registry.domain.policy.PolicyParameters;
import java.math.BigDecimal;

/**
 * The province records a unit's emissions of a year (001 §27, §30): verified emissions until the
 * vintage's emissions deadline on the ledger's clock, or its own estimate (001 §43) — when
 * ({@link EmissionsRecording}). The figure is the unit's obligation; a unit not yet on the year's
 * roster is listed with it.
 */
public final class RecordEmissions implements UseCase<ComplianceApi.RecordEmissions, ComplianceView> {

    @Override
    public void authorise(Tx tx, ComplianceApi.RecordEmissions c) {
        Permissions.requireProvinceOf(
                tx.actor(), new Books(tx.state()).account(c.unitId()), "record verified emissions");
    }

    @Override
    public ComplianceView execute(Tx tx, ComplianceApi.RecordEmissions c) {
        Account unit = new Books(tx.state()).account(c.unitId()).requireUnit();
        PolicyParameters params = new ParameterBook(tx.state()).forYear(c.year());
        UnitYears years = new UnitYears(tx.state());
        BigDecimal closePrice =
                years.close(c.year()).map(UnitYears.YearClose::averagePrice).orElse(null);
        UnitYear uy = EmissionsRecording.record(
                c.unitId(),
                unit.province(),
                c.year(),
                years.find(c.year(), c.unitId()).orElse(null),
                c.verifiedEmissions(),
                c.estimated(),
                years.yearClosed(c.year()),
                Deadlines.emissionsClosed(params, tx.time()),
                closePrice,
                params);
        years.save(uy);
        Roster roster = new Roster(tx.state());
        if (roster.find(c.year(), unit.province(), c.unitId()).isEmpty()) {
            roster.save(new RosterEntry(
                    c.year(),
                    c.unitId(),
                    unit.province(),
                    unit.sector(),
                    null,
                    RosterEntry.BY_EMISSIONS,
                    tx.txId(),
                    tx.time().toString(),
                    null));
        }
        return ComplianceView.of(uy);
    }
}
