package cn.ets.registry.gateway.audit;

import cn.ets.registry.gateway.ledger.Signatures;
import java.security.PublicKey;
import java.util.concurrent.atomic.AtomicLong;

/** Counts signature checks and the CPU time they take, over every thread that verifies. */
final class SignatureCheck {
    private final AtomicLong count = new AtomicLong();
    private final AtomicLong nanos = new AtomicLong();

    boolean verify(PublicKey key, byte[] message, byte[] signature) {
        long t0 = System.nanoTime();
        try {
            return key != null && signature != null && Signatures.verify(key, message, signature);
        } finally {
            nanos.addAndGet(System.nanoTime() - t0);
            count.incrementAndGet();
        }
    }

    long count() {
        return count.get();
    }

    double cpuSeconds() {
        return nanos.get() / 1e9;
    }
}
