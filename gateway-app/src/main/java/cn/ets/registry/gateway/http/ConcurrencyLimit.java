package cn.ets.registry.gateway.http;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * At most {@code perCaller} things at once for one caller and {@code total} for everyone: a
 * caller over its share is refused at once instead of queueing, so no caller can occupy what the
 * others (and the health check) need. When everyone together is at the total, up to
 * {@code maxWaiting} more wait up to {@code waitMillis} for a place (many callers at once — the
 * compliance deadline, every unit surrendering — are served in turn rather than refused); beyond
 * that they are refused at once too.
 */
public final class ConcurrencyLimit {
    private final int perCaller;
    private final int total;
    private final Semaphore all;
    private final Map<String, AtomicInteger> byCaller = new ConcurrentHashMap<>();
    private final int maxWaiting;
    private final long waitMillis;
    private final AtomicInteger waiting = new AtomicInteger();

    public ConcurrencyLimit(int perCaller, int total) {
        this(perCaller, total, 0, 0);
    }

    public ConcurrencyLimit(int perCaller, int total, int maxWaiting, long waitMillis) {
        this.perCaller = perCaller;
        this.total = total;
        this.all = new Semaphore(total);
        this.maxWaiting = maxWaiting;
        this.waitMillis = waitMillis;
    }

    /** Released by closing it, once. */
    public interface Permit extends AutoCloseable {
        @Override
        void close();
    }

    public Optional<Permit> tryAcquire(String caller) {
        AtomicInteger mine = byCaller.computeIfAbsent(caller, k -> new AtomicInteger());
        if (mine.incrementAndGet() > perCaller) {
            mine.decrementAndGet();
            return Optional.empty();
        }
        if (!all.tryAcquire() && !awaitPlace()) {
            mine.decrementAndGet();
            return Optional.empty();
        }
        AtomicBoolean released = new AtomicBoolean();
        return Optional.of(() -> {
            if (released.compareAndSet(false, true)) {
                mine.decrementAndGet();
                all.release();
            }
        });
    }

    private boolean awaitPlace() {
        if (waiting.incrementAndGet() > maxWaiting) {
            waiting.decrementAndGet();
            return false;
        }
        try {
            return all.tryAcquire(waitMillis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            waiting.decrementAndGet();
        }
    }

    /** The refusal for a caller over the limit. */
    public ApiError refusal(String what) {
        return new ApiError(
                ErrorStatus.TOO_MANY_REQUESTS,
                "too many " + what + " at once (at most " + perCaller + " per caller, " + total
                        + " in all); retry when one has finished");
    }
}
