package cn.ets.registry.chaincode.usecases.compliance;

import cn.ets.registry.api.ComplianceApi;
import cn.ets.registry.api.ComplianceApi.ComplianceView;
import cn.ets.registry.chaincode.state.Books;
import cn.ets.registry.chaincode.state.ParameterBook;
import cn.ets.registry.chaincode.state.UnitYears;
import cn.ets.registry.chaincode.tx.Tx;
import cn.ets.registry.chaincode.tx.UseCase;
import cn.ets.registry.domain.DomainException;
import cn.ets.registry.domain.ErrorCode;
import cn.ets.registry.domain.account.Account;
import cn.ets.registry.domain.compliance.OffsetCap;
import cn.ets.registry.domain.compliance.UnitYear;
import cn.ets.registry.domain.identity.Permissions;
import java.util.Map;

/** The province records a unit's verified emissions of a year (001 §27, §30): its obligation; a correction replaces it until the year closes. */
public final class RecordEmissions implements UseCase<ComplianceApi.RecordEmissions, ComplianceView> {

    @Override
    public void authorise(Tx tx, ComplianceApi.RecordEmissions c) {
        Permissions.requireProvinceOf(
                tx.actor(), new Books(tx.state()).account(c.unitId()), "record verified emissions");
    }

    @Override
    public ComplianceView execute(Tx tx, ComplianceApi.RecordEmissions c) {
        Account unit = new Books(tx.state()).account(c.unitId());
        UnitYears years = new UnitYears(tx.state());
        UnitYear uy = years.find(c.year(), c.unitId())
                .orElse(UnitYear.open(c.unitId(), unit.province(), c.year(), c.verifiedEmissions()));
        if (uy.closed() || years.yearClosed(c.year())) {
            throw new DomainException(
                    ErrorCode.DEADLINE_PASSED,
                    "compliance year " + c.year() + " is closed; emissions can no longer change",
                    Map.of("year", c.year(), "unitId", c.unitId()));
        }
        long cap = OffsetCap.maxOffset(c.verifiedEmissions(), new ParameterBook(tx.state()).forYear(c.year()));
        uy = uy.with(uy.figures().correctedTo(c.verifiedEmissions(), cap));
        years.save(uy);
        return ComplianceViews.of(uy);
    }
}
