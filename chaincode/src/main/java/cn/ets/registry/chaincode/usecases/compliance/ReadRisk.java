package cn.ets.registry.chaincode.usecases.compliance;

import cn.ets.registry.api.ComplianceApi.GetRisk;
import cn.ets.registry.api.ComplianceApi.RiskView;
import cn.ets.registry.chaincode.state.Books;
import cn.ets.registry.chaincode.state.ParameterBook;
import cn.ets.registry.chaincode.state.Roster;
import cn.ets.registry.chaincode.tx.Tx;
import cn.ets.registry.chaincode.tx.UseCase;
import cn.ets.registry.domain.account.Account;
import cn.ets.registry.domain.identity.Actor;
import cn.ets.registry.domain.identity.Permissions;
import cn.ets.registry.domain.identity.Role;

/** A unit's compliance risk of a year: for the unit itself, its province, MEE and the registry. */
public final class ReadRisk implements UseCase<GetRisk, RiskView> {

    @Override
    public void authorise(Tx tx, GetRisk c) {
        Account unit = new Books(tx.state()).account(c.unitId()).requireUnit();
        Actor a = tx.actor();
        boolean ok = a.is(Role.MEE)
                || a.is(Role.REGISTRY)
                || a.holds(unit.id())
                || (a.is(Role.PROVINCE) && a.province().equals(unit.province()));
        if (!ok) {
            throw Permissions.forbidden(a, "read the compliance risk of " + c.unitId());
        }
    }

    @Override
    public RiskView execute(Tx tx, GetRisk c) {
        Account unit = new Books(tx.state()).account(c.unitId());
        boolean listed = new Roster(tx.state())
                .find(c.year(), unit.province(), unit.id())
                .isPresent();
        return RiskViews.of(
                tx, c.year(), unit.id(), unit.province(), listed, new ParameterBook(tx.state()).forYear(c.year()));
    }
}
