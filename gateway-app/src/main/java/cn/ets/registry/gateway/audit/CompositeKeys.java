package cn.ets.registry.gateway.audit;

import java.util.ArrayList;
import java.util.List;

/**
 * Fabric's composite keys as the chaincode writes them: {@code U+0000 type U+0000 attr U+0000 …},
 * read without the shim, so an auditor needs nothing of the chaincode's code to read its state.
 */
final class CompositeKeys {
    private static final char SEPARATOR = '\u0000';

    private CompositeKeys() {}

    /** [type, attributes…], or empty for a simple (non-composite) key. */
    static List<String> split(String key) {
        List<String> out = new ArrayList<>();
        if (key.isEmpty() || key.charAt(0) != SEPARATOR) {
            return out;
        }
        int start = 1;
        for (int i = 1; i < key.length(); i++) {
            if (key.charAt(i) == SEPARATOR) {
                out.add(key.substring(start, i));
                start = i + 1;
            }
        }
        return out;
    }

    static String of(String type, String... attributes) {
        StringBuilder b = new StringBuilder().append(SEPARATOR).append(type).append(SEPARATOR);
        for (String a : attributes) {
            b.append(a).append(SEPARATOR);
        }
        return b.toString();
    }
}
