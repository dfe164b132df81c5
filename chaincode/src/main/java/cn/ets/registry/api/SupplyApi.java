package cn.ets.registry.api;

import java.util.List;

/** Supply per product: issued = held + locked + surrendered + cancelled, and the auditor's recount of every holding. */
public final class SupplyApi {
    private SupplyApi() {}

    public record Get() {}

    public record Audit() {}

    /** {@code holdings…} and {@code matchesHoldings}: only in the audit, the sums of every account's holdings. */
    public record ProductSupply(
            String product,
            long issued,
            long held,
            long locked,
            long surrendered,
            long cancelled,
            boolean balanced,
            @Omittable Long holdingsQuantity,
            @Omittable Long holdingsLocked,
            @Omittable Boolean matchesHoldings) {}

    public record Supply(List<ProductSupply> products) {}

    public record SupplyAudit(boolean balanced, List<ProductSupply> products) {}
}
