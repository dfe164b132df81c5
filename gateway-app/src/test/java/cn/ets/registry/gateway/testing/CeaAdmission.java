package cn.ets.registry.gateway.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

/**
 * The registry admits an institution to the CEA market (003 §2.2.6: without it an institution trades
 * CCER only), as the tests whose institutions buy CEA need.
 */
public final class CeaAdmission {
    private CeaAdmission() {}

    public static void admit(RegistryClient api, String institution) {
        RegistryClient.Response r = api.put(
                "registry",
                "/api/v1/accounts/" + institution + "/admission",
                Json.obj("requestId", "admit-" + UUID.randomUUID(), "admitted", true, "reason", "admitted investor"));
        assertThat(r.status()).as("%s", r).isEqualTo(200);
    }
}
