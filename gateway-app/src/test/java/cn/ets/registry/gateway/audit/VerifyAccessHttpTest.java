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
            for (int i = 0; r.status() == 429 && i < 100; i++) {
                r = c.get(who, "/api/v1/ledger/verify");
            }
            assertThat(r.status()).as("%s: %s", who, r).isEqualTo(200);
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
        assertThat(statuses).containsOnly(200, 429).contains(429).contains(200);
    }
}
