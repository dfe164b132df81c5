package cn.ets.registry.gateway.ledger.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ets.registry.gateway.Registry;
import cn.ets.registry.gateway.ledger.EventSubscription;
import cn.ets.registry.gateway.ledger.Ledger;
import cn.ets.registry.gateway.ledger.LedgerEvent;
import cn.ets.registry.gateway.ledger.LedgerIdentity;
import cn.ets.registry.gateway.ledger.LedgerVerification;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Readers of the embedded ledger never hold up a commit: an event subscriber that stops reading
 * (during its history or live) and a verification of the whole log both run beside commits, and a
 * subscriber that falls behind is cut off with the block to resume from, losing nothing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EmbeddedLedgerReadersTest {
    private Registry registry;
    private Ledger ledger;
    private LedgerIdentity mee;
    private final AtomicLong ids = new AtomicLong();

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        registry = Registry.embedded(dir, false);
        ledger = registry.ledger();
        mee = registry.identities().identity("mee");
    }

    @AfterAll
    void stop() {
        registry.close();
    }

    private void issue() {
        ledger.submit(
                mee,
                "issuance:issue",
                "{\"requestId\":\"rd-" + ids.incrementAndGet() + "\",\"product\":\"CEA-2024\",\"quantity\":1}");
    }

    /** Commits on another thread: done within the time, or the commit waited on a reader. */
    private void commitsWithin(int count, long seconds) throws Exception {
        ExecutorService one = Executors.newSingleThreadExecutor();
        try {
            Future<?> f = one.submit(() -> {
                for (int i = 0; i < count; i++) {
                    issue();
                }
            });
            f.get(seconds, TimeUnit.SECONDS);
        } finally {
            one.shutdownNow();
        }
    }

    @Test
    void a_subscriber_that_stops_reading_live_events_never_blocks_a_commit() throws Exception {
        CountDownLatch stalled = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        long head = ((EmbeddedLedger) ledger).height();
        try (AutoCloseable s = ledger.events(head + 1, e -> {
            stalled.countDown();
            await(release);
        })) {
            commitsWithin(1, 10);
            assertThat(stalled.await(10, TimeUnit.SECONDS)).isTrue();
            commitsWithin(50, 20);
        } finally {
            release.countDown();
        }
    }

    @Test
    void a_subscriber_that_stops_reading_its_history_never_blocks_a_commit() throws Exception {
        for (int i = 0; i < 20; i++) {
            issue();
        }
        CountDownLatch stalled = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        try (AutoCloseable s = ledger.events(0, e -> {
            stalled.countDown();
            await(release);
        })) {
            assertThat(stalled.await(10, TimeUnit.SECONDS)).isTrue();
            commitsWithin(20, 20);
        } finally {
            release.countDown();
        }
    }

    @Test
    void a_subscriber_that_falls_behind_is_cut_off_with_the_block_to_resume_from_and_misses_nothing() throws Exception {
        long from = ((EmbeddedLedger) ledger).height() + 1;
        CountDownLatch release = new CountDownLatch(1);
        List<LedgerEvent> got = new ArrayList<>();
        CompletableFuture<Long> cutOff = new CompletableFuture<>();
        int commits = EventSubscription.CAPACITY + 200;
        CountDownLatch live = new CountDownLatch(1);
        try (AutoCloseable s = ledger.events(
                from,
                e -> {
                    if (e.block() > from) {
                        await(release);
                    }
                    synchronized (got) {
                        got.add(e);
                    }
                    live.countDown();
                },
                cutOff::complete)) {
            commitsWithin(1, 10);
            assertThat(live.await(10, TimeUnit.SECONDS)).isTrue();
            Thread.sleep(300); // past its (empty) history: the subscriber now waits for live events
            commitsWithin(commits - 1, 120);
            release.countDown();
            long resumeFrom = cutOff.get(30, TimeUnit.SECONDS);
            List<Long> blocks;
            synchronized (got) {
                blocks = got.stream().map(LedgerEvent::block).toList();
            }
            assertThat(blocks).as("delivered before the cut-off, in order").isSorted();
            assertThat(blocks.get(0)).isEqualTo(from);
            assertThat(resumeFrom).isEqualTo(blocks.get(blocks.size() - 1) + 1);
            assertThat(blocks.size()).isLessThan(commits);

            // resuming from that block delivers the rest, none missing
            List<Long> rest = new ArrayList<>();
            long last = from + commits - 1;
            CountDownLatch all = new CountDownLatch(1);
            try (AutoCloseable again = ledger.events(resumeFrom, e -> {
                synchronized (rest) {
                    rest.add(e.block());
                    if (e.block() == last) {
                        all.countDown();
                    }
                }
            })) {
                assertThat(all.await(30, TimeUnit.SECONDS)).isTrue();
            }
            List<Long> together = new ArrayList<>(blocks);
            together.addAll(rest);
            List<Long> expected = new ArrayList<>();
            for (long b = from; b <= last; b++) {
                expected.add(b);
            }
            assertThat(together).isEqualTo(expected);
        } finally {
            release.countDown();
        }
    }

    @Test
    void verifying_the_log_runs_beside_commits_and_sees_one_consistent_snapshot() throws Exception {
        for (int i = 0; i < 1500; i++) {
            issue();
        }
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            long t0 = System.nanoTime();
            Future<LedgerVerification> v = pool.submit(() -> ledger.verify().orElseThrow());
            Thread.sleep(5); // the verification is under way
            issue();
            boolean commitFinishedFirst = !v.isDone();
            LedgerVerification result = v.get(60, TimeUnit.SECONDS);
            long verifyMs = (System.nanoTime() - t0) / 1_000_000;
            assertThat(result.chainIntact()).as("%s", result).isTrue();
            assertThat(result.stateMatchesLog()).as("%s", result).isTrue();
            assertThat(commitFinishedFirst)
                    .as("a commit during a verification of %d ms finished before it", verifyMs)
                    .isTrue();
        } finally {
            pool.shutdownNow();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
