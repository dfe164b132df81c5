package cn.ets.registry.gateway.ledger;

import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

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
    AutoCloseable events(long fromBlock, Consumer<LedgerEvent> sink);

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
