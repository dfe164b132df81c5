package cn.ets.registry.domain.policy;

/** Power-sector unit categories of the benchmark table (003 Table 2). */
public enum FacilityCategory {
    COAL_ABOVE_300MW,
    COAL_300MW_AND_BELOW,
    /** Coal gangue, coal slurry and circulating fluidised bed units. */
    COAL_UNCONVENTIONAL,
    GAS;

    public boolean isCoal() {
        return this != GAS;
    }
}
