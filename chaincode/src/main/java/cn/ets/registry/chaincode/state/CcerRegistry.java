package cn.ets.registry.chaincode.state;

import cn.ets.registry.domain.DomainException;
import cn.ets.registry.domain.ErrorCode;
import cn.ets.registry.domain.ccer.CcerBatch;
import cn.ets.registry.domain.ccer.CcerProject;
import cn.ets.registry.domain.ccer.SerialAllocator;
import cn.ets.registry.domain.ccer.SerialRange;
import cn.ets.registry.domain.product.Product;
import java.util.Map;
import java.util.Optional;

/**
 * The CCER registry in world state: projects ({@code ccerproj~id}), batches ({@code ccerbatch~CCER-n})
 * and the sequence of batch numbers and serials ({@code ccerseq}).
 */
public final class CcerRegistry {
    private final LedgerState state;

    public CcerRegistry(LedgerState state) {
        this.state = state;
    }

    public Optional<CcerProject> findProject(String id) {
        return state.get(state.key(Keys.CCER_PROJECT, id), CcerProject.class);
    }

    public CcerProject project(String id) {
        return findProject(id)
                .orElseThrow(() -> new DomainException(
                        ErrorCode.NOT_FOUND, "no CCER project '" + id + "'", Map.of("projectId", id)));
    }

    public void save(CcerProject p) {
        state.put(state.key(Keys.CCER_PROJECT, p.id()), p);
    }

    public CcerBatch batch(Product product) {
        if (product.isCea()) {
            throw DomainException.badRequest(product + " is not a CCER batch");
        }
        return state.get(state.key(Keys.CCER_BATCH, product.code()), CcerBatch.class)
                .orElseThrow(() -> new DomainException(
                        ErrorCode.NOT_FOUND, "no CCER batch " + product, Map.of("product", product.code())));
    }

    public void save(CcerBatch b) {
        state.put(state.key(Keys.CCER_BATCH, b.product()), b);
    }

    /** The next batch number and the next {@code quantity} serials, globally contiguous. */
    public NextBatch next(long quantity) {
        String key = state.key(Keys.CCER_SEQUENCE);
        Sequence seq = state.get(key, Sequence.class).orElse(new Sequence(0, 0));
        SerialRange serials = SerialAllocator.next(seq.lastSerial(), quantity);
        long batchNo = seq.lastBatch() + 1;
        state.put(key, new Sequence(batchNo, serials.end()));
        return new NextBatch(Product.ccer(batchNo), serials);
    }

    public record NextBatch(Product product, SerialRange serials) {}

    record Sequence(long lastBatch, long lastSerial) {}
}
