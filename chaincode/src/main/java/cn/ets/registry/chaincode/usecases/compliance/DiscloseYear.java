package cn.ets.registry.chaincode.usecases.compliance;

import cn.ets.registry.api.ComplianceApi.ComplianceView;
import cn.ets.registry.api.ComplianceApi.ListYear;
import cn.ets.registry.api.ComplianceApi.YearDisclosure;
import cn.ets.registry.chaincode.state.UnitYears;
import cn.ets.registry.chaincode.tx.Tx;
import cn.ets.registry.chaincode.tx.UseCase;

/** Public disclosure of a year (001 §35): every unit's obligation, surrender, offsets and status. */
public final class DiscloseYear implements UseCase.Public<ListYear, YearDisclosure> {

    @Override
    public YearDisclosure execute(Tx tx, ListYear c) {
        return new YearDisclosure(
                c.year(),
                new UnitYears(tx.state())
                        .all(c.year()).stream()
                                .map(ComplianceView::of)
                                .map(ComplianceView::withoutYear)
                                .toList());
    }
}
