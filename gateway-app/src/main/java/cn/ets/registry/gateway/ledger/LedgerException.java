package cn.ets.registry.gateway.ledger;

import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A refusal or failure from the ledger, with the chaincode's stable code ({@code [CODE] message})
 * or the gateway's own (LEDGER_UNAVAILABLE, CONFLICT).
 */
public final class LedgerException extends RuntimeException {
    private static final Pattern CODED = Pattern.compile("\\[([A-Z_]+)] (.*)", Pattern.DOTALL);
    private final String code;
    private final String detailsJson;

    public LedgerException(String code, String message, String detailsJson) {
        super(message);
        this.code = Objects.requireNonNull(code, "code");
        this.detailsJson = detailsJson;
    }

    public LedgerException(String code, String message, Throwable cause) {
        super(message, cause);
        this.code = Objects.requireNonNull(code, "code");
        this.detailsJson = null;
    }

    /** Parses a chaincode error message; anything without a code is an internal error. */
    public static LedgerException fromChaincode(String message, String detailsJson) {
        String m = message == null ? "" : message;
        int i = m.indexOf('[');
        Matcher matcher = CODED.matcher(i >= 0 ? m.substring(i) : m);
        if (matcher.matches()) {
            return new LedgerException(matcher.group(1), matcher.group(2), detailsJson);
        }
        return new LedgerException("INTERNAL", "the chaincode failed: " + m, (String) null);
    }

    public String code() {
        return code;
    }

    public String detailsJson() {
        return detailsJson;
    }
}
