package cn.ets.registry.api;

import cn.ets.registry.domain.Tonnes;
import java.util.List;

/**
 * The rosters of key emitting units (重点排放单位名录): each province lists its units per year
 * (001 §5; the threshold of 000 §7), and the list is public (001 §35 (二) "年度重点排放单位名单").
 */
public final class RosterApi {
    private RosterApi() {}

    /** {@code qualifyingEmissions}: the annual tCO2e that makes the unit a key emitter (last verified, or expected). */
    public record Enlist(
            String requestId,
            @Range(min = 2019, max = 2100) int year,
            String unitId,
            @Range(min = 0, max = Tonnes.MAX, tonnes = true) long qualifyingEmissions) {}

    public record Listed(
            String requestId,
            int year,
            String unitId,
            String province,
            String sector,
            long qualifyingEmissions,
            @Flatten Attribution attribution) {}

    public record Get(
            @PathParam @Range(min = 2019, max = 2100) int year,
            @QueryParam String province) {}

    /**
     * A unit on the roster. {@code listedBy}: PROVINCE (with its qualifying figure), EMISSIONS_RECORDED or
     * SUCCESSION; {@code emissions}: VERIFIED, ESTIMATED, NOT_ENTERED (closed without), MISSING (not yet) or
     * SUCCEEDED (the listing passed to a successor).
     */
    public record RosterUnit(
            String unitId,
            String name,
            String province,
            String sector,
            @Omittable Long qualifyingEmissions,
            String listedBy,
            String emissions) {}

    /** {@code threshold}: the vintage's key emitting unit threshold, tCO2e a year. */
    public record RosterView(int year, @Omittable String province, long threshold, List<RosterUnit> units) {}
}
