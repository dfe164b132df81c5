package cn.ets.registry.chaincode.usecases.allocation;

import cn.ets.registry.api.AllocationApi.AllocationView;
import cn.ets.registry.api.AllocationApi.Get;
import cn.ets.registry.chaincode.state.Allocations;
import cn.ets.registry.chaincode.state.Books;
import cn.ets.registry.chaincode.tx.Tx;
import cn.ets.registry.chaincode.tx.UseCase;

/** A unit's allocation of a year: public (allocation results are disclosed, 001 §35). */
public final class ReadAllocation implements UseCase.Public<Get, AllocationView> {

    @Override
    public AllocationView execute(Tx tx, Get c) {
        return AllocationView.of(new Allocations(tx.state())
                .get(c.year(), new Books(tx.state()).account(c.unitId()).requireUnit()));
    }
}
