package cn.ets.registry.gateway.audit;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ets.registry.gateway.testing.RegistryClient;
import cn.ets.registry.gateway.testing.RegistryClient.Response;
import cn.ets.registry.gateway.testing.SharedGateway;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The ledger's self-check reads everything: auditors, the registry and MEE may ask, one verification at a time. */
@ExtendWith(SharedGateway.class)
class VerifyAccessHttpTest {

    @Test
    void only_auditors_the_registry_and_mee_may_verify_the_ledger(RegistryClient c) {
        for (String who : List.of("exchange", "province-HB", "province-GD")) {
            Response r = c.get(who, "/api/v1/ledger/verify");
            assertThat(r.status()).as("%s: %s", who, r).isEqualTo(403);
            assertThat(r.code()).isEqualTo("FORBIDDEN");
        }
        for (String who : List.of("auditor", "registry", "mee")) {
            Response r = c.get(who, "/api/v1/ledger/verify");
            for (int i = 0; r.status() == 429 && i < 1_000; i++) {
                sleep(20); // its turn comes after the pause that follows the last verification
                r = c.get(who, "/api/v1/ledger/verify");
            }
            assertThat(r.status()).as("%s: %s", who, r).isEqualTo(200);
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void verifications_asked_for_at_once_run_one_at_a_time(RegistryClient c) throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<CompletableFuture<Response>> calls = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            String who = List.of("auditor", "registry", "mee").get(i % 3);
            calls.add(CompletableFuture.supplyAsync(
                    () -> {
                        try {
                            go.await();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                        return c.get(who, "/api/v1/ledger/verify");
                    },
                    pool));
        }
        go.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (var f : calls) {
            statuses.add(f.get().status());
        }
        pool.shutdown();
        // A verification of this small ledger takes about a millisecond and the pause after it three
        // times that, so on a loaded machine a few of the burst may find their turn; most must not.
        assertThat(statuses).isSubsetOf(200, 429);
        assertThat(statuses.stream().filter(x -> x == 429).count())
                .as("%s", statuses)
                .isGreaterThanOrEqualTo(8);
    }
}
