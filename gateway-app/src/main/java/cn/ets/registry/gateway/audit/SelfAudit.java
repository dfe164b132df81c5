package cn.ets.registry.gateway.audit;

import cn.ets.registry.gateway.ledger.LedgerIdentity;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway auditing its own ledger with the same code an outside auditor runs: from its raw
 * source ({@code embedded:<data-dir>} or its organisation's own peer), on one background thread,
 * never under the ledger's write lock, at most once per {@code minInterval}. Its last result (and
 * the supply history it rebuilt) is what the public page and the public supply history show; a
 * holding statement is issued only from a ledger whose audit passes.
 */
public final class SelfAudit implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SelfAudit.class);
    private final String source;
    private final LedgerIdentity issuer;
    private final Duration minInterval;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "self-audit");
        t.setPriority(Thread.MIN_PRIORITY); // commits first
        t.setDaemon(true);
        return t;
    });
    private final AtomicReference<Result> last = new AtomicReference<>();
    private final AtomicReference<CompletableFuture<Result>> running = new AtomicReference<>();

    /** The last audit: when it ran, and what it found. */
    public record Result(Instant ranAt, AuditRun run) {}

    public SelfAudit(String source, LedgerIdentity issuer, Duration minInterval) {
        this.source = source;
        this.issuer = issuer;
        this.minInterval = minInterval;
    }

    public String source() {
        return source;
    }

    /** The latest result, refreshed in the background when older than the interval; waits (bounded) only for the first one. */
    public Optional<Result> latest(Duration waitForFirst) {
        Result r = last.get();
        if (r == null || Duration.between(r.ranAt(), Instant.now()).compareTo(minInterval) > 0) {
            CompletableFuture<Result> f = refresh();
            if (r == null) {
                try {
                    return Optional.of(f.get(waitForFirst.toMillis(), TimeUnit.MILLISECONDS));
                } catch (TimeoutException e) {
                    return Optional.empty();
                } catch (Exception e) {
                    LOG.warn("self-audit failed: {}", e.getMessage());
                    return Optional.empty();
                }
            }
        }
        return Optional.ofNullable(r);
    }

    /** Starts an audit unless one is running; either way answers the one that will finish next. */
    public CompletableFuture<Result> refresh() {
        CompletableFuture<Result> mine = new CompletableFuture<>();
        CompletableFuture<Result> current = running.compareAndExchange(null, mine);
        if (current != null) {
            return current;
        }
        worker.submit(() -> {
            try {
                AuditRun run = AuditCommand.audit(
                        source, AuditOptions.defaults().threads(1).withHistory());
                Result r = new Result(Instant.now(), run);
                last.set(r);
                mine.complete(r);
            } catch (RuntimeException e) {
                mine.completeExceptionally(e);
            } finally {
                running.set(null);
            }
        });
        return mine;
    }

    /** Whether an audit is running now. */
    public boolean running() {
        return running.get() != null;
    }

    /** A statement of {@code account} from a run that passed (the latest, usually). */
    public HoldingStatement statement(String account, AuditRun run) {
        if (!run.report().passed()) {
            throw new IllegalStateException(
                    "the ledger fails its own audit: " + run.report().findings().get(0));
        }
        return HoldingStatement.issue(account, run.replay(), issuer);
    }

    /** A statement of {@code account} as of {@code block} (null: the latest), from an audit run for it. */
    public HoldingStatement statement(String account, Long block) {
        AuditOptions options = AuditOptions.defaults().threads(1);
        AuditRun run = AuditCommand.audit(source, block == null ? options : options.upTo(block));
        if (!run.report().passed()) {
            throw new IllegalStateException(
                    "the ledger fails its own audit: " + run.report().findings().get(0));
        }
        if (block != null && run.replay().lastBlock() != block) {
            throw new IndexOutOfBoundsException("the ledger has no block " + block + " (it ends at "
                    + run.replay().lastBlock() + ")");
        }
        return HoldingStatement.issue(account, run.replay(), issuer);
    }

    @Override
    public void close() {
        worker.shutdownNow();
    }
}
