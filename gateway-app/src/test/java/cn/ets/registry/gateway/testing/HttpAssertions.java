package cn.ets.registry.gateway.testing;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ets.registry.gateway.testing.RegistryClient.Response;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.List;
import java.util.function.Supplier;

/** The checks the HTTP tests repeat, each failing with the answer in its message. */
public final class HttpAssertions {
    private HttpAssertions() {}

    public static Response expect(Response r, int status) {
        assertThat(r.status()).as("%s", r).isEqualTo(status);
        return r;
    }

    public static Response ok(Response r) {
        return expect(r, 200);
    }

    public static Response created(Response r) {
        return expect(r, 201);
    }

    public static Response expectError(Response r, int status, String code) {
        expect(r, status);
        assertThat(r.code()).as("%s", r).isEqualTo(code);
        return r;
    }

    /**
     * Runs a command that must be refused with {@code status} and {@code code} (a message and details
     * included), and checks that supply, the accounts and the ledger log are exactly as before.
     */
    public static Response assertRejectedUnchanged(
            RegistryClient c, List<String> accounts, int status, String code, Supplier<Response> command) {
        RegistryState before = RegistryState.of(c, accounts);
        Response r = command.get();
        assertThat(r.status()).as("status of %s", r).isEqualTo(status);
        assertThat(r.code()).as("error code of %s", r).isEqualTo(code);
        JsonObject error = r.json().getAsJsonObject("error");
        assertThat(error.get("message").getAsString()).as("error message").isNotBlank();
        assertThat(error.has("details")).as("error details present").isTrue();
        RegistryState after = RegistryState.of(c, accounts);
        assertThat(after).as("state after a refused command").isEqualTo(before);
        return r;
    }

    /** Every product: balanced, issued = held + locked + surrendered + cancelled; and the audit's recount balanced. */
    public static void assertSupplyBalanced(RegistryClient c) {
        for (JsonElement e : c.supply().getAsJsonArray("products")) {
            JsonObject p = e.getAsJsonObject();
            assertThat(p.get("balanced").getAsBoolean()).as("%s", p).isTrue();
            assertThat(p.get("held").getAsLong()
                            + p.get("locked").getAsLong()
                            + p.get("surrendered").getAsLong()
                            + p.get("cancelled").getAsLong())
                    .as("%s", p)
                    .isEqualTo(p.get("issued").getAsLong());
        }
        JsonObject audit = c.audit();
        assertThat(audit.get("balanced").getAsBoolean()).as("audit %s", audit).isTrue();
    }
}
