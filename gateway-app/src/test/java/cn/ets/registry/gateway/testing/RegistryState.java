package cn.ets.registry.gateway.testing;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What "nothing changed" means for a test: supply of every product, every listed account as the
 * registry sees it (status and holdings), and, where the ledger offers it, the number of log entries
 * and state keys. {@link HttpAssertions#assertRejectedUnchanged} compares it before and after a refusal.
 */
public record RegistryState(String supply, Map<String, String> accounts, long logEntries, long stateKeys) {

    public static RegistryState of(RegistryClient c, List<String> accounts) {
        Map<String, String> views = new LinkedHashMap<>();
        for (String id : accounts) {
            views.put(id, c.account(id).toString());
        }
        var v = c.verify();
        return new RegistryState(
                c.supply().toString(),
                views,
                v.map(o -> o.get("entries").getAsLong()).orElse(-1L),
                v.map(o -> o.get("stateKeys").getAsLong()).orElse(-1L));
    }
}
