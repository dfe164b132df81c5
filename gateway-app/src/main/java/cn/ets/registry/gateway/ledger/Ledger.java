package cn.ets.registry.gateway.ledger;

import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.LongConsumer;

/**
 * The port every endpoint talks to. Two adapters: the embedded ledger (the chaincode's contracts
 * in-process, state in RocksDB) and the Fabric ledger (the Fabric Gateway SDK to a real network).
 * Functions are the chaincode's {@code contract:function} names; arguments and results are JSON.
 * Optional capabilities have defaults, so callers never ask which adapter they hold.
 */
public interface Ledger extends AutoCloseable {

    /** "embedded" or "fabric". */
    String kind();

    /** Endorses, orders and commits; returns the chaincode's result once committed. */
    String submit(LedgerIdentity who, String function, String... args);

    /** Runs a query against committed state; writes nothing. */
    String evaluate(LedgerIdentity who, String function, String... args);

    /** Streams committed chaincode events from {@code fromBlock} on; close the handle to stop. */
    default AutoCloseable events(long fromBlock, Consumer<LedgerEvent> sink) {
        return events(fromBlock, sink, resumeFrom -> {});
    }

    /**
     * Streams committed chaincode events from {@code fromBlock} on, in order, to {@code sink} on a
     * thread of the subscription's own ({@link EventSubscription}): no commit ever waits for a
     * subscriber. One that falls {@link EventSubscription#CAPACITY} events behind is cut off:
     * {@code cutOff} gets the block to resume from and nothing more is sent. Close the handle to stop.
     */
    AutoCloseable events(long fromBlock, Consumer<LedgerEvent> sink, LongConsumer cutOff);

    /** Figures for {@code /health} beyond status and kind (conflicts retried, height …). */
    default Map<String, Object> health() {
        return Map.of();
    }

    /** The ledger's own end-to-end integrity check, where it has one. */
    default Optional<LedgerVerification> verify() {
        return Optional.empty();
    }

    @Override
    void close();
}
