package cn.ets.registry.domain.account;

import cn.ets.registry.domain.DomainException;
import cn.ets.registry.domain.ErrorCode;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What applying and lifting an enforcement measure (001 §45) does to an account. Measures add up:
 * lifting one undoes only what no other active measure (and no allocation debt, which restricts a
 * unit by itself) still calls for. A closed account takes no measure; a notice is a record and is
 * never lifted; a terminated business that was closed stays closed.
 */
public final class EnforcementMeasures {
    /** The status reason of a status set by a measure. */
    public static final String MEASURE_REASON = "ENFORCEMENT_MEASURE";

    private EnforcementMeasures() {}

    /** The account after applying a measure; {@code closable}: nothing is left in it (for TERMINATE_BUSINESS). */
    public static Account apply(Account a, MeasureType type, List<AccountFunction> functions, boolean closable) {
        Objects.requireNonNull(a, "account");
        Objects.requireNonNull(type, "type");
        if (a.status() == AccountStatus.CLOSED) {
            throw new DomainException(
                    ErrorCode.ACCOUNT_NOT_ACTIVE,
                    "account " + a.id() + " is CLOSED for good",
                    Map.of("account", a.id()));
        }
        if (type.namesFunctions() && (functions == null || functions.isEmpty())) {
            throw DomainException.badRequest(
                    type + " names the functions it restricts: " + List.of(AccountFunction.values()));
        }
        if (!type.namesFunctions() && functions != null && !functions.isEmpty()) {
            throw DomainException.badRequest(type + " names no functions");
        }
        return switch (type) {
            case NOTICE -> a;
            case RESTRICT_TRANSFER ->
                a.status() == AccountStatus.ACTIVE ? a.withStatus(AccountStatus.RESTRICTED, MEASURE_REASON) : a;
            case SUSPEND_ACCOUNT -> a.withStatus(AccountStatus.SUSPENDED, MEASURE_REASON);
            case SUSPEND_BUSINESS, RESTRICT_FUNCTIONS -> {
                Set<AccountFunction> all = EnumSet.noneOf(AccountFunction.class);
                all.addAll(a.restrictedFunctions());
                all.addAll(functions);
                yield a.withRestrictedFunctions(all);
            }
            case CANCEL_TRADING_QUALIFICATION -> a.withTradingQualificationCancelled(true);
            case TERMINATE_BUSINESS ->
                a.withStatus(closable ? AccountStatus.CLOSED : AccountStatus.CLOSURE_PENDING, MEASURE_REASON);
        };
    }

    /**
     * The account after lifting {@code m}, given the measures still active besides it and the unit's
     * allocation debt.
     */
    public static Account lift(Account a, EnforcementMeasure m, List<EnforcementMeasure> othersActive, long debt) {
        if (!m.active()) {
            throw new DomainException(
                    ErrorCode.CONFLICT,
                    "measure " + m.measureId() + " is already " + m.status(),
                    Map.of("measureId", m.measureId()));
        }
        if (m.type() == MeasureType.NOTICE) {
            throw new DomainException(
                    ErrorCode.CONFLICT,
                    "a notice (通报批评) is a record and is not lifted",
                    Map.of("measureId", m.measureId()));
        }
        if (a.status() == AccountStatus.CLOSED) {
            throw new DomainException(
                    ErrorCode.ACCOUNT_NOT_ACTIVE,
                    "account " + a.id() + " is CLOSED for good",
                    Map.of("account", a.id()));
        }
        boolean otherSuspends = othersActive.stream().anyMatch(o -> o.type() == MeasureType.SUSPEND_ACCOUNT);
        boolean otherRestricts = othersActive.stream().anyMatch(o -> o.type() == MeasureType.RESTRICT_TRANSFER);
        boolean otherTerminates = othersActive.stream().anyMatch(o -> o.type() == MeasureType.TERMINATE_BUSINESS);
        return switch (m.type()) {
            case NOTICE -> a;
            case RESTRICT_TRANSFER ->
                a.status() == AccountStatus.RESTRICTED && !otherRestricts && debt == 0
                        ? a.withStatus(AccountStatus.ACTIVE, "measure " + m.measureId() + " lifted")
                        : a;
            case SUSPEND_ACCOUNT ->
                a.status() == AccountStatus.SUSPENDED && !otherSuspends
                        ? a.withStatus(
                                otherRestricts || debt > 0 ? AccountStatus.RESTRICTED : AccountStatus.ACTIVE,
                                "measure " + m.measureId() + " lifted")
                        : a;
            case SUSPEND_BUSINESS, RESTRICT_FUNCTIONS -> {
                Set<AccountFunction> still = EnumSet.noneOf(AccountFunction.class);
                othersActive.forEach(o -> still.addAll(o.functions()));
                Set<AccountFunction> left = EnumSet.noneOf(AccountFunction.class);
                for (AccountFunction f : a.restrictedFunctions()) {
                    if (!m.functions().contains(f) || still.contains(f)) {
                        left.add(f);
                    }
                }
                yield a.withRestrictedFunctions(left);
            }
            case CANCEL_TRADING_QUALIFICATION ->
                othersActive.stream().anyMatch(o -> o.type() == MeasureType.CANCEL_TRADING_QUALIFICATION)
                        ? a
                        : a.withTradingQualificationCancelled(false);
            case TERMINATE_BUSINESS ->
                a.status() == AccountStatus.CLOSURE_PENDING && !otherTerminates
                        ? a.withStatus(
                                otherSuspends
                                        ? AccountStatus.SUSPENDED
                                        : otherRestricts || debt > 0 ? AccountStatus.RESTRICTED : AccountStatus.ACTIVE,
                                "measure " + m.measureId() + " lifted")
                        : a;
        };
    }
}
