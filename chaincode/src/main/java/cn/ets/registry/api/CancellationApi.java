package cn.ets.registry.api;

import cn.ets.registry.domain.product.Product;
import java.util.List;

/** Voluntary cancellation for public-good purposes (001 §15): public, with purpose and beneficiary. */
public final class CancellationApi {
    private CancellationApi() {}

    public record Cancel(
            String requestId,
            String account,
            Product product,
            @Quantity long quantity,
            String purpose,
            @Omittable String beneficiary) {}

    /** {@code serials}: for CCER, the serial ranges retired. */
    public record Cancelled(
            String requestId,
            String account,
            String product,
            long quantity,
            String purpose,
            @Omittable String beneficiary,
            @Omittable List<Serials> serials,
            @Flatten Attribution attribution) {}

    public record ListAll() {}

    public record Cancellations(List<Cancelled> cancellations) {}
}
