package cn.ets.registry.domain.policy;

/** Sectors with a surrender duty (003 §1.1, §2.2.1). */
public enum Sector {
    POWER,
    STEEL,
    CEMENT,
    ALUMINIUM
}
