package cn.ets.registry.domain.deposit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import cn.ets.registry.domain.DomainException;
import cn.ets.registry.domain.ErrorCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class DigestTest {
    static final String SHA256_OF_ABC = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
    static final String SM3_OF_ABC = "66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0";

    @Test
    void lowercase_64_hex_digests_are_accepted() {
        assertThat(Digest.requireSha256(SHA256_OF_ABC)).isEqualTo(SHA256_OF_ABC);
        assertThat(Digest.requireSm3(SM3_OF_ABC)).isEqualTo(SM3_OF_ABC);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(
            strings = {
                "BA7816BF8F01CFEA414140DE5DAE2223B00361A396177A9CB410FF61F20015AD", // uppercase
                "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015a", // 63
                "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad0", // 65
                "ga7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", // not hex
                "0xba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015",
                " ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015a",
            })
    void anything_else_is_a_bad_request(String value) {
        assertThatExceptionOfType(DomainException.class)
                .isThrownBy(() -> Digest.requireSha256(value))
                .extracting(DomainException::code)
                .isEqualTo(ErrorCode.BAD_REQUEST);
        assertThatExceptionOfType(DomainException.class)
                .isThrownBy(() -> Digest.requireSm3(value))
                .extracting(DomainException::code)
                .isEqualTo(ErrorCode.BAD_REQUEST);
    }
}
