package cn.ets.registry.api;

import java.util.List;

/** Public disclosure beyond single records (001 §35, 002): lists and totals anyone may read, without a token. */
public final class DisclosureApi {
    private DisclosureApi() {}

    public record ListYears() {}

    /** The compliance years with at least one unit-year, ascending. */
    public record Years(List<Integer> years) {}

    public record ListAllocations(
            @PathParam @Range(min = 2019, max = 2100) int year) {}

    /** Every unit's allocation of a year. */
    public record YearAllocations(int year, List<AllocationApi.AllocationView> units) {}

    public record ListPledges() {}

    /** Per product: how many pledges are in force and the tonnes they hold; who pledged to whom is not public. */
    public record PledgeTotals(List<ProductPledges> products) {}

    public record ProductPledges(String product, long pledges, long quantity) {}
}
