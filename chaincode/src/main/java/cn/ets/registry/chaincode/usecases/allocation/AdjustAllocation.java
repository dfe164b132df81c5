package cn.ets.registry.chaincode.usecases.allocation;

import cn.ets.registry.api.AllocationApi.Adjust;
import cn.ets.registry.api.AllocationApi.Adjusted;
import cn.ets.registry.api.AllocationApi.AllocationView;
import cn.ets.registry.chaincode.state.Allocations;
import cn.ets.registry.chaincode.state.Books;
import cn.ets.registry.chaincode.state.ParameterBook;
import cn.ets.registry.chaincode.state.UnitYears;
import cn.ets.registry.chaincode.tx.Tx;
import cn.ets.registry.chaincode.tx.UseCase;
import cn.ets.registry.domain.account.Account;
import cn.ets.registry.domain.allocation.AllocationRecord;

/** Closure, split, merger or capacity change (001 §11): the province adjusts a unit's allocation by a signed quantity. */
public final class AdjustAllocation implements UseCase<Adjust, Adjusted> {

    @Override
    public void authorise(Tx tx, Adjust c) {
        AllocationMoves.unitOfCaller(tx, c.unitId(), "adjust the allocation");
    }

    @Override
    public Adjusted execute(Tx tx, Adjust c) {
        Account unit = new Books(tx.state()).account(c.unitId());
        new ParameterBook(tx.state()).forYear(c.year());
        new UnitYears(tx.state()).requireOpen(c.year(), c.unitId(), "its allocation can no longer change");
        Allocations allocations = new Allocations(tx.state());
        AllocationRecord rec = allocations
                .get(c.year(), unit.requireUnit())
                .plus(new AllocationRecord.Adjustment(
                        c.requestId(),
                        c.quantity(),
                        c.reason().name(),
                        c.note(),
                        tx.txId(),
                        tx.time().toString()));
        rec = AllocationMoves.move(tx, unit, rec, c.quantity());
        allocations.save(rec);
        return new Adjusted(
                c.requestId(), AllocationView.of(rec), c.quantity(), c.reason().name(), tx.attribution());
    }
}
