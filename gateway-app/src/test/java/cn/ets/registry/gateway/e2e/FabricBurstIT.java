package cn.ets.registry.gateway.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ets.registry.gateway.Registry;
import cn.ets.registry.gateway.testing.HttpAssertions;
import cn.ets.registry.gateway.testing.RegistryClient;
import cn.ets.registry.gateway.testing.SurrenderBurst;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The compliance-deadline burst on the real Fabric network (-Dfabric.network, as for
 * FabricFullCycleIT): 300 units surrender at the same moment through one gateway and every one is
 * answered 201 — no MVCC conflict or endorsement mismatch reaches a client. Its own year (2031),
 * so it runs in any order with the full cycle.
 */
class FabricBurstIT {
    private static final int UNITS = Integer.getInteger("burst.units", 300);

    @Test
    void three_hundred_units_surrendering_at_once_all_succeed_on_fabric() throws Exception {
        String file = System.getProperty("fabric.network");
        assertThat(file).as("-Dfabric.network=<runtime>/network.json").isNotBlank();
        try (Registry r = Registry.fabric(Files.createTempDirectory("fabric-burst"), Path.of(file), null)) {
            r.start("127.0.0.1", 0);
            RegistryClient c = RegistryClient.of(r);
            long t0 = System.nanoTime();
            SurrenderBurst burst =
                    new SurrenderBurst(c, "FB" + Long.toString(System.nanoTime(), 36), 2031).prepare(UNITS, 16);
            System.out.printf("[e2e] burst: %d units prepared in %d ms%n", UNITS, (System.nanoTime() - t0) / 1_000_000);
            long before = c.supplyOf(burst.product()).get("surrendered").getAsLong();

            SurrenderBurst.Outcome o = burst.surrender();

            System.out.printf(
                    "[e2e] burst: %d of %d surrendered in %.1f s (%.1f/s, p50 %.0f ms, p99 %.0f ms), failures %s, gateway %s%n",
                    o.surrendered(),
                    o.units(),
                    o.seconds(),
                    o.rate(),
                    o.percentileMs(0.50),
                    o.percentileMs(0.99),
                    o.failures(),
                    RegistryClient.anonymous(c.baseUrl(), "/health").body());
            assertThat(o.failures()).as("client-visible failures").isEmpty();
            assertThat(o.surrendered()).isEqualTo(UNITS);
            assertThat(c.supplyOf(burst.product()).get("surrendered").getAsLong() - before)
                    .isEqualTo(UNITS * 1_000L);
            HttpAssertions.assertSupplyBalanced(c);
        }
    }
}
