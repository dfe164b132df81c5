package cn.ets.registry.chaincode.state;

import cn.ets.registry.domain.Tonnes;
import cn.ets.registry.domain.account.Account;
import cn.ets.registry.domain.allocation.AllocationRecord;
import cn.ets.registry.domain.product.Product;
import java.util.List;

/** Units' free allocation per year ({@code alloc~year~unit}) and allocation debt over all years ({@code debt~unit}). */
public final class Allocations {
    private final LedgerState state;

    public Allocations(LedgerState state) {
        this.state = state;
    }

    /** The unit's record of {@code year}, empty if nothing was allocated yet. */
    public AllocationRecord get(int year, Account unit) {
        return state.get(state.key(Keys.ALLOCATION, String.valueOf(year), unit.id()), AllocationRecord.class)
                .orElse(AllocationRecord.empty(
                        unit.id(),
                        unit.province(),
                        year,
                        Product.ceaOfYear(year).code()));
    }

    /** Every unit's record of {@code year}. */
    public List<AllocationRecord> all(int year) {
        return state.scan(AllocationRecord.class, Keys.ALLOCATION, String.valueOf(year)).stream()
                .map(LedgerState.Entry::value)
                .toList();
    }

    public void save(AllocationRecord r) {
        state.put(state.key(Keys.ALLOCATION, String.valueOf(r.year()), r.unitId()), r);
    }

    /** The unit's allocation debt over all years. */
    public long debt(String unitId) {
        return state.get(state.key(Keys.DEBT, unitId), Debt.class)
                .map(Debt::owed)
                .orElse(0L);
    }

    /** Adds {@code delta} to the unit's debt over all years and returns the new total. */
    public long addDebt(String unitId, long delta) {
        String key = state.key(Keys.DEBT, unitId);
        long total = Tonnes.add(state.get(key, Debt.class).map(Debt::owed).orElse(0L), delta);
        state.put(key, new Debt(total));
        return total;
    }

    record Debt(long owed) {}
}
