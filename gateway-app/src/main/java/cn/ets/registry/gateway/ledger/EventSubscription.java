package cn.ets.registry.gateway.ledger;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.LongConsumer;

/**
 * One subscriber of {@link Ledger#events}: its own delivery thread and a bounded buffer between
 * the ledger and the subscriber. A ledger hands it events without ever waiting on the subscriber
 * ({@link #offer(LedgerEvent)}: a committing thread never blocks on a slow reader), or waiting a
 * bounded time where backpressure is harmless ({@link #offer(LedgerEvent, long)}: a reader of
 * Fabric's event stream). A subscriber whose buffer is full has fallen behind: it is cut off —
 * what is buffered is still delivered, then {@code cutOff} gets the block to resume from — so it
 * costs the ledger a bounded amount of memory and nothing else.
 */
public final class EventSubscription implements AutoCloseable {
    /** Events buffered per subscriber before it counts as fallen behind (-Dcarbon.events.buffer). */
    public static final int CAPACITY = Integer.getInteger("carbon.events.buffer", 1024);

    /** What a ledger delivers before live events (its history), on the subscription's own thread. */
    public interface History {
        void replay(EventSubscription subscription) throws Exception;
    }

    private final long fromBlock;
    private final Consumer<LedgerEvent> sink;
    private final LongConsumer cutOff;
    private final BlockingQueue<LedgerEvent> buffer;
    private final List<Runnable> onClose = new CopyOnWriteArrayList<>();
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile long cutOffAt = -1;

    public EventSubscription(long fromBlock, int capacity, Consumer<LedgerEvent> sink, LongConsumer cutOff) {
        this.fromBlock = fromBlock;
        this.sink = Objects.requireNonNull(sink, "sink");
        this.cutOff = Objects.requireNonNull(cutOff, "cutOff");
        this.buffer = new ArrayBlockingQueue<>(capacity);
    }

    /** Starts the delivery thread: the history first (if any), then buffered live events. */
    public EventSubscription start(String name, History history) {
        Thread t = new Thread(() -> run(history), name);
        t.setDaemon(true);
        t.start();
        return this;
    }

    /** Runs when the subscription ends (closed, cut off, or its sink failed): a ledger deregisters here. */
    public void onClose(Runnable r) {
        onClose.add(r);
        if (closed.get()) {
            r.run();
        }
    }

    public boolean isOpen() {
        return !closed.get();
    }

    /** From the history, on the delivery thread: straight to the subscriber (it may take its time). */
    public void deliver(LedgerEvent e) {
        if (!closed.get() && e.block() >= fromBlock) {
            sink.accept(e);
        }
    }

    /** A live event from a committing thread: never waits; false once the subscriber is cut off or closed. */
    public boolean offer(LedgerEvent e) {
        try {
            return offer(e, 0);
        } catch (InterruptedException impossible) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** A live event, waiting at most {@code waitMillis} for room; false once the subscriber is cut off or closed. */
    public boolean offer(LedgerEvent e, long waitMillis) throws InterruptedException {
        if (closed.get() || cutOffAt >= 0) {
            return false;
        }
        if (e.block() < fromBlock) {
            return true;
        }
        boolean taken = waitMillis <= 0 ? buffer.offer(e) : buffer.offer(e, waitMillis, TimeUnit.MILLISECONDS);
        if (!taken) {
            cutOffAt = e.block();
        }
        return taken;
    }

    private void run(History history) {
        try {
            if (history != null) {
                history.replay(this);
            }
            while (!closed.get()) {
                LedgerEvent e = buffer.poll(200, TimeUnit.MILLISECONDS);
                if (e != null) {
                    sink.accept(e);
                } else if (cutOffAt >= 0 && buffer.isEmpty()) {
                    long resumeFrom = cutOffAt;
                    close();
                    cutOff.accept(resumeFrom);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            // the subscriber went away (its stream failed) or the ledger closed: the subscription ends
        } finally {
            close();
        }
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        buffer.clear();
        onClose.forEach(Runnable::run);
    }
}
