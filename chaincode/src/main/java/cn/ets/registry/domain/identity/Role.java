package cn.ets.registry.domain.identity;

/** What an identity is, as its certificate says. */
public enum Role {
    MEE,
    REGISTRY,
    EXCHANGE,
    PROVINCE,
    UNIT,
    INSTITUTION,
    INDIVIDUAL,
    PROJECT_OWNER,
    AUDITOR;

    public boolean isHolder() {
        return this == UNIT || this == INSTITUTION || this == INDIVIDUAL || this == PROJECT_OWNER;
    }
}
