package cn.ets.registry.domain.supply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import cn.ets.registry.domain.DomainException;
import cn.ets.registry.domain.ErrorCode;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SupplyInvariantTest {

    @ParameterizedTest(name = "issued {0} held {1} locked {2} surrendered {3} cancelled {4}: {5}")
    @CsvSource({
        "0,    0,    0,  0,  0,  true",
        "100,  100,  0,  0,  0,  true",
        "100,  50,   20, 20, 10, true",
        "100,  0,    0,  60, 40, true",
        "100,  50,   20, 20, 9,  false",
        "100,  50,   20, 20, 11, false",
        "100,  -10,  50, 60, 0,  false",
        "100,  110,  -10, 0, 0,  false"
    })
    void issued_equals_held_plus_locked_plus_surrendered_plus_cancelled(
            long issued, long held, long locked, long surrendered, long cancelled, boolean balanced) {
        assertThat(SupplyInvariant.balanced(new SupplyCounters(issued, held, locked, surrendered, cancelled)))
                .isEqualTo(balanced);
    }

    @ParameterizedTest(name = "counters held {0} locked {1} vs holdings {2}/{3}: {4}")
    @CsvSource({"70, 10, 80, 10, true", "70, 10, 79, 10, false", "70, 10, 80, 9,  false", "80, 0,  80, 10, false"})
    void counters_match_holdings_only_when_both_quantity_and_lock_agree(
            long held, long locked, long scannedQ, long scannedL, boolean ok) {
        SupplyCounters c = new SupplyCounters(100, held, locked, 100 - held - locked, 0);
        assertThat(SupplyInvariant.matchesHoldings(c, scannedQ, scannedL)).isEqualTo(ok);
    }

    @Test
    void unbalanced_counters_never_match_holdings() {
        SupplyCounters c = new SupplyCounters(100, 80, 0, 0, 0);
        assertThat(SupplyInvariant.matchesHoldings(c, 80, 0)).isFalse();
    }

    @Test
    void every_sequence_of_supply_movements_stays_balanced() {
        long seed = System.nanoTime();
        Random r = new Random(seed);
        try {
            for (int run = 0; run < 200; run++) {
                SupplyCounters c = SupplyCounters.ZERO;
                for (int i = 0; i < 50; i++) {
                    long q = 1 + r.nextInt(1000);
                    SupplyCounters delta = switch (r.nextInt(5)) {
                        case 0 -> SupplyCounters.issuance(q);
                        case 1 -> SupplyCounters.surrender(Math.min(q, c.held()));
                        case 2 -> SupplyCounters.cancellation(Math.min(q, c.held()));
                        case 3 -> SupplyCounters.lock(Math.min(q, c.held()));
                        default -> SupplyCounters.unlock(Math.min(q, c.locked()));
                    };
                    c = c.plus(delta);
                    assertThat(SupplyInvariant.balanced(c)).as("after %s", c).isTrue();
                }
            }
        } catch (AssertionError e) {
            throw new AssertionError("seed " + seed + ": " + e.getMessage(), e);
        }
    }

    @Test
    void counter_sums_that_overflow_are_refused() {
        SupplyCounters big = new SupplyCounters(Long.MAX_VALUE, Long.MAX_VALUE, 0, 0, 0);
        assertThatExceptionOfType(DomainException.class)
                .isThrownBy(() -> big.plus(SupplyCounters.issuance(1)))
                .satisfies(e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_QUANTITY));
    }
}
