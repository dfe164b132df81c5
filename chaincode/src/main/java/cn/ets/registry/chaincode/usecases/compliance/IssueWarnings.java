package cn.ets.registry.chaincode.usecases.compliance;

import cn.ets.registry.api.ComplianceApi.RiskView;
import cn.ets.registry.api.ComplianceApi.Warn;
import cn.ets.registry.api.ComplianceApi.Warned;
import cn.ets.registry.api.ComplianceApi.Warning;
import cn.ets.registry.chaincode.state.ParameterBook;
import cn.ets.registry.chaincode.state.UnitYears;
import cn.ets.registry.chaincode.state.Warnings;
import cn.ets.registry.chaincode.tx.Tx;
import cn.ets.registry.chaincode.tx.UseCase;
import cn.ets.registry.domain.DomainException;
import cn.ets.registry.domain.ErrorCode;
import cn.ets.registry.domain.compliance.ComplianceRisk;
import cn.ets.registry.domain.compliance.Deadlines;
import cn.ets.registry.domain.identity.Actor;
import cn.ets.registry.domain.identity.Permissions;
import cn.ets.registry.domain.identity.Role;
import cn.ets.registry.domain.policy.PolicyParameters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Compliance warnings (002: "建立重点排放单位履约风险评估预警…制度"): within the vintage's
 * {@code warningDays} before a deadline (the ledger's clock), the listed units with no emissions
 * recorded yet (before the emissions deadline) and the units still owing (before the surrender
 * deadline) are warned, once a day per scope, as a public event and a record. MEE and the registry
 * warn every province, a province its own units.
 */
public final class IssueWarnings implements UseCase<Warn, Warned> {

    @Override
    public void authorise(Tx tx, Warn c) {
        Actor a = tx.actor();
        if (!(a.is(Role.MEE) || a.is(Role.REGISTRY) || a.is(Role.PROVINCE))) {
            throw Permissions.forbidden(a, "issue compliance warnings");
        }
    }

    @Override
    public Warned execute(Tx tx, Warn c) {
        PolicyParameters params = new ParameterBook(tx.state()).forYear(c.year());
        if (new UnitYears(tx.state()).yearClosed(c.year())) {
            throw new DomainException(
                    ErrorCode.DEADLINE_PASSED, "compliance year " + c.year() + " is closed", Map.of("year", c.year()));
        }
        long toEmissions = Deadlines.daysTo(params.emissionsDeadline(), tx.time());
        long toSurrender = Deadlines.daysTo(params.surrenderDeadline(), tx.time());
        boolean emissionsWindow = ComplianceRisk.inWarningWindow(toEmissions, params);
        boolean surrenderWindow = ComplianceRisk.inWarningWindow(toSurrender, params);
        if (!emissionsWindow && !surrenderWindow) {
            Map<String, Object> details = Map.of(
                    "year",
                    c.year(),
                    "warningDays",
                    params.warningDays(),
                    "emissionsDeadline",
                    params.emissionsDeadline().toString(),
                    "surrenderDeadline",
                    params.surrenderDeadline().toString());
            if (toSurrender < 0) {
                throw new DomainException(
                        ErrorCode.DEADLINE_PASSED,
                        "the deadlines of " + c.year() + " have passed; no warning is due any more",
                        details);
            }
            throw new DomainException(
                    ErrorCode.DEADLINE_NOT_REACHED,
                    "warnings are issued within " + params.warningDays() + " days before a deadline of " + c.year()
                            + " (emissions " + params.emissionsDeadline() + ", surrender "
                            + params.surrenderDeadline() + ")",
                    details);
        }
        Actor a = tx.actor();
        String province = a.is(Role.PROVINCE) ? a.province() : null;
        String scope = province == null ? "ALL" : province;
        String today = Deadlines.today(tx.time()).toString();
        Warnings warnings = new Warnings(tx.state());
        if (warnings.find(c.year(), scope, today, Warned.class).isPresent()) {
            throw new DomainException(
                    ErrorCode.ALREADY_EXISTS,
                    "the warnings of " + today + " for " + scope + " were issued already",
                    Map.of("year", c.year(), "scope", scope, "date", today));
        }
        List<Warning> units = new ArrayList<>();
        for (RiskView r : RiskViews.ofProvince(tx, c.year(), province, params)) {
            if (emissionsWindow && "EMISSIONS_DUE".equals(r.risk())) {
                units.add(new Warning(r.unitId(), r.province(), "EMISSIONS", r.emissionsDeadline(), toEmissions, 0, 0));
            }
            if (surrenderWindow && r.owed() > 0) {
                units.add(new Warning(
                        r.unitId(), r.province(), "SURRENDER", r.surrenderDeadline(), toSurrender, r.owed(), r.gap()));
            }
        }
        Warned warned =
                new Warned(c.requestId(), c.year(), scope, today, params.warningDays(), units, tx.attribution());
        warnings.save(c.year(), scope, today, warned);
        return warned;
    }
}
