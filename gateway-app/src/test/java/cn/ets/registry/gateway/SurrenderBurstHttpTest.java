package cn.ets.registry.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ets.registry.gateway.testing.HttpAssertions;
import cn.ets.registry.gateway.testing.RegistryClient;
import cn.ets.registry.gateway.testing.SurrenderBurst;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/** The deadline burst on the embedded ledger: every unit surrenders at once and none is refused. */
class SurrenderBurstHttpTest {
    @Test
    void sixty_units_surrendering_at_once_all_succeed_and_the_supply_still_balances() throws Exception {
        try (Registry r = Registry.embedded(Files.createTempDirectory("burst"), true)) {
            r.start("127.0.0.1", 0);
            RegistryClient c = RegistryClient.of(r);
            SurrenderBurst burst =
                    new SurrenderBurst(c, "SB" + Long.toString(System.nanoTime(), 36), 2031).prepare(60, 8);
            long before = c.supplyOf(burst.product()).get("surrendered").getAsLong();

            SurrenderBurst.Outcome o = burst.surrender();

            assertThat(o.failures()).isEmpty();
            assertThat(o.surrendered()).isEqualTo(60);
            assertThat(c.supplyOf(burst.product()).get("surrendered").getAsLong() - before)
                    .isEqualTo(60 * 1_000L);
            HttpAssertions.assertSupplyBalanced(c);
        }
    }
}
