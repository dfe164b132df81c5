package cn.ets.registry.gateway.http;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * At most {@code perCaller} things at once for one caller and {@code total} for everyone: a
 * caller over its share is refused at once instead of queueing, so no caller can occupy what the
 * others (and the health check) need.
 */
public final class ConcurrencyLimit {
    private final int perCaller;
    private final int total;
    private final Semaphore all;
    private final Map<String, AtomicInteger> byCaller = new ConcurrentHashMap<>();

    public ConcurrencyLimit(int perCaller, int total) {
        this.perCaller = perCaller;
        this.total = total;
        this.all = new Semaphore(total);
    }

    /** Released by closing it, once. */
    public interface Permit extends AutoCloseable {
        @Override
        void close();
    }

    public Optional<Permit> tryAcquire(String caller) {
        if (!all.tryAcquire()) {
            return Optional.empty();
        }
        AtomicInteger mine = byCaller.computeIfAbsent(caller, k -> new AtomicInteger());
        if (mine.incrementAndGet() > perCaller) {
            mine.decrementAndGet();
            all.release();
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

    /** The refusal for a caller over the limit. */
    public ApiError refusal(String what) {
        return new ApiError(
                ErrorStatus.TOO_MANY_REQUESTS,
                "too many " + what + " at once (at most " + perCaller + " per caller, " + total
                        + " in all); retry when one has finished");
    }
}
