package cn.ets.registry.domain.allocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import cn.ets.registry.domain.DomainException;
import cn.ets.registry.domain.ErrorCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TrueUpTest {

    @ParameterizedTest(name = "final {0}, pre {1} -> {2}")
    @CsvSource({"80000, 70000, 10000", "60000, 70000, -10000", "70000, 70000, 0", "0, 70000, -70000"})
    void true_up_issues_the_rest_or_claws_back_the_excess(long finalAllocation, long preAllocated, long expected) {
        assertThat(new TrueUp(finalAllocation, preAllocated).trueUp()).isEqualTo(expected);
    }

    @Test
    void negative_allocations_are_rejected() {
        assertThatExceptionOfType(DomainException.class)
                .isThrownBy(() -> new TrueUp(-1, 0))
                .extracting(DomainException::code)
                .isEqualTo(ErrorCode.INVALID_QUANTITY);
    }
}
