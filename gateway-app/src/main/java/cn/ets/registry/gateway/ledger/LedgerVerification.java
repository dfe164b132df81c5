package cn.ets.registry.gateway.ledger;

import cn.ets.registry.api.Omittable;

/**
 * The embedded ledger's check of itself: every log entry's seal and link to the previous one, no
 * gaps, and the state rebuilt from the log's writes equal to the state on disk.
 */
public record LedgerVerification(
        long entries,
        String headHash,
        boolean chainIntact,
        boolean stateMatchesLog,
        long stateKeys,
        @Omittable String problem) {}
