package cn.ets.registry.chaincode.usecases.compliance;

import cn.ets.registry.api.ComplianceApi.ComplianceView;
import cn.ets.registry.domain.compliance.UnitYear;

/** A unit-year as the REST contract shows it; the closing figures only once the year is closed. */
final class ComplianceViews {
    private ComplianceViews() {}

    static ComplianceView of(UnitYear uy) {
        var figures = uy.figures();
        if (!uy.closed()) {
            return new ComplianceView(
                    uy.unitId(),
                    uy.province(),
                    uy.year(),
                    uy.obligation(),
                    uy.surrendered(),
                    uy.offsetUsed(),
                    figures.shortfall(),
                    figures.status().name(),
                    null,
                    null,
                    null,
                    null,
                    null,
                    null);
        }
        return new ComplianceView(
                uy.unitId(),
                uy.province(),
                uy.year(),
                uy.obligation(),
                uy.surrendered(),
                uy.offsetUsed(),
                figures.shortfall(),
                figures.status().name(),
                true,
                uy.averagePrice(),
                uy.penaltyMin(),
                uy.penaltyMax(),
                uy.deduction(),
                uy.carryOverLimit());
    }

    /** In a year's list the year is said once, not per unit. */
    static ComplianceView withoutYear(ComplianceView v) {
        return new ComplianceView(
                v.unitId(),
                v.province(),
                null,
                v.obligation(),
                v.surrendered(),
                v.offsetUsed(),
                v.shortfall(),
                v.status(),
                v.closed(),
                v.averagePrice(),
                v.penaltyMin(),
                v.penaltyMax(),
                v.deduction(),
                v.carryOverLimit());
    }
}
