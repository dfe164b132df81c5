package cn.ets.registry.domain.compliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import cn.ets.registry.domain.DomainException;
import cn.ets.registry.domain.ErrorCode;
import cn.ets.registry.domain.policy.PolicyParameters;
import cn.ets.registry.domain.policy.SeededParameters;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * When the province may record a unit's emissions (001 §27, §30: the verified figure is the
 * obligation; 001 §43: after a unit fails to report, the province's estimate is, and it may reduce
 * next year's allocation; 003 §2.2.4: the verification deadline).
 */
class EmissionsRecordingTest {
    private static final PolicyParameters P2024 = SeededParameters.forVintage("2024");
    private static final BigDecimal PRICE = new BigDecimal("100.00");

    private static UnitYear record(UnitYear current, long figure, boolean estimated, boolean closed, boolean late) {
        return EmissionsRecording.record(
                "HB-U1", "HB", 2024, current, figure, estimated, closed, late, closed ? PRICE : null, P2024);
    }

    private static ErrorCode refusal(UnitYear current, long figure, boolean estimated, boolean closed, boolean late) {
        try {
            record(current, figure, estimated, closed, late);
            return null;
        } catch (DomainException e) {
            return e.code();
        }
    }

    /** Columns: what is recorded so far, the figure's kind, year closed, deadline passed → refusal (or none). */
    @ParameterizedTest(name = "{0}, {1}, closed {2}, past deadline {3} -> {4}")
    @CsvSource({
        "NONE,        VERIFIED,  false, false, ",
        "NONE,        VERIFIED,  false, true,  DEADLINE_PASSED",
        "NONE,        ESTIMATED, false, true,  ",
        "NONE,        ESTIMATED, false, false, ",
        "VERIFIED,    VERIFIED,  false, false, ",
        "VERIFIED,    ESTIMATED, false, false, CONFLICT",
        "ESTIMATED,   VERIFIED,  false, false, ",
        "ESTIMATED,   ESTIMATED, false, true,  ",
        "NONE,        VERIFIED,  true,  true,  DEADLINE_PASSED",
        "VERIFIED,    ESTIMATED, true,  true,  DEADLINE_PASSED",
        "NOT_ENTERED, ESTIMATED, true,  true,  ",
        "NOT_ENTERED, VERIFIED,  true,  true,  DEADLINE_PASSED",
        "NONE,        ESTIMATED, true,  true,  ",
    })
    void who_records_what_when(String so_far, String kind, boolean closed, boolean late, ErrorCode expected) {
        UnitYear current = switch (so_far) {
            case "NONE" -> null;
            case "VERIFIED" ->
                closed
                        ? UnitYear.open("HB-U1", "HB", 2024, 500).closedWith(null, null, null, 10_000L)
                        : UnitYear.open("HB-U1", "HB", 2024, 500);
            case "ESTIMATED" -> UnitYear.open("HB-U1", "HB", 2024, 500, EmissionsBasis.ESTIMATED);
            default -> UnitYear.notEntered("HB-U1", "HB", 2024, 10_000L);
        };
        assertThat(refusal(current, 800, kind.equals("ESTIMATED"), closed, late))
                .isEqualTo(expected);
    }

    @Test
    void an_estimate_is_flagged_as_estimated() {
        UnitYear uy = record(null, 30_000, true, false, true);
        assertThat(uy.basis()).isEqualTo(EmissionsBasis.ESTIMATED);
        assertThat(uy.estimated()).isTrue();
        assertThat(uy.obligation()).isEqualTo(30_000);
        assertThat(uy.status()).isEqualTo(ComplianceStatus.OPEN);
        assertThat(record(uy, 40_000, false, false, false).basis()).isEqualTo(EmissionsBasis.VERIFIED);
    }

    /** A unit closed without emissions: the estimate is all short — deducted and fined at the close's price. */
    @Test
    void an_estimate_after_the_close_is_short_in_full_and_fined_at_the_closes_price() {
        UnitYear after = record(UnitYear.notEntered("HB-U1", "HB", 2024, 10_000L), 30_000, true, true, true);
        assertThat(after.status()).isEqualTo(ComplianceStatus.SHORTFALL);
        assertThat(after.obligation()).isEqualTo(30_000);
        assertThat(after.deduction()).isEqualTo(30_000);
        assertThat(after.penaltyMin()).isEqualByComparingTo("15000000.00"); // 5 × 100.00 × 30,000
        assertThat(after.penaltyMax()).isEqualByComparingTo("30000000.00");
        assertThat(after.estimated()).isTrue();
        assertThat(after.carryOverLimit()).isEqualTo(10_000L);
    }

    @Test
    void a_year_whose_obligation_moved_to_a_successor_takes_no_figure() {
        UnitYear moved = UnitYear.open("HB-U1", "HB", 2024, 500).succeededBy("HB-U9");
        assertThatExceptionOfType(DomainException.class)
                .isThrownBy(() -> record(moved, 600, false, false, false))
                .extracting(DomainException::code)
                .isEqualTo(ErrorCode.CONFLICT);
    }
}
