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
    /** A vintage's parameters are not on the ledger: MEE publishes them first. */
    PARAMETERS_NOT_PUBLISHED,
    /** A deadline (or a pledge's maturity) has not passed yet, so the step cannot run yet. */
    DEADLINE_NOT_REACHED,
    /** A unit does not meet the key emitting unit criteria of the vintage (threshold, covered sector). */
    NOT_A_KEY_EMITTER,
    /** A DvP trade's party has no funds account with the settlement bank. */
    NO_FUNDS_ACCOUNT,
    LEDGER_UNAVAILABLE
}
