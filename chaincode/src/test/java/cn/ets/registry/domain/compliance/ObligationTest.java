package cn.ets.registry.domain.compliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import cn.ets.registry.domain.DomainException;
import cn.ets.registry.domain.ErrorCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ObligationTest {

    @Test
    void surrenders_count_toward_the_obligation_and_offsets_are_tracked() {
        Obligation o = Obligation.open(100_000).withSurrender(60_000, 0).withSurrender(35_000, 5_000);

        assertThat(o).isEqualTo(new Obligation(100_000, 95_000, 5_000, false, 0));
        assertThat(o.shortfall()).isEqualTo(5_000);
        assertThat(o.status()).isEqualTo(ComplianceStatus.OPEN);
    }

    @Test
    void closing_turns_the_shortfall_into_the_deduction() {
        Obligation closed = Obligation.open(100_000).withSurrender(95_000, 0).close();

        assertThat(closed).isEqualTo(new Obligation(100_000, 95_000, 0, true, 5_000));
        assertThat(closed.status()).isEqualTo(ComplianceStatus.SHORTFALL);
    }

    @ParameterizedTest(name = "late {0} t -> shortfall {1}, deduction {2}")
    @CsvSource({"1, 4999, 4999", "3000, 2000, 2000", "5000, 0, 0", "7000, 0, 0"})
    void late_surrender_lowers_the_deduction_tonne_for_tonne_never_below_zero(
            long late, long shortfall, long deduction) {
        Obligation after =
                Obligation.open(100_000).withSurrender(95_000, 0).close().withSurrender(late, 0);

        assertThat(after.shortfall()).isEqualTo(shortfall);
        assertThat(after.deduction()).isEqualTo(deduction);
        assertThat(after.closed()).isTrue();
    }

    @Test
    void a_unit_that_makes_up_its_shortfall_late_is_compliant() {
        Obligation after = Obligation.open(1000).close().withSurrender(1000, 0);

        assertThat(after.status()).isEqualTo(ComplianceStatus.COMPLIANT);
        assertThat(after.deduction()).isZero();
    }

    @Test
    void a_year_closes_once() {
        assertThatExceptionOfType(DomainException.class)
                .isThrownBy(() -> Obligation.open(1).close().close())
                .extracting(DomainException::code)
                .isEqualTo(ErrorCode.DEADLINE_PASSED);
    }

    @Test
    void inconsistent_figures_are_rejected() {
        assertThatExceptionOfType(DomainException.class)
                .isThrownBy(() -> new Obligation(10, 5, 6, false, 0))
                .extracting(DomainException::code)
                .isEqualTo(ErrorCode.INVALID_QUANTITY);
        assertThatExceptionOfType(DomainException.class)
                .isThrownBy(() -> new Obligation(10, 5, 0, false, 5))
                .extracting(DomainException::code)
                .isEqualTo(ErrorCode.BAD_REQUEST);
        assertThatExceptionOfType(DomainException.class)
                .isThrownBy(() -> Obligation.open(10).withSurrender(5, 6))
                .extracting(DomainException::code)
                .isEqualTo(ErrorCode.INVALID_QUANTITY);
        assertThatExceptionOfType(DomainException.class)
                .isThrownBy(() -> Obligation.open(10).withSurrender(0, 0))
                .extracting(DomainException::code)
                .isEqualTo(ErrorCode.INVALID_QUANTITY);
    }

    @ParameterizedTest(name = "owes {0}, surrendered {1}, surrenders {2} -> accepted {3}")
    @CsvSource({
        "1000, 0,   1000, true",
        "1000, 0,   1001, false",
        "1000, 400, 600,  true",
        "1000, 400, 601,  false",
        "1000, 1000, 1,   false"
    })
    void a_surrender_may_not_go_beyond_what_is_still_owed(long owed, long done, long more, boolean accepted) {
        Obligation o = new Obligation(owed, done, 0, false, 0);
        if (accepted) {
            assertThat(o.surrender(more, 0).surrendered()).isEqualTo(done + more);
        } else {
            assertThatExceptionOfType(DomainException.class)
                    .isThrownBy(() -> o.surrender(more, 0))
                    .satisfies(e -> assertThat(e.code()).isEqualTo(ErrorCode.EXCEEDS_OBLIGATION));
        }
    }

    @ParameterizedTest(name = "surrendered {0} (offset {1}), corrected to {2} with cap {3} -> accepted {4}")
    @CsvSource({
        "1100, 100, 2500, 125, true",
        "1100, 100, 1100, 100, true",
        "1100, 100, 1099, 100, false",
        "1100, 100, 1500, 75,  false",
        "0,    0,   0,    0,   true"
    })
    void verified_emissions_are_not_corrected_below_what_was_surrendered_or_offset(
            long done, long offset, long corrected, long cap, boolean accepted) {
        Obligation o = new Obligation(2000, done, offset, false, 0);
        if (accepted) {
            assertThat(o.correctedTo(corrected, cap).obligation()).isEqualTo(corrected);
        } else {
            assertThatExceptionOfType(DomainException.class)
                    .isThrownBy(() -> o.correctedTo(corrected, cap))
                    .satisfies(e -> assertThat(e.code()).isEqualTo(ErrorCode.CONFLICT));
        }
    }
}
