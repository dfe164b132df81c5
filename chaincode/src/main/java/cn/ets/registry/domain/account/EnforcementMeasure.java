package cn.ets.registry.domain.account;

import java.util.List;
import java.util.Objects;

/**
 * One enforcement measure on an account ({@code measure~account~id}), typed (001 §45), with its
 * reason, the legal basis the registry cites, who applied it and when, and — once lifted — who
 * lifted it and why.
 */
public record EnforcementMeasure(
        String measureId,
        String account,
        MeasureType type,
        String clause,
        List<AccountFunction> functions,
        String reason,
        String legalBasis,
        String status,
        String appliedTx,
        String appliedAt,
        String appliedBy,
        String liftedTx,
        String liftedAt,
        String liftedBy,
        String liftReason) {
    public static final String ACTIVE = "ACTIVE";
    public static final String LIFTED = "LIFTED";

    public EnforcementMeasure {
        Objects.requireNonNull(measureId, "measureId");
        Objects.requireNonNull(type, "type");
        functions = functions == null ? List.of() : List.copyOf(functions);
    }

    public static EnforcementMeasure applied(
            String measureId,
            String account,
            MeasureType type,
            List<AccountFunction> functions,
            String reason,
            String legalBasis,
            String txId,
            String at,
            String by) {
        return new EnforcementMeasure(
                measureId,
                account,
                type,
                type.clause(),
                functions,
                reason,
                legalBasis,
                ACTIVE,
                txId,
                at,
                by,
                null,
                null,
                null,
                null);
    }

    public boolean active() {
        return ACTIVE.equals(status);
    }

    public EnforcementMeasure lifted(String txId, String at, String by, String why) {
        return new EnforcementMeasure(
                measureId,
                account,
                type,
                clause,
                functions,
                reason,
                legalBasis,
                LIFTED,
                appliedTx,
                appliedAt,
                appliedBy,
                txId,
                at,
                by,
                why);
    }
}
