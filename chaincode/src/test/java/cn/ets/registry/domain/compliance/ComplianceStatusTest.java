package cn.ets.registry.domain.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ComplianceStatusTest {

    @ParameterizedTest(name = "obligation {0}, surrendered {1}, closed {2} -> {3}")
    @CsvSource({
        "1000,    0, false, OPEN",
        "1000,  999, false, OPEN",
        "1000, 1000, false, COMPLIANT",
        "1000, 1200, false, COMPLIANT",
        "1000,  999, true,  SHORTFALL",
        "1000, 1000, true,  COMPLIANT",
        "   0,    0, false, COMPLIANT",
    })
    void status_follows_what_was_surrendered_and_whether_the_year_is_closed(
            long obligation, long surrendered, boolean closed, ComplianceStatus status) {
        assertThat(ComplianceStatus.of(obligation, surrendered, closed)).isEqualTo(status);
    }
}
