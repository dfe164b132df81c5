package cn.ets.registry.domain.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/**
 * Succession (承继; 001 §11 names mergers among the changes a province handles): the successor's
 * year takes the predecessor's figures on top of its own; the predecessor keeps them for the
 * record, marked SUCCEEDED.
 */
class UnitYearSuccessionTest {

    @Test
    void an_open_year_adds_obligations_surrenders_and_offsets() {
        UnitYear ours = UnitYear.open("B", "HB", 2025, 1_000).with(new Obligation(1_000, 200, 50, false, 0));
        UnitYear theirs = UnitYear.open("A", "HB", 2025, 400).with(new Obligation(400, 100, 20, false, 0));
        UnitYear merged = ours.absorb(theirs);
        assertThat(merged.unitId()).isEqualTo("B");
        assertThat(merged.obligation()).isEqualTo(1_400);
        assertThat(merged.surrendered()).isEqualTo(300);
        assertThat(merged.offsetUsed()).isEqualTo(70);
        assertThat(merged.status()).isEqualTo(ComplianceStatus.OPEN);
        UnitYear left = theirs.succeededBy("B");
        assertThat(left.status()).isEqualTo(ComplianceStatus.SUCCEEDED);
        assertThat(left.obligation()).as("kept for the record").isEqualTo(400);
    }

    @Test
    void a_closed_year_adds_deductions_and_fines_and_an_estimate_makes_the_sum_an_estimate() {
        UnitYear ours = UnitYear.open("B", "HB", 2024, 1_000)
                .closedWith(new BigDecimal("100.00"), new BigDecimal("50000.00"), new BigDecimal("100000.00"), 10_000L);
        UnitYear theirs = UnitYear.open("A", "HB", 2024, 300, EmissionsBasis.ESTIMATED)
                .closedWith(
                        new BigDecimal("100.00"), new BigDecimal("150000.00"), new BigDecimal("300000.00"), 10_000L);
        UnitYear merged = ours.absorb(theirs);
        assertThat(merged.deduction()).isEqualTo(1_300);
        assertThat(merged.penaltyMin()).isEqualByComparingTo("200000.00");
        assertThat(merged.penaltyMax()).isEqualByComparingTo("400000.00");
        assertThat(merged.estimated()).isTrue();
        assertThat(merged.status()).isEqualTo(ComplianceStatus.SHORTFALL);
    }

    @Test
    void a_year_the_successor_had_nothing_for_becomes_its_own() {
        UnitYear moved = UnitYear.open("A", "HB", 2025, 400).movedTo("B", "HB");
        assertThat(moved.unitId()).isEqualTo("B");
        assertThat(moved.obligation()).isEqualTo(400);
        assertThat(moved.succeededBy()).isNull();
    }
}
