package cn.ets.registry.domain.disclosure;

import cn.ets.registry.domain.account.AccountType;

/**
 * An individual holder is a natural person: its name and its account number identify it, so they
 * are personal information (个人信息保护法 §4) and never part of a public record or stream. The
 * registry's public disclosure (001 §35, 002) is about key emitting units and the market as a
 * whole; organisations (units, institutions, project owners, authorities) are named.
 */
public final class PersonalData {
    private PersonalData() {}

    /** Whether a holder of this type may be named (account number and name) in public. */
    public static boolean mayBeNamedInPublic(AccountType holder) {
        return holder != AccountType.INDIVIDUAL;
    }

    /** The account number as the public record shows it: itself, or null for an individual. */
    public static String publicAccount(String accountId, AccountType holder) {
        return mayBeNamedInPublic(holder) ? accountId : null;
    }
}
