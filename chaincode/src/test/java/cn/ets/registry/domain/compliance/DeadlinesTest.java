package cn.ets.registry.domain.compliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import cn.ets.registry.domain.DomainException;
import cn.ets.registry.domain.ErrorCode;
import cn.ets.registry.domain.policy.PolicyParameters;
import cn.ets.registry.domain.policy.SeededParameters;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Deadlines on the ledger's clock: 2024's emissions deadline 2025-08-31 (003 §2.2.4) and surrender
 * deadline 2025-12-31 (003 §2.2.7), each a whole Beijing calendar day.
 */
class DeadlinesTest {
    private static final PolicyParameters P2024 = SeededParameters.forVintage("2024");

    @ParameterizedTest(name = "{0} -> Beijing {1}, surrender late {2}, {3} days to it")
    @CsvSource({
        "2025-12-31T15:59:59Z, 2025-12-31, false, 0", // 23:59:59 on the deadline in Beijing
        "2025-12-31T16:00:00Z, 2026-01-01, true,  -1", // 00:00 the day after
        "2025-12-01T02:00:00Z, 2025-12-01, false, 30",
        "2026-12-02T14:57:00Z, 2026-12-02, true,  -336",
    })
    void a_deadline_is_a_whole_day_in_beijing(Instant now, LocalDate today, boolean late, long daysTo) {
        assertThat(Deadlines.today(now)).isEqualTo(today);
        assertThat(Deadlines.surrenderLate(P2024, now)).isEqualTo(late);
        assertThat(Deadlines.daysTo(P2024.surrenderDeadline(), now)).isEqualTo(daysTo);
    }

    @ParameterizedTest(name = "{0}: emissions closed {1}")
    @CsvSource({"2025-08-31T15:59:59Z, false", "2025-08-31T16:00:00Z, true"})
    void verified_emissions_close_after_the_emissions_deadline(Instant now, boolean closed) {
        assertThat(Deadlines.emissionsClosed(P2024, now)).isEqualTo(closed);
    }

    @Test
    void a_year_closes_only_once_its_surrender_deadline_has_passed() {
        assertThatExceptionOfType(DomainException.class)
                .isThrownBy(() ->
                        Deadlines.requireSurrenderDeadlinePassed(2024, P2024, Instant.parse("2025-12-31T15:59:59Z")))
                .satisfies(e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.DEADLINE_NOT_REACHED);
                    assertThat(e.details()).containsEntry("surrenderDeadline", "2025-12-31");
                });
        assertThatCode(() ->
                        Deadlines.requireSurrenderDeadlinePassed(2024, P2024, Instant.parse("2025-12-31T16:00:00Z")))
                .doesNotThrowAnyException();
    }
}
