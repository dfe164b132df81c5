package cn.ets.registry.gateway.ledger;

import cn.ets.registry.chaincode.tx.ChaincodeError;
import java.util.Objects;

/**
 * A refusal or failure from the ledger, with the chaincode's stable code and details (read with
 * {@link ChaincodeError#parse}, the same on both ledgers) or the gateway's own (LEDGER_UNAVAILABLE,
 * CONFLICT, INTERNAL).
 */
public final class LedgerException extends RuntimeException {
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

    /** A chaincode error message; anything without a code is an internal error. */
    public static LedgerException fromChaincode(String message) {
        return ChaincodeError.parse(message)
                .map(e -> new LedgerException(e.code(), e.message(), e.detailsJson()))
                .orElseGet(() -> new LedgerException("INTERNAL", "the chaincode failed: " + message, (String) null));
    }

    public String code() {
        return code;
    }

    public String detailsJson() {
        return detailsJson;
    }
}
