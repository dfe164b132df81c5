package cn.ets.registry.chaincode.usecases.issuance;

import cn.ets.registry.api.IssuanceApi.Issue;
import cn.ets.registry.api.IssuanceApi.Issued;
import cn.ets.registry.chaincode.state.Books;
import cn.ets.registry.chaincode.state.ParameterBook;
import cn.ets.registry.chaincode.tx.Tx;
import cn.ets.registry.chaincode.tx.UseCase;
import cn.ets.registry.domain.account.Account;
import cn.ets.registry.domain.identity.Permissions;
import cn.ets.registry.domain.identity.Role;
import cn.ets.registry.domain.supply.SupplyCounters;

/**
 * The only way CEA come into existence: MEE issues a vintage into its own account — a vintage whose
 * parameters MEE has published, since every rule of the vintage (allocation, deadlines, carry-over)
 * lives there.
 */
public final class IssueAllowances implements UseCase<Issue, Issued> {

    @Override
    public void authorise(Tx tx, Issue c) {
        Permissions.requireRole(tx.actor(), Role.MEE, "issue allowances");
    }

    @Override
    public Issued execute(Tx tx, Issue c) {
        new ParameterBook(tx.state()).forVintage(c.product().vintage());
        Books books = new Books(tx.state());
        Account mee = books.account("MEE");
        books.credit(mee.id(), c.product(), c.quantity());
        books.changeSupply(c.product(), mee.id(), SupplyCounters.issuance(c.quantity()));
        return new Issued(c.requestId(), c.product().code(), c.quantity(), mee.id(), tx.attribution());
    }
}
