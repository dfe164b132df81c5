package cn.ets.registry.chaincode.usecases.allocation;

import cn.ets.registry.api.AllocationApi.AllocationView;
import cn.ets.registry.api.AllocationApi.Finalise;
import cn.ets.registry.api.AllocationApi.Finalised;
import cn.ets.registry.chaincode.state.Allocations;
import cn.ets.registry.chaincode.state.Books;
import cn.ets.registry.chaincode.state.ParameterBook;
import cn.ets.registry.chaincode.state.UnitYears;
import cn.ets.registry.chaincode.tx.Tx;
import cn.ets.registry.chaincode.tx.UseCase;
import cn.ets.registry.domain.DomainException;
import cn.ets.registry.domain.ErrorCode;
import cn.ets.registry.domain.account.Account;
import cn.ets.registry.domain.allocation.AllocationFormula;
import cn.ets.registry.domain.allocation.AllocationRecord;
import cn.ets.registry.domain.allocation.AllocationResult;
import cn.ets.registry.domain.allocation.Deduction;
import cn.ets.registry.domain.allocation.TrueUp;
import cn.ets.registry.domain.compliance.UnitYear;
import cn.ets.registry.domain.policy.PolicyParameters;
import java.util.Map;

/**
 * Final allocation once the year's output is verified (003 §2.2.3): the formula of the unit's
 * sector, less last year's deduction, then the true-up against the pre-allocation — the rest
 * issued, or the excess clawed back (a debt where the units are gone).
 */
public final class FinaliseAllocation implements UseCase<Finalise, Finalised> {

    @Override
    public void authorise(Tx tx, Finalise c) {
        AllocationMoves.unitOfCaller(tx, c.unitId(), "finalise the allocation");
    }

    @Override
    public Finalised execute(Tx tx, Finalise c) {
        Account unit = new Books(tx.state()).account(c.unitId());
        if (!c.sector().name().equals(unit.sector())) {
            throw DomainException.badRequest(
                    c.unitId() + " is registered in sector " + unit.sector() + ", not " + c.sector());
        }
        PolicyParameters params = new ParameterBook(tx.state()).forYear(c.year());
        UnitYears years = new UnitYears(tx.state());
        years.requireOpen(c.year(), c.unitId(), "its allocation can no longer change");
        Allocations allocations = new Allocations(tx.state());
        AllocationRecord rec = allocations.get(c.year(), unit.requireUnit());
        if (rec.finalAllocation() != null) {
            throw new DomainException(
                    ErrorCode.ALREADY_EXISTS,
                    c.unitId() + " already has its final " + c.year() + " allocation",
                    Map.of("unitId", c.unitId(), "year", c.year()));
        }
        UnitYear uy = years.require(c.year(), c.unitId());
        AllocationResult result =
                AllocationFormula.compute(c.sector(), uy.obligation(), c.facilityList(), c.outputList(), params);
        long deduction = years.find(c.year() - 1, c.unitId())
                .filter(UnitYear::closed)
                .map(UnitYear::deduction)
                .orElse(0L);
        long deducted = Deduction.applied(deduction, result.finalAllocation());
        long finalQuantity = result.finalAllocation() - deducted;
        long trueUp = new TrueUp(finalQuantity, rec.preAllocated()).trueUp();
        rec = rec.withFinal(result.computed(), finalQuantity, result.rule(), deducted, trueUp);
        rec = AllocationMoves.move(tx, unit, rec, trueUp);
        allocations.save(rec);
        return new Finalised(c.requestId(), AllocationView.of(rec), result.adjustedTo(), tx.attribution());
    }
}
