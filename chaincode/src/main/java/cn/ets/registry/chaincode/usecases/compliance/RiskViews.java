package cn.ets.registry.chaincode.usecases.compliance;

import cn.ets.registry.api.ComplianceApi.RiskView;
import cn.ets.registry.chaincode.state.Books;
import cn.ets.registry.chaincode.state.Roster;
import cn.ets.registry.chaincode.state.UnitYears;
import cn.ets.registry.chaincode.tx.Tx;
import cn.ets.registry.domain.Tonnes;
import cn.ets.registry.domain.account.Holding;
import cn.ets.registry.domain.compliance.ComplianceRisk;
import cn.ets.registry.domain.compliance.RosterEntry;
import cn.ets.registry.domain.compliance.UnitYear;
import cn.ets.registry.domain.policy.PolicyParameters;
import cn.ets.registry.domain.product.Product;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A unit's compliance risk as the views and the warnings show it: its year, its holdings, the clock. */
final class RiskViews {
    private RiskViews() {}

    static RiskView of(Tx tx, int year, String unitId, String province, boolean listed, PolicyParameters params) {
        UnitYear uy = new UnitYears(tx.state()).find(year, unitId).orElse(null);
        long eligibleCea = 0;
        long ccer = 0;
        for (Map.Entry<String, Holding> h :
                new Books(tx.state()).holdings(unitId).entrySet()) {
            Product p = Product.parse(h.getKey());
            long available = h.getValue().available();
            if (!p.isCea()) {
                ccer = Tonnes.add(ccer, available);
            } else if (p.vintageStartYear() <= year || params.borrowingEnabled()) {
                eligibleCea = Tonnes.add(eligibleCea, available);
            }
        }
        ComplianceRisk r = ComplianceRisk.assess(uy, eligibleCea, ccer, params, tx.time());
        return new RiskView(
                unitId,
                province,
                year,
                listed,
                uy == null ? null : uy.status().name(),
                uy == null ? null : uy.obligation(),
                uy != null && uy.estimated() ? Boolean.TRUE : null,
                uy == null ? 0 : uy.surrendered(),
                r.owed(),
                eligibleCea,
                ccer,
                r.coverable(),
                r.gap(),
                params.emissionsDeadline().toString(),
                r.daysToEmissionsDeadline(),
                params.surrenderDeadline().toString(),
                r.daysToSurrenderDeadline(),
                r.level().name());
    }

    /** Every unit listed for the year or with emissions recorded, of one province (or all when null), by unit id. */
    static List<RiskView> ofProvince(Tx tx, int year, String province, PolicyParameters params) {
        Map<String, String> units = new TreeMap<>();
        Map<String, Boolean> listed = new TreeMap<>();
        for (RosterEntry e : new Roster(tx.state()).of(year, province)) {
            if (e.succeededBy() != null) {
                continue;
            }
            units.put(e.unitId(), e.province());
            listed.put(e.unitId(), true);
        }
        for (UnitYear uy : new UnitYears(tx.state()).all(year)) {
            if (province == null || province.equals(uy.province())) {
                units.putIfAbsent(uy.unitId(), uy.province());
            }
        }
        List<RiskView> out = new ArrayList<>();
        units.forEach((unitId, p) -> out.add(of(tx, year, unitId, p, listed.getOrDefault(unitId, false), params)));
        return out;
    }
}
