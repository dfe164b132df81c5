package cn.ets.registry.chaincode.usecases.allocation;

import cn.ets.registry.api.AllocationApi.AllocationPreview;
import cn.ets.registry.api.AllocationApi.Preview;
import cn.ets.registry.chaincode.state.ParameterBook;
import cn.ets.registry.chaincode.tx.Tx;
import cn.ets.registry.chaincode.tx.UseCase;
import cn.ets.registry.domain.allocation.AllocationFormula;
import cn.ets.registry.domain.allocation.AllocationResult;

/** Computes an allocation without writing: anyone may check the formula. */
public final class PreviewAllocation implements UseCase.Public<Preview, AllocationPreview> {

    @Override
    public AllocationPreview execute(Tx tx, Preview c) {
        AllocationResult r = AllocationFormula.compute(
                c.sector(),
                c.verifiedEmissions(),
                c.facilityList(),
                c.outputList(),
                new ParameterBook(tx.state()).forYear(c.year()));
        return new AllocationPreview(r.computed(), r.adjustedTo(), r.finalAllocation(), r.rule());
    }
}
