package cn.ets.registry.chaincode.testing;

import java.util.Random;
import java.util.function.LongConsumer;

/**
 * Seeded-random property runs without a property-testing library: each run gets its own seed,
 * printed before it starts and named in the failure, and {@code -Dprop.seed=<seed>} replays exactly
 * that run.
 */
public final class SeededRuns {
    private SeededRuns() {}

    public static void run(String property, int runs, LongConsumer body) {
        String fixed = System.getProperty("prop.seed");
        long[] seeds;
        if (fixed != null && !fixed.isBlank()) {
            seeds = new long[] {Long.parseLong(fixed.trim())};
        } else {
            Random master = new Random(System.nanoTime());
            seeds = new long[runs];
            for (int i = 0; i < runs; i++) {
                seeds[i] = master.nextLong();
            }
        }
        for (long seed : seeds) {
            long t0 = System.nanoTime();
            try {
                body.accept(seed);
                System.out.printf(
                        "%s: seed %d passed in %d ms%n", property, seed, (System.nanoTime() - t0) / 1_000_000);
            } catch (Throwable t) {
                throw new AssertionError(
                        property + " failed for seed " + seed + " (replay with -Dprop.seed=" + seed + "): "
                                + t.getMessage(),
                        t);
            }
        }
    }
}
