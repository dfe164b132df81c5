package cn.ets.registry.gateway.http;

import cn.ets.registry.domain.ErrorCode;
import java.util.EnumMap;
import java.util.Map;

/** The one table from error code to HTTP status (api.md "Errors"). */
public final class ErrorStatus {
    private static final Map<ErrorCode, Integer> STATUS = new EnumMap<>(ErrorCode.class);

    static {
        for (ErrorCode c : ErrorCode.values()) {
            STATUS.put(c, 409); // a rule says no
        }
        STATUS.put(ErrorCode.BAD_REQUEST, 400);
        STATUS.put(ErrorCode.INVALID_QUANTITY, 400);
        STATUS.put(ErrorCode.UNAUTHENTICATED, 401);
        STATUS.put(ErrorCode.FORBIDDEN, 403);
        STATUS.put(ErrorCode.NOT_FOUND, 404);
        STATUS.put(ErrorCode.LEDGER_UNAVAILABLE, 503);
    }

    private ErrorStatus() {}

    public static int of(String code) {
        try {
            return STATUS.get(ErrorCode.valueOf(code));
        } catch (IllegalArgumentException e) {
            return 500;
        }
    }
}
