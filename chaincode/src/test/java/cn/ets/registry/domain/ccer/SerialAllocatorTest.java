package cn.ets.registry.domain.ccer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import cn.ets.registry.domain.DomainException;
import cn.ets.registry.domain.ErrorCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SerialAllocatorTest {

    @ParameterizedTest(name = "after {0}, {1} t -> {2}..{3}")
    @CsvSource({"0, 1000, 1, 1000", "1000, 500, 1001, 1500", "0, 1, 1, 1"})
    void each_issuance_continues_where_the_last_ended(long lastEnd, long quantity, long start, long end) {
        assertThat(SerialAllocator.next(lastEnd, quantity)).isEqualTo(new SerialRange(start, end));
    }

    @Test
    void zero_or_negative_quantities_are_rejected() {
        assertThatExceptionOfType(DomainException.class)
                .isThrownBy(() -> SerialAllocator.next(0, 0))
                .extracting(DomainException::code)
                .isEqualTo(ErrorCode.INVALID_QUANTITY);
        assertThatExceptionOfType(DomainException.class)
                .isThrownBy(() -> SerialAllocator.next(-1, 10))
                .extracting(DomainException::code)
                .isEqualTo(ErrorCode.BAD_REQUEST);
    }
}
