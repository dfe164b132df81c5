package cn.ets.registry.chaincode;

import cn.ets.registry.chaincode.tx.ChaincodeError;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * The shim logs every invocation at INFO, arguments included, and every refusal as SEVERE with a
 * stack trace: a request body and fifty lines per call. This keeps its warnings and real failures
 * and drops the rest: invocations below WARNING, and a refusal (a coded {@link ChaincodeError},
 * an answer like any other) either entirely or as one line without its stack trace.
 */
public final class ShimLogging {
    private ShimLogging() {}

    /**
     * Filters what reaches the root handlers (the shim sets its loggers' levels itself, from
     * CORE_CHAINCODE_LOGGING_*, when a router starts; handler filters it leaves alone).
     *
     * @param refusals whether a refusal is still logged (as one line); the gateway logs each request itself
     */
    public static void quiet(boolean refusals) {
        for (Handler h : Logger.getLogger("").getHandlers()) {
            h.setFilter(r -> keep(r, refusals));
        }
    }

    static boolean keep(LogRecord r, boolean refusals) {
        String name = r.getLoggerName() == null ? "" : r.getLoggerName();
        if (name.startsWith("org.hyperledger") && r.getLevel().intValue() < Level.WARNING.intValue()) {
            return false;
        }
        if (isRefusal(r.getThrown())
                || (r.getThrown() == null
                        && ChaincodeError.parse(r.getMessage()).isPresent())) {
            r.setThrown(null);
            return refusals;
        }
        return true;
    }

    private static boolean isRefusal(Throwable t) {
        return t != null && ChaincodeError.parse(t.getMessage()).isPresent();
    }
}
