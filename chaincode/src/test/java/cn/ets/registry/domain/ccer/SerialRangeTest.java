package cn.ets.registry.domain.ccer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import cn.ets.registry.domain.DomainException;
import cn.ets.registry.domain.ErrorCode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SerialRangeTest {

    @ParameterizedTest(name = "{0}..{1} holds {2}")
    @CsvSource({"1, 1, 1", "1, 1000, 1000", "1001, 1500, 500"})
    void a_range_holds_both_ends(long start, long end, long size) {
        assertThat(new SerialRange(start, end).size()).isEqualTo(size);
    }

    @ParameterizedTest(name = "{0}..{1} and {2}..{3}: {4}")
    @CsvSource({
        "1, 10, 10, 20, true", // share serial 10
        "1, 10, 11, 20, false", // touching is not overlapping
        "5, 6,  1,  10, true", // inside
        "1, 10, 3,  3,  true",
        "20, 30, 1, 19, false",
    })
    void ranges_overlap_when_they_share_a_serial(long s1, long e1, long s2, long e2, boolean overlaps) {
        SerialRange a = new SerialRange(s1, e1);
        SerialRange b = new SerialRange(s2, e2);

        assertThat(a.overlaps(b)).isEqualTo(overlaps);
        assertThat(b.overlaps(a)).isEqualTo(overlaps);
    }

    @ParameterizedTest(name = "{0}..{1}")
    @CsvSource({"10, 9", "0, 5", "-1, 5"})
    void an_end_before_the_start_or_a_serial_below_1_is_rejected(long start, long end) {
        assertThatExceptionOfType(DomainException.class)
                .isThrownBy(() -> new SerialRange(start, end))
                .extracting(DomainException::code)
                .isEqualTo(ErrorCode.BAD_REQUEST);
    }
}
