package cn.ets.registry.chaincode.usecases.allocation;

import cn.ets.registry.api.AllocationApi;
import cn.ets.registry.api.AllocationApi.PreAllocated;
import cn.ets.registry.chaincode.state.Allocations;
import cn.ets.registry.chaincode.state.Books;
import cn.ets.registry.chaincode.state.ParameterBook;
import cn.ets.registry.chaincode.state.UnitYears;
import cn.ets.registry.chaincode.tx.Tx;
import cn.ets.registry.chaincode.tx.UseCase;
import cn.ets.registry.domain.DomainException;
import cn.ets.registry.domain.ErrorCode;
import cn.ets.registry.domain.account.Account;
import cn.ets.registry.domain.account.AccountStatusPolicy;
import cn.ets.registry.domain.allocation.AllocationRecord;
import cn.ets.registry.domain.allocation.PreAllocation;
import cn.ets.registry.domain.compliance.UnitYear;
import cn.ets.registry.domain.policy.PolicyParameters;
import cn.ets.registry.domain.product.Product;
import java.util.Map;

/** Pre-allocation (003 §2.2.3): the rate in force × the unit's verified emissions of the year before, from the province account. */
public final class PreAllocate implements UseCase<AllocationApi.PreAllocate, PreAllocated> {

    @Override
    public void authorise(Tx tx, AllocationApi.PreAllocate c) {
        AllocationMoves.unitOfCaller(tx, c.unitId(), "pre-allocate");
    }

    @Override
    public PreAllocated execute(Tx tx, AllocationApi.PreAllocate c) {
        Account unit = new Books(tx.state()).account(c.unitId()).requireUnit();
        PolicyParameters params = new ParameterBook(tx.state()).forYear(c.year());
        UnitYears years = new UnitYears(tx.state());
        years.requireOpen(c.year(), c.unitId(), "its allocation can no longer change");
        Allocations allocations = new Allocations(tx.state());
        AllocationRecord rec = allocations.get(c.year(), unit);
        if (rec.preAllocated() > 0 || rec.finalAllocation() != null) {
            throw new DomainException(
                    ErrorCode.ALREADY_EXISTS,
                    c.unitId() + " already has its " + c.year() + " pre-allocation",
                    Map.of("unitId", c.unitId(), "year", c.year()));
        }
        UnitYear previous = years.find(c.year() - 1, c.unitId())
                .orElseThrow(() -> new DomainException(
                        ErrorCode.NOT_FOUND,
                        "pre-allocation needs the verified emissions of " + (c.year() - 1) + " for " + c.unitId(),
                        Map.of("unitId", c.unitId(), "year", c.year() - 1)));
        long quantity = PreAllocation.compute(previous.obligation(), params);
        Product product = Product.ceaOfYear(c.year());
        if (quantity > 0) {
            AccountStatusPolicy.requireCanReceive(unit);
            new Books(tx.state()).transfer(Account.provinceAccountId(unit.province()), c.unitId(), product, quantity);
        }
        allocations.save(rec.withPre(quantity));
        return new PreAllocated(
                c.requestId(),
                c.unitId(),
                c.year(),
                product.code(),
                quantity,
                previous.obligation(),
                params.preAllocationRate(),
                tx.attribution());
    }
}
