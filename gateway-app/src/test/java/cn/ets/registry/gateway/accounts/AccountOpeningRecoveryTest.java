package cn.ets.registry.gateway.accounts;

import static cn.ets.registry.gateway.testing.HttpAssertions.created;
import static org.assertj.core.api.Assertions.assertThat;

import cn.ets.registry.api.Catalogue;
import cn.ets.registry.gateway.testing.EmbeddedGateway;
import cn.ets.registry.gateway.testing.RegistryClient;
import cn.ets.registry.gateway.testing.RegistryClient.Response;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An account committed on the ledger whose credential was never made (the gateway died between
 * the two) is not lost: the same opening sent again answers 201 with a working token, once and for
 * all; other content for that id is still ALREADY_EXISTS.
 */
class AccountOpeningRecoveryTest {
    private static final String OPEN =
            "{\"id\":\"HB-REC-1\",\"type\":\"UNIT\",\"name\":\"Recovered Power\",\"province\":\"HB\",\"sector\":\"POWER\"}";

    @Test
    void an_opening_committed_without_its_credential_is_completed_by_sending_it_again(@TempDir Path dir) {
        try (EmbeddedGateway g = EmbeddedGateway.start(dir, false)) {
            RegistryClient c = g.client();
            // what a crash after the ledger's commit and before the credential leaves behind
            g.registry()
                    .ledger()
                    .submit(g.registry().identities().identity("province-HB"), Catalogue.OPEN_ACCOUNT.function(), OPEN);
            assertThat(g.registry().identities().hasName("account-HB-REC-1")).isFalse();

            Response again = created(c.post("province-HB", "/api/v1/accounts", OPEN));
            assertThat(again.str("id")).isEqualTo("HB-REC-1");
            assertThat(again.replayed()).isTrue();
            String token = again.str("token");
            c.addIdentity("HB-REC-1", token);
            assertThat(c.get("HB-REC-1", "/api/v1/accounts/HB-REC-1").status())
                    .as("the holder can use its account")
                    .isEqualTo(200);

            // once made, the credential is the answer to every later copy of the opening
            assertThat(created(c.post("province-HB", "/api/v1/accounts", OPEN)).str("token"))
                    .isEqualTo(token);
            Response other = c.post("province-HB", "/api/v1/accounts", OPEN.replace("Recovered Power", "Other"));
            assertThat(other.status()).as("%s", other).isEqualTo(409);
            assertThat(other.code()).isEqualTo("ALREADY_EXISTS");
            assertThat(other.body()).doesNotContain(token);
            // nobody else gets the holder's token by sending the same opening
            Response stranger = c.post("province-GD", "/api/v1/accounts", OPEN);
            assertThat(stranger.status()).isEqualTo(403);
            assertThat(stranger.body()).doesNotContain(token);
        }
    }
}
