package cn.ets.registry.chaincode.usecases.allocation;

import cn.ets.registry.api.AllocationApi;
import cn.ets.registry.api.AllocationApi.AllocationView;
import cn.ets.registry.api.AllocationApi.DebtCollected;
import cn.ets.registry.chaincode.state.Allocations;
import cn.ets.registry.chaincode.state.Books;
import cn.ets.registry.chaincode.tx.Tx;
import cn.ets.registry.chaincode.tx.UseCase;
import cn.ets.registry.domain.account.Account;
import cn.ets.registry.domain.account.AccountStatus;
import cn.ets.registry.domain.allocation.AllocationRecord;
import cn.ets.registry.domain.product.Product;

/**
 * Takes what the unit now holds towards its allocation debt of a year — run by its province, or by
 * the unit itself to repay (a restricted debtor may buy, then repay); lifts the restriction once
 * nothing is owed in any year.
 */
public final class CollectDebt implements UseCase<AllocationApi.CollectDebt, DebtCollected> {

    @Override
    public void authorise(Tx tx, AllocationApi.CollectDebt c) {
        if (tx.actor().holds(c.unitId())) {
            return;
        }
        AllocationMoves.unitOfCaller(tx, c.unitId(), "collect an allocation debt");
    }

    @Override
    public DebtCollected execute(Tx tx, AllocationApi.CollectDebt c) {
        Books books = new Books(tx.state());
        Account unit = books.account(c.unitId());
        Allocations allocations = new Allocations(tx.state());
        AllocationRecord rec = allocations.get(c.year(), unit.requireUnit());
        Product product = Product.parse(rec.product());
        long take = Math.min(rec.debt(), books.holding(c.unitId(), product).available());
        if (take > 0) {
            books.transfer(c.unitId(), Account.provinceAccountId(unit.province()), product, take);
        }
        rec = rec.withClawBack(take, -take);
        long owedInAllYears = allocations.addDebt(c.unitId(), -take);
        if (owedInAllYears == 0
                && unit.status() == AccountStatus.RESTRICTED
                && AllocationMoves.DEBT_REASON.equals(unit.statusReason())) {
            books.saveAccount(unit.withStatus(AccountStatus.ACTIVE, "allocation debt repaid"));
        }
        allocations.save(rec);
        return new DebtCollected(c.requestId(), AllocationView.of(rec), take, tx.attribution());
    }
}
