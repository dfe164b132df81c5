package cn.ets.registry.chaincode.usecases.disclosure;

import cn.ets.registry.api.AllocationApi.AllocationView;
import cn.ets.registry.api.DisclosureApi.ListAllocations;
import cn.ets.registry.api.DisclosureApi.YearAllocations;
import cn.ets.registry.chaincode.state.Allocations;
import cn.ets.registry.chaincode.tx.Tx;
import cn.ets.registry.chaincode.tx.UseCase;

/** Every unit's allocation of a year: allocation results are disclosed (001 §35). */
public final class ListYearAllocations implements UseCase.Public<ListAllocations, YearAllocations> {

    @Override
    public YearAllocations execute(Tx tx, ListAllocations c) {
        return new YearAllocations(
                c.year(),
                new Allocations(tx.state())
                        .all(c.year()).stream().map(AllocationView::of).toList());
    }
}
