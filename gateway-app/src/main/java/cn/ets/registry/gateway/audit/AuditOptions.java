package cn.ets.registry.gateway.audit;

import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * How an audit runs: trust anchors (embedded: a directory of organisation CA certificates; null:
 * the data dir's own), threads verifying signatures, progress lines, how old an embedded entry may
 * be before it must be under a checkpoint, where to save the blocks read (Fabric), the last block
 * to read ({@link Long#MAX_VALUE}: all) and whether to keep the supply's history block by block.
 */
public record AuditOptions(
        Path trust,
        int threads,
        Consumer<String> progress,
        Duration maxUnendorsedAge,
        Path saveBlocks,
        long upTo,
        boolean history) {

    public static AuditOptions defaults() {
        return new AuditOptions(
                null,
                Runtime.getRuntime().availableProcessors(),
                m -> {},
                Duration.ofSeconds(10),
                null,
                Long.MAX_VALUE,
                false);
    }

    public AuditOptions withProgress(Consumer<String> p) {
        return new AuditOptions(trust, threads, p, maxUnendorsedAge, saveBlocks, upTo, history);
    }

    public AuditOptions upTo(long lastBlock) {
        return new AuditOptions(trust, threads, progress, maxUnendorsedAge, saveBlocks, lastBlock, history);
    }

    public AuditOptions withHistory() {
        return new AuditOptions(trust, threads, progress, maxUnendorsedAge, saveBlocks, upTo, true);
    }

    public AuditOptions withMaxUnendorsedAge(Duration age) {
        return new AuditOptions(trust, threads, progress, age, saveBlocks, upTo, history);
    }

    public AuditOptions savingBlocks(Path dir) {
        return new AuditOptions(trust, threads, progress, maxUnendorsedAge, dir, upTo, history);
    }

    public AuditOptions trusting(Path dir) {
        return new AuditOptions(dir, threads, progress, maxUnendorsedAge, saveBlocks, upTo, history);
    }

    public AuditOptions threads(int n) {
        return new AuditOptions(trust, n, progress, maxUnendorsedAge, saveBlocks, upTo, history);
    }

    public boolean partial() {
        return upTo != Long.MAX_VALUE;
    }
}
