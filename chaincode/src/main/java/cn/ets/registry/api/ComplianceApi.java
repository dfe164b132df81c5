package cn.ets.registry.api;

import cn.ets.registry.domain.Tonnes;
import java.math.BigDecimal;
import java.util.List;

/** Verified emissions (the obligation), the public compliance status of each unit-year (001 §35), and closing a year. */
public final class ComplianceApi {
    private ComplianceApi() {}

    public record RecordEmissions(
            String unitId,
            @Range(min = 2019, max = 2100) int year,
            @Range(min = 0, max = Tonnes.MAX, tonnes = true) long verifiedEmissions) {}

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
     * SHORTFALL when closed short. Once closed: the fine range (yuan), the average price it was
     * computed from, the deduction from next year's allocation and the carry-over limit.
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
            @Omittable Long carryOverLimit) {}

    public record YearDisclosure(int year, List<ComplianceView> units) {}

    /** {@code penaltyMonth}: the month whose CEA trades priced the fines; {@code averagePrice} absent when it had none. */
    public record Closed(
            int year,
            boolean closed,
            String penaltyMonth,
            @Omittable BigDecimal averagePrice,
            int tradesInMonth,
            List<ComplianceView> units) {}
}
