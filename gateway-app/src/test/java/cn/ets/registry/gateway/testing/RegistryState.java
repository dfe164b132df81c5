package cn.ets.registry.gateway.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What "nothing changed" means for a test: supply of every product, every listed account as the
 * registry sees it (status and holdings), and, where the ledger offers it, the number of log entries
 * and state keys.
 */
public record RegistryState(String supply, Map<String, String> accounts, long logEntries, long stateKeys) {

    public static RegistryState of(RegistryClient c, List<String> accounts) {
        Map<String, String> views = new LinkedHashMap<>();
        for (String id : accounts) {
            views.put(id, c.account(id).toString());
        }
        var v = c.verify();
        return new RegistryState(c.supply().toString(), views,
                v.map(o -> o.get("entries").getAsLong()).orElse(-1L), v.map(o -> o.get("stateKeys").getAsLong()).orElse(-1L));
    }

    /**
     * Runs a command that must be refused with {@code status} and {@code code}, and checks that supply,
     * the accounts and the ledger log are exactly as before.
     */
    public static RegistryClient.Response assertRejectedUnchanged(RegistryClient c, List<String> accounts, int status, String code,
                                                                 Supplier<RegistryClient.Response> command) {
        RegistryState before = of(c, accounts);
        RegistryClient.Response r = command.get();
        assertThat(r.status()).as("status of %s", r).isEqualTo(status);
        assertThat(r.code()).as("error code of %s", r).isEqualTo(code);
        JsonObject error = r.json().getAsJsonObject("error");
        assertThat(error.get("message").getAsString()).as("error message").isNotBlank();
        assertThat(error.has("details")).as("error details present").isTrue();
        RegistryState after = of(c, accounts);
        assertThat(after).as("state after a refused command").isEqualTo(before);
        return r;
    }
}
