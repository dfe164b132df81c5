package cn.ets.registry.domain.compliance;

/** What a unit-year's obligation rests on. */
public enum EmissionsBasis {
    /** Verified emissions recorded by the province (001 §27, §30). */
    VERIFIED,
    /**
     * The province's estimate for a unit that did not report or would not be verified (001 §43: "测算其
     * 排放量，该排放量除了作为配额清缴的依据…"); flagged in every view.
     */
    ESTIMATED,
    /** Nothing was recorded by the time the year closed (the unit was on the roster). */
    NOT_ENTERED
}
