package cn.ets.registry.gateway.http;

import cn.ets.registry.domain.ErrorCode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** The one table from error code to HTTP status (api.md "Errors"), the ledger's codes and the edge's own. */
public final class ErrorStatus {
    /** Refusals of the HTTP edge itself: the request never reached a ledger. */
    public static final String NOT_ACCEPTABLE = "NOT_ACCEPTABLE";

    public static final String REQUEST_TIMEOUT = "REQUEST_TIMEOUT";
    public static final String PAYLOAD_TOO_LARGE = "PAYLOAD_TOO_LARGE";
    public static final String URI_TOO_LONG = "URI_TOO_LONG";
    public static final String UNSUPPORTED_MEDIA_TYPE = "UNSUPPORTED_MEDIA_TYPE";
    public static final String TOO_MANY_REQUESTS = "TOO_MANY_REQUESTS";
    public static final String HEADERS_TOO_LARGE = "HEADERS_TOO_LARGE";
    public static final String INTERNAL = "INTERNAL";

    private static final Map<ErrorCode, Integer> STATUS = new EnumMap<>(ErrorCode.class);
    private static final Map<String, Integer> EDGE = Map.of(
            NOT_ACCEPTABLE, 406,
            REQUEST_TIMEOUT, 408,
            PAYLOAD_TOO_LARGE, 413,
            URI_TOO_LONG, 414,
            UNSUPPORTED_MEDIA_TYPE, 415,
            TOO_MANY_REQUESTS, 429,
            HEADERS_TOO_LARGE, 431,
            INTERNAL, 500);

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
            return EDGE.getOrDefault(code, 500);
        }
    }

    /** Every code an answer may carry, for the OpenAPI description. */
    public static List<String> codes() {
        List<String> all = new ArrayList<>();
        for (ErrorCode c : ErrorCode.values()) {
            all.add(c.name());
        }
        all.addAll(new TreeSet<>(EDGE.keySet()));
        return all;
    }
}
