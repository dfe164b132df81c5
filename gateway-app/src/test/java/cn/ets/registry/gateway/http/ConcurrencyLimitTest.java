package cn.ets.registry.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ConcurrencyLimitTest {
    @Test
    void a_caller_over_its_own_share_is_refused_at_once() {
        ConcurrencyLimit limit = new ConcurrencyLimit(1, 10, 5, 5_000);
        assertThat(limit.tryAcquire("a")).isPresent();
        long t0 = System.nanoTime();
        assertThat(limit.tryAcquire("a")).isEmpty();
        assertThat((System.nanoTime() - t0) / 1_000_000).isLessThan(1_000);
        assertThat(limit.tryAcquire("b")).as("another caller still gets in").isPresent();
    }

    @Test
    void when_everyone_is_at_the_total_a_few_more_wait_for_a_place_and_the_rest_are_refused() throws Exception {
        ConcurrencyLimit limit = new ConcurrencyLimit(5, 1, 1, 5_000);
        ConcurrencyLimit.Permit first = limit.tryAcquire("a").orElseThrow();
        CompletableFuture<Optional<ConcurrencyLimit.Permit>> waiter =
                CompletableFuture.supplyAsync(() -> limit.tryAcquire("b"));
        Thread.sleep(200);
        assertThat(waiter).isNotDone();
        assertThat(limit.tryAcquire("c")).as("no room to wait: refused at once").isEmpty();
        first.close();
        assertThat(waiter.get(5, TimeUnit.SECONDS))
                .as("served once the first finished")
                .isPresent();
    }

    @Test
    void without_waiting_room_the_total_refuses_at_once() {
        ConcurrencyLimit limit = new ConcurrencyLimit(5, 1);
        assertThat(limit.tryAcquire("a")).isPresent();
        assertThat(limit.tryAcquire("b")).isEmpty();
    }
}
