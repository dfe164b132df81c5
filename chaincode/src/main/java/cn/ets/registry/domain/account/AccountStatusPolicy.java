package cn.ets.registry.domain.account;

import cn.ets.registry.domain.DomainException;
import cn.ets.registry.domain.ErrorCode;
import java.util.Map;

/** What each account status permits (001 §45 enforcement measures). */
public final class AccountStatusPolicy {
    private AccountStatusPolicy() {}

    /**
     * Settlement as seller, distribution out, cancellation, pledging: ACTIVE accounts give units
     * away, and so does an account winding down for closure (CLOSURE_PENDING) — it must be able to
     * empty itself. RESTRICTED blocks sending (001 §45 (二)).
     */
    public static void requireCanSend(Account a) {
        if (a.status() != AccountStatus.ACTIVE && a.status() != AccountStatus.CLOSURE_PENDING) {
            throw notActive(a, "send units");
        }
    }

    /**
     * Restricted accounts may still receive (a debtor buys to cure its debt); suspended, closing and
     * closed ones may not, whatever brings the units: a distribution, an allocation, its true-up or
     * adjustment, a CCER issuance, an enforced pledge.
     */
    public static void requireCanReceive(Account a) {
        if (a.status() != AccountStatus.ACTIVE && a.status() != AccountStatus.RESTRICTED) {
            throw notActive(a, "receive units");
        }
    }

    /** A restricted or closing unit must still be able to meet its compliance obligation. */
    public static void requireCanSurrender(Account a) {
        if (a.status() != AccountStatus.ACTIVE
                && a.status() != AccountStatus.RESTRICTED
                && a.status() != AccountStatus.CLOSURE_PENDING) {
            throw notActive(a, "surrender");
        }
    }

    /** A function the registry restricted by an enforcement measure (001 §45 (四), (五)) is refused whatever the status. */
    public static void requireFunction(Account a, AccountFunction function) {
        if (a.restricts(function)) {
            throw new DomainException(
                    ErrorCode.ACCOUNT_NOT_ACTIVE,
                    "account " + a.id() + " may not use " + function + ": restricted by an enforcement measure",
                    Map.of("account", a.id(), "function", function.name()));
        }
    }

    /** Monthly deposits are the unit's own reports: made while ACTIVE or RESTRICTED, not once SUSPENDED or CLOSED. */
    public static void requireCanReport(Account a) {
        if (a.status() != AccountStatus.ACTIVE && a.status() != AccountStatus.RESTRICTED) {
            throw notActive(a, "deposit reports");
        }
    }

    private static DomainException notActive(Account a, String what) {
        return new DomainException(
                ErrorCode.ACCOUNT_NOT_ACTIVE,
                "account " + a.id() + " is " + a.status() + " and cannot " + what,
                Map.of("account", a.id(), "status", a.status().name()));
    }
}
