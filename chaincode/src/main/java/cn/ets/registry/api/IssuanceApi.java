package cn.ets.registry.api;

import cn.ets.registry.domain.DomainException;
import cn.ets.registry.domain.product.Product;

/** Issuance by MEE (the only way CEA come into existence) and distribution MEE → province → unit (003 §2.3.2). */
public final class IssuanceApi {
    private IssuanceApi() {}

    public record Issue(
            String requestId, Product product, @Quantity long quantity) {
        public Issue {
            if (!product.isCea()) {
                throw DomainException.badRequest(
                        "CCER are issued to projects through /api/v1/ccer/issuances, not here");
            }
        }
    }

    public record Issued(
            String requestId,
            String product,
            long quantity,
            String account,
            @Flatten Attribution attribution) {}

    public record Distribute(
            String requestId,
            Product product,
            String from,
            String to,
            @Quantity long quantity) {}

    public record Distributed(
            String requestId,
            String product,
            String from,
            String to,
            long quantity,
            @Flatten Attribution attribution) {}
}
