package cn.ets.registry.domain.compliance;

/**
 * A unit on a province's roster of key emitting units for a year ({@code roster~year~province~unit}):
 * listed by the province with the figure that qualifies it ({@link KeyEmitterCriteria}), or listed
 * when the province recorded its emissions of the year ({@code qualifyingEmissions} null).
 */
public record RosterEntry(
        int year,
        String unitId,
        String province,
        String sector,
        Long qualifyingEmissions,
        String listedBy,
        String txId,
        String listedAt) {
    public static final String BY_PROVINCE = "PROVINCE";
    public static final String BY_EMISSIONS = "EMISSIONS_RECORDED";
    public static final String BY_SUCCESSION = "SUCCESSION";
}
