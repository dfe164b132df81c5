package cn.ets.registry.chaincode.inprocess;

import java.util.List;
import java.util.Map;

/**
 * Committed world state as one transaction sees it: a consistent view, keys in UTF-8 byte order
 * (the order of LevelDB and CouchDB keys on a peer). Values handed out are the caller's to keep.
 */
public interface StateReader {
    /** The committed value of {@code key}, or null when it has none. */
    byte[] get(String key);

    /** Keys in [startInclusive, endExclusive) in lexical (UTF-8 byte) order; an empty end means no bound. */
    List<Map.Entry<String, byte[]>> range(String startInclusive, String endExclusive);
}
