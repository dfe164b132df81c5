package cn.ets.registry.api;

import cn.ets.registry.domain.DomainException;
import cn.ets.registry.domain.product.Product;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Surrender (清缴) of CEA and, within the offset cap, CCER against a compliance year's obligation. */
public final class SurrenderApi {
    private SurrenderApi() {}

    public record Item(Product product, @Quantity long quantity) {}

    public record Surrender(
            String requestId,
            String unitId,
            @Range(min = 2019, max = 2100) int year,
            List<Item> items) {
        public Surrender {
            if (items.isEmpty()) {
                throw DomainException.badRequest("items must name at least one product and quantity");
            }
            Set<String> seen = new HashSet<>();
            for (Item i : items) {
                if (!seen.add(i.product().code())) {
                    throw DomainException.badRequest("product " + i.product() + " appears twice in items");
                }
            }
        }
    }

    /** A product given up; for CCER, the serials retired (lowest first). */
    public record SurrenderedItem(
            String product, long quantity, @Omittable List<Serials> serials) {}

    /** {@code flow}: the accounts the units pass through (unit → province → MEE), where they are cancelled. */
    public record Surrendered(
            String requestId,
            String unitId,
            int year,
            List<SurrenderedItem> items,
            List<String> flow,
            ComplianceApi.ComplianceView compliance,
            boolean late,
            @Flatten Attribution attribution) {}
}
