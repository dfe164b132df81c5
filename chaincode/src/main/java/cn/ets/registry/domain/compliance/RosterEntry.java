package cn.ets.registry.domain.compliance;

/**
 * A unit on a province's roster of key emitting units for a year ({@code roster~year~province~unit}):
 * listed by the province with the figure that qualifies it ({@link KeyEmitterCriteria}), or listed
 * when the province recorded its emissions of the year ({@code qualifyingEmissions} null).
 * {@code succeededBy}: the unit that took the listing over in a succession (承继); the entry stays for
 * the record and no longer obliges this unit.
 */
public record RosterEntry(
        int year,
        String unitId,
        String province,
        String sector,
        Long qualifyingEmissions,
        String listedBy,
        String txId,
        String listedAt,
        String succeededBy) {
    public static final String BY_PROVINCE = "PROVINCE";
    public static final String BY_EMISSIONS = "EMISSIONS_RECORDED";
    public static final String BY_SUCCESSION = "SUCCESSION";

    public RosterEntry succeeded(String successor) {
        return new RosterEntry(
                year, unitId, province, sector, qualifyingEmissions, listedBy, txId, listedAt, successor);
    }
}
