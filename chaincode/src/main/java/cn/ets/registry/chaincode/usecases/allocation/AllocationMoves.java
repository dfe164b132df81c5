package cn.ets.registry.chaincode.usecases.allocation;

import cn.ets.registry.chaincode.state.Allocations;
import cn.ets.registry.chaincode.state.Books;
import cn.ets.registry.chaincode.tx.Tx;
import cn.ets.registry.domain.account.Account;
import cn.ets.registry.domain.account.AccountStatus;
import cn.ets.registry.domain.account.AccountStatusPolicy;
import cn.ets.registry.domain.allocation.AllocationRecord;
import cn.ets.registry.domain.allocation.ClawBack;
import cn.ets.registry.domain.identity.Permissions;
import cn.ets.registry.domain.product.Product;

/** What allocation commands share: the province acts on its own units, and moving a signed quantity between them. */
final class AllocationMoves {
    static final String DEBT_REASON = ClawBack.DEBT_RESTRICTION;

    private AllocationMoves() {}

    /** The unit, which must be one of the calling province's. */
    static Account unitOfCaller(Tx tx, String unitId, String action) {
        Account unit = new Books(tx.state()).account(unitId);
        Permissions.requireProvinceOf(tx.actor(), unit, action);
        return unit;
    }

    /**
     * Positive: the province issues to the unit, which must be able to receive; negative: claw back what is available, the rest
     * becomes a debt that restricts the unit until collected.
     */
    static AllocationRecord move(Tx tx, Account unit, AllocationRecord rec, long quantity) {
        Books books = new Books(tx.state());
        Product product = Product.parse(rec.product());
        String province = Account.provinceAccountId(unit.province());
        if (quantity > 0) {
            AccountStatusPolicy.requireCanReceive(unit);
            books.transfer(province, unit.id(), product, quantity);
            return rec;
        }
        if (quantity < 0) {
            ClawBack plan =
                    ClawBack.plan(-quantity, books.holding(unit.id(), product).available());
            if (plan.takenNow() > 0) {
                books.transfer(unit.id(), province, product, plan.takenNow());
            }
            if (plan.debt() > 0) {
                new Allocations(tx.state()).addDebt(unit.id(), plan.debt());
                if (unit.status() == AccountStatus.ACTIVE) {
                    books.saveAccount(unit.withStatus(AccountStatus.RESTRICTED, DEBT_REASON));
                }
            }
            return rec.withClawBack(plan.takenNow(), plan.debt());
        }
        return rec;
    }
}
