package cn.ets.registry.domain.account;

import cn.ets.registry.domain.DomainException;
import cn.ets.registry.domain.ErrorCode;
import java.util.Map;

/** What each account status permits (001 §45 enforcement measures). */
public final class AccountStatusPolicy {
    private AccountStatusPolicy() {}

    /** Settlement, distribution out, cancellation, pledging: only ACTIVE accounts give units away. */
    public static void requireCanSend(Account a) {
        if (a.status() != AccountStatus.ACTIVE) {
            throw notActive(a, "send units");
        }
    }

    /**
     * Restricted accounts may still receive; suspended and closed ones may not, whatever brings the
     * units: a distribution, an allocation, its true-up or adjustment, a CCER issuance, an enforced pledge.
     */
    public static void requireCanReceive(Account a) {
        if (a.status() != AccountStatus.ACTIVE && a.status() != AccountStatus.RESTRICTED) {
            throw notActive(a, "receive units");
        }
    }

    /** Settlement needs both sides ACTIVE (domain-rules §5). */
    public static void requireCanTrade(Account a) {
        if (a.status() != AccountStatus.ACTIVE) {
            throw notActive(a, "settle trades");
        }
    }

    /** A restricted unit must still be able to meet its compliance obligation. */
    public static void requireCanSurrender(Account a) {
        requireCanReceive(a);
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
