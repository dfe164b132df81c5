package cn.ets.registry.chaincode.usecases.compliance;

import cn.ets.registry.api.ComplianceApi.ComplianceView;
import cn.ets.registry.api.ComplianceApi.Get;
import cn.ets.registry.chaincode.state.UnitYears;
import cn.ets.registry.chaincode.tx.Tx;
import cn.ets.registry.chaincode.tx.UseCase;

/** A unit's compliance status of a year: public (001 §35). */
public final class ReadCompliance implements UseCase.Public<Get, ComplianceView> {

    @Override
    public ComplianceView execute(Tx tx, Get c) {
        return ComplianceView.of(new UnitYears(tx.state()).require(c.year(), c.unitId()));
    }
}
