package cn.ets.registry.domain.deposit;

import cn.ets.registry.domain.DomainException;
import cn.ets.registry.domain.ErrorCode;
import java.util.Map;
import java.util.regex.Pattern;

/** SHA-256 and SM3 digests are both 256 bits, written as 64 lowercase hex characters. */
public final class Digest {
    private static final Pattern HEX_256 = Pattern.compile("[0-9a-f]{64}");

    private Digest() {}

    public static String requireSha256(String value) {
        return require("sha256", value);
    }

    public static String requireSm3(String value) {
        return require("sm3", value);
    }

    private static String require(String field, String value) {
        if (value == null || !HEX_256.matcher(value).matches()) {
            throw new DomainException(
                    ErrorCode.BAD_REQUEST, field + " must be 64 lowercase hex characters", Map.of("field", field));
        }
        return value;
    }
}
