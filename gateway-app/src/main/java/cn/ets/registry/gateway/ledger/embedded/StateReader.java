package cn.ets.registry.gateway.ledger.embedded;

import java.util.List;
import java.util.Map;

/** Committed world state as a transaction sees it: one consistent snapshot, keys in byte order. */
interface StateReader {
    byte[] get(String key);

    /** Keys in [startInclusive, endExclusive) in lexical (UTF-8 byte) order; an empty end means no bound. */
    List<Map.Entry<String, byte[]>> range(String startInclusive, String endExclusive);
}
