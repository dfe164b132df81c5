package cn.ets.registry.domain;

/**
 * Stable codes of every rejection the ledger can give. They travel to clients as
 * {@code [CODE] message}; the gateway maps each to an HTTP status in one table.
 */
public enum ErrorCode {
    BAD_REQUEST,
    INVALID_QUANTITY,
    UNAUTHENTICATED,
    FORBIDDEN,
    NOT_FOUND,
    INSUFFICIENT_HOLDINGS,
    ACCOUNT_NOT_ACTIVE,
    NOT_TRADABLE,
    OFFSET_LIMIT_EXCEEDED,
    INELIGIBLE_OFFSET,
    DUPLICATE_ID,
    ALREADY_EXISTS,
    UNITS_LOCKED,
    DEADLINE_PASSED,
    ALREADY_ISSUED,
    INELIGIBLE_VINTAGE,
    EXCEEDS_OBLIGATION,
    CARRY_OVER_LIMIT_EXCEEDED,
    CONFLICT,
    LEDGER_UNAVAILABLE
}
