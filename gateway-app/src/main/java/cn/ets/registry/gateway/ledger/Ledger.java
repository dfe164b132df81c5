package cn.ets.registry.gateway.ledger;

import java.util.function.Consumer;

/**
 * The port every endpoint talks to. Two adapters: the embedded ledger (the chaincode's contracts
 * in-process, state in RocksDB) and the Fabric ledger (the Fabric Gateway SDK to a real network).
 * Functions are the chaincode's {@code contract:function} names; arguments and results are JSON.
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

    @Override
    void close();
}
