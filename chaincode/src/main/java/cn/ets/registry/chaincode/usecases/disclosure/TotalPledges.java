package cn.ets.registry.chaincode.usecases.disclosure;

import cn.ets.registry.api.DisclosureApi.ListPledges;
import cn.ets.registry.api.DisclosureApi.PledgeTotals;
import cn.ets.registry.api.DisclosureApi.ProductPledges;
import cn.ets.registry.chaincode.state.Locks;
import cn.ets.registry.chaincode.tx.Tx;
import cn.ets.registry.chaincode.tx.UseCase;
import cn.ets.registry.domain.Tonnes;
import cn.ets.registry.domain.lock.LockRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Pledges in force (accepted, not released or enforced) per product, as totals: the market sees how much is encumbered, not by whom to whom. */
public final class TotalPledges implements UseCase.Public<ListPledges, PledgeTotals> {
    /** Accepted by the pledgee and not yet released or enforced (a defaulted pledge still holds its units). */
    private static final Set<String> IN_FORCE = Set.of(LockRecord.ACTIVE, LockRecord.DEFAULTED);

    @Override
    public PledgeTotals execute(Tx tx, ListPledges c) {
        Map<String, long[]> totals = new TreeMap<>();
        for (LockRecord r : new Locks(tx.state()).all()) {
            if (r.isPledge() && IN_FORCE.contains(r.status())) {
                long[] t = totals.computeIfAbsent(r.product(), k -> new long[2]);
                t[0]++;
                t[1] = Tonnes.add(t[1], r.quantity());
            }
        }
        List<ProductPledges> rows = new ArrayList<>();
        totals.forEach((product, t) -> rows.add(new ProductPledges(product, t[0], t[1])));
        return new PledgeTotals(rows);
    }
}
