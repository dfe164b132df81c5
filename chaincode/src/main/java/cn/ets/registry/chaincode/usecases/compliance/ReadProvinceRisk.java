package cn.ets.registry.chaincode.usecases.compliance;

import cn.ets.registry.api.ComplianceApi.ProvinceRisk;
import cn.ets.registry.api.ComplianceApi.RiskList;
import cn.ets.registry.chaincode.state.ParameterBook;
import cn.ets.registry.chaincode.tx.Tx;
import cn.ets.registry.chaincode.tx.UseCase;
import cn.ets.registry.domain.account.Account;
import cn.ets.registry.domain.identity.Actor;
import cn.ets.registry.domain.identity.Permissions;
import cn.ets.registry.domain.identity.Role;

/** The compliance risk of a province's units (its own province for a PROVINCE; any or all for MEE and the registry). */
public final class ReadProvinceRisk implements UseCase<ProvinceRisk, RiskList> {

    @Override
    public void authorise(Tx tx, ProvinceRisk c) {
        Actor a = tx.actor();
        if (c.province() != null) {
            Account.requireValidProvince(c.province());
        }
        boolean ok = a.is(Role.MEE)
                || a.is(Role.REGISTRY)
                || (a.is(Role.PROVINCE) && (c.province() == null || a.province().equals(c.province())));
        if (!ok) {
            throw Permissions.forbidden(
                    a, "read the compliance risk of " + (c.province() == null ? "every province" : c.province()));
        }
    }

    @Override
    public RiskList execute(Tx tx, ProvinceRisk c) {
        String province = tx.actor().is(Role.PROVINCE) ? tx.actor().province() : c.province();
        return new RiskList(
                c.year(),
                province,
                RiskViews.ofProvince(tx, c.year(), province, new ParameterBook(tx.state()).forYear(c.year())));
    }
}
