package cn.ets.registry.domain.identity;

import cn.ets.registry.domain.DomainException;
import cn.ets.registry.domain.ErrorCode;
import cn.ets.registry.domain.account.Account;
import cn.ets.registry.domain.account.AccountType;
import java.util.Map;

/** Who may do what, decided from the caller's certificate-derived {@link Actor} alone. */
public final class Permissions {
    private Permissions() {}

    public static void requireRole(Actor actor, Role role, String action) {
        if (actor.role() != role) {
            throw forbidden(actor, action);
        }
    }

    public static void requireCanOpen(Actor actor, AccountType type, String province) {
        boolean ok = switch (actor.role()) {
            case PROVINCE -> type == AccountType.UNIT && actor.province().equals(province);
            case REGISTRY ->
                type == AccountType.INSTITUTION || type == AccountType.INDIVIDUAL || type == AccountType.PROJECT_OWNER;
            default -> false;
        };
        if (!ok) {
            throw forbidden(
                    actor, "open a " + type + " account" + (province == null ? "" : " in province " + province));
        }
    }

    public static void requireCanRead(Actor actor, Account account) {
        if (!ReadAccess.account(actor, account.id(), account.province())) {
            throw forbidden(actor, "read account " + account.id());
        }
    }

    /**
     * MEE → a province account; a province → a unit of its own province, or back to MEE (a province
     * returns what it did not allocate: the allowances are MEE's, 001 §9–10; 003 §2.3.2).
     */
    public static void requireCanDistribute(Actor actor, Account from, Account to) {
        boolean ok = switch (actor.role()) {
            case MEE -> from.type() == AccountType.MEE && to.type() == AccountType.PROVINCE;
            case PROVINCE ->
                from.type() == AccountType.PROVINCE
                        && actor.province().equals(from.province())
                        && ((to.type() == AccountType.UNIT && actor.province().equals(to.province()))
                                || to.type() == AccountType.MEE);
            default -> false;
        };
        if (!ok) {
            throw forbidden(actor, "distribute from " + from.id() + " to " + to.id());
        }
    }

    /** Provinces act on the units of their own province only. */
    public static void requireProvinceOf(Actor actor, Account unit, String action) {
        if (actor.role() != Role.PROVINCE
                || unit.type() != AccountType.UNIT
                || !actor.province().equals(unit.province())) {
            throw forbidden(actor, action + " for " + unit.id());
        }
    }

    public static void requireHolder(Actor actor, String accountId, String action) {
        if (!actor.holds(accountId)) {
            throw forbidden(actor, action + " for account " + accountId);
        }
    }

    public static DomainException forbidden(Actor actor, String action) {
        return new DomainException(
                ErrorCode.FORBIDDEN,
                actor.name() + " (" + actor.role() + ", " + actor.mspId() + ") may not " + action,
                Map.of("role", actor.role().name(), "msp", actor.mspId()));
    }
}
