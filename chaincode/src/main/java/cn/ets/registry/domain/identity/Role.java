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
    AUDITOR,
    /** The settlement bank (结算银行): confirms or refuses the funds leg of DvP trades, keeps the holders' funds accounts. */
    SETTLEMENT_BANK;

    public boolean isHolder() {
        return this == UNIT || this == INSTITUTION || this == INDIVIDUAL || this == PROJECT_OWNER;
    }
}
