package cn.ets.registry.api;

import cn.ets.registry.domain.Tonnes;
import cn.ets.registry.domain.compliance.UnitYear;
import java.math.BigDecimal;
import java.util.List;

/** Verified emissions (the obligation), the public compliance status of each unit-year (001 §35), and closing a year. */
public final class ComplianceApi {
    private ComplianceApi() {}

    /**
     * {@code estimated}: the province's own estimate of a unit that did not report or was not verified
     * (001 §43) — accepted also after the emissions deadline, and after the close for a unit that had
     * nothing entered; flagged as estimated in every view.
     */
    public record RecordEmissions(
            String unitId,
            @Range(min = 2019, max = 2100) int year,
            @Range(min = 0, max = Tonnes.MAX, tonnes = true) long verifiedEmissions,
            @Omittable boolean estimated) {}

    public record Get(
            @PathParam @Range(min = 2019, max = 2100) int year,
            @PathParam String unitId) {}

    public record ListYear(
            @PathParam @Range(min = 2019, max = 2100) int year) {}

    public record CloseYear(
            @PathParam @Range(min = 2019, max = 2100) int year,
            @Omittable String requestId) {}

    /**
     * A unit-year: OPEN while not closed and short, COMPLIANT once surrendered ≥ obligation,
     * SHORTFALL when closed short, EMISSIONS_NOT_ENTERED when it was on the roster and closed with no
     * emissions, SUCCEEDED when its obligation passed to {@code succeededBy}. {@code estimated}: the
     * obligation is the province's estimate (001 §43). Once closed: the fine range (yuan), the average
     * price it was computed from, the deduction from next year's allocation and the carry-over limit.
     */
    public record ComplianceView(
            String unitId,
            String province,
            @Omittable Integer year,
            long obligation,
            long surrendered,
            long offsetUsed,
            long shortfall,
            String status,
            @Omittable Boolean closed,
            @Omittable BigDecimal averagePrice,
            @Omittable BigDecimal penaltyMin,
            @Omittable BigDecimal penaltyMax,
            @Omittable Long deduction,
            @Omittable Long carryOverLimit,
            @Omittable Boolean estimated,
            @Omittable String succeededBy) {

        public static ComplianceView of(UnitYear uy) {
            var figures = uy.figures();
            boolean closed = uy.closed();
            return new ComplianceView(
                    uy.unitId(),
                    uy.province(),
                    uy.year(),
                    uy.obligation(),
                    uy.surrendered(),
                    uy.offsetUsed(),
                    figures.shortfall(),
                    uy.status().name(),
                    closed ? Boolean.TRUE : null,
                    closed ? uy.averagePrice() : null,
                    closed ? uy.penaltyMin() : null,
                    closed ? uy.penaltyMax() : null,
                    closed ? uy.deduction() : null,
                    closed ? uy.carryOverLimit() : null,
                    uy.estimated() ? Boolean.TRUE : null,
                    uy.succeededBy());
        }

        /** In a year's list the year is said once, not per unit. */
        public static ComplianceView withoutYear(ComplianceView v) {
            return new ComplianceView(
                    v.unitId(),
                    v.province(),
                    null,
                    v.obligation(),
                    v.surrendered(),
                    v.offsetUsed(),
                    v.shortfall(),
                    v.status(),
                    v.closed(),
                    v.averagePrice(),
                    v.penaltyMin(),
                    v.penaltyMax(),
                    v.deduction(),
                    v.carryOverLimit(),
                    v.estimated(),
                    v.succeededBy());
        }
    }

    public record YearDisclosure(int year, List<ComplianceView> units) {}

    /**
     * {@code penaltyMonth}: the month whose CEA trades priced the fines; {@code averagePrice} absent when
     * no trade counted. {@code tradesCounted}: the month's trades inside their price band (or with no
     * previous close to compare with); {@code tradesOutOfBand}: flagged at settlement, left out.
     */
    public record Closed(
            int year,
            boolean closed,
            String penaltyMonth,
            @Omittable BigDecimal averagePrice,
            int tradesInMonth,
            int tradesCounted,
            int tradesOutOfBand,
            List<ComplianceView> units) {}

    public record GetRisk(
            @PathParam @Range(min = 2019, max = 2100) int year,
            @PathParam String unitId) {}

    /** Without {@code province}: every province's units (MEE, the registry); a province sees its own. */
    public record ProvinceRisk(
            @PathParam @Range(min = 2019, max = 2100) int year,
            @QueryParam String province) {}

    /**
     * A unit's compliance risk on the ledger's clock ({@code ComplianceRisk}): what it still owes, what
     * its holdings could meet ({@code eligibleCea}: available CEA of vintages that may meet the year;
     * CCER up to the offset room), the gap it must still buy, and the days left (negative once past).
     * {@code risk}: NONE, COVERED, AT_RISK, OVERDUE, EMISSIONS_DUE, EMISSIONS_MISSING.
     */
    public record RiskView(
            String unitId,
            String province,
            int year,
            boolean listed,
            @Omittable String status,
            @Omittable Long obligation,
            @Omittable Boolean estimated,
            long surrendered,
            long owed,
            long eligibleCea,
            long availableCcer,
            long coverable,
            long gap,
            String emissionsDeadline,
            long daysToEmissionsDeadline,
            String surrenderDeadline,
            long daysToSurrenderDeadline,
            String risk) {}

    public record RiskList(int year, @Omittable String province, List<RiskView> units) {}

    /** Issues the warnings due today: MEE and the registry for every province, a province for its own units. */
    public record Warn(
            @PathParam @Range(min = 2019, max = 2100) int year, String requestId) {}

    /** A unit warned: before the EMISSIONS deadline (nothing recorded) or the SURRENDER deadline (still owes). */
    public record Warning(
            String unitId, String province, String kind, String deadline, long daysLeft, long owed, long gap) {}

    /** The warnings of a day ({@code scope}: the province, or ALL), also the event ComplianceWarningIssued. */
    public record Warned(
            String requestId,
            int year,
            String scope,
            String date,
            int warningDays,
            List<Warning> units,
            @Flatten Attribution attribution) {}
}
