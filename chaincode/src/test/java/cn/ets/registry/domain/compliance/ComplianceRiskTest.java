package cn.ets.registry.domain.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ets.registry.domain.policy.PolicyParameters;
import cn.ets.registry.domain.policy.SeededParameters;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Compliance risk (002: "建立重点排放单位履约风险评估预警和管理制度") of a 2024 unit owing 10,000 t, on
 * the ledger's clock: what it owes against what its holdings could meet (CCER within the 5 % cap,
 * 001 §31), days to the deadlines (2025-08-31, 2025-12-31).
 */
class ComplianceRiskTest {
    private static final PolicyParameters P2024 = SeededParameters.forVintage("2024");
    private static final Instant NOV_1 = Instant.parse("2025-11-01T02:00:00Z");
    private static final Instant JAN_5 = Instant.parse("2026-01-05T02:00:00Z");

    @ParameterizedTest(name = "surrendered {0}, CEA {1}, CCER {2} -> owed {3}, coverable {4}, gap {5}, {6}")
    @CsvSource({
        "0,      12000, 0,    10000, 12000, 0,    COVERED",
        "0,      9000,  0,    10000, 9000,  1000, AT_RISK",
        "0,      9000,  800,  10000, 9500,  500,  AT_RISK", // CCER capped at 500 t (5 % of 10,000)
        "0,      9500,  500,  10000, 10000, 0,    COVERED",
        "10000,  0,     0,    0,     0,     0,    NONE",
    })
    void owed_against_holdings_before_the_deadline(
            long surrendered, long cea, long ccer, long owed, long coverable, long gap, ComplianceRisk.Level level) {
        UnitYear uy = UnitYear.open("HB-U1", "HB", 2024, 10_000).with(new Obligation(10_000, surrendered, 0, false, 0));
        ComplianceRisk r = ComplianceRisk.assess(uy, cea, ccer, P2024, NOV_1);
        assertThat(r.owed()).isEqualTo(owed);
        assertThat(r.coverable()).isEqualTo(coverable);
        assertThat(r.gap()).isEqualTo(gap);
        assertThat(r.level()).isEqualTo(level);
        assertThat(r.daysToSurrenderDeadline()).isEqualTo(60);
        assertThat(r.daysToEmissionsDeadline()).isEqualTo(-62);
    }

    @Test
    void still_owing_after_the_deadline_is_overdue_even_if_covered() {
        UnitYear uy = UnitYear.open("HB-U1", "HB", 2024, 10_000);
        assertThat(ComplianceRisk.assess(uy, 20_000, 0, P2024, JAN_5).level()).isEqualTo(ComplianceRisk.Level.OVERDUE);
    }

    @Test
    void a_listed_unit_without_emissions_is_due_then_missing() {
        assertThat(ComplianceRisk.assess(null, 0, 0, P2024, Instant.parse("2025-08-01T02:00:00Z"))
                        .level())
                .isEqualTo(ComplianceRisk.Level.EMISSIONS_DUE);
        assertThat(ComplianceRisk.assess(null, 0, 0, P2024, NOV_1).level())
                .isEqualTo(ComplianceRisk.Level.EMISSIONS_MISSING);
        assertThat(ComplianceRisk.assess(UnitYear.notEntered("HB-U1", "HB", 2024, null), 0, 0, P2024, JAN_5)
                        .level())
                .isEqualTo(ComplianceRisk.Level.EMISSIONS_MISSING);
    }

    @ParameterizedTest(name = "{0} days before, warning days 30: {1}")
    @CsvSource({"31, false", "30, true", "0, true", "-1, false"})
    void warnings_open_warning_days_before_a_deadline(long daysTo, boolean open) {
        assertThat(ComplianceRisk.inWarningWindow(daysTo, P2024)).isEqualTo(open);
    }
}
