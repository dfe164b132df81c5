package cn.ets.registry.domain.account;

/** Account types of the registry (001 §14). */
public enum AccountType {
    MEE,
    PROVINCE,
    UNIT,
    INSTITUTION,
    INDIVIDUAL,
    PROJECT_OWNER;

    public boolean isAuthority() {
        return this == MEE || this == PROVINCE;
    }
}
