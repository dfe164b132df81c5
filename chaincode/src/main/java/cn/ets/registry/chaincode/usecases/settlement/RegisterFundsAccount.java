package cn.ets.registry.chaincode.usecases.settlement;

import cn.ets.registry.api.DvpApi.FundsAccountSet;
import cn.ets.registry.api.DvpApi.SetFundsAccount;
import cn.ets.registry.chaincode.state.Books;
import cn.ets.registry.chaincode.state.SettlementBook;
import cn.ets.registry.chaincode.state.SettlementBook.FundsAccount;
import cn.ets.registry.chaincode.tx.Tx;
import cn.ets.registry.chaincode.tx.UseCase;
import cn.ets.registry.domain.DomainException;
import cn.ets.registry.domain.account.Account;
import cn.ets.registry.domain.identity.Permissions;
import cn.ets.registry.domain.identity.Role;

/** The settlement bank records a trading holder's funds account with it (its reference): DvP trades need one per party. */
public final class RegisterFundsAccount implements UseCase<SetFundsAccount, FundsAccountSet> {

    @Override
    public void authorise(Tx tx, SetFundsAccount c) {
        Permissions.requireRole(tx.actor(), Role.SETTLEMENT_BANK, "record funds accounts");
    }

    @Override
    public FundsAccountSet execute(Tx tx, SetFundsAccount c) {
        Account account = new Books(tx.state()).account(c.id());
        if (account.type().isAuthority()) {
            throw DomainException.badRequest(c.id() + " is an authority account; it never trades");
        }
        FundsAccount f = new FundsAccount(c.id(), c.reference(), tx.actor().name());
        new SettlementBook(tx.state()).saveFundsAccount(f);
        return new FundsAccountSet(f.account(), f.reference(), f.bank(), tx.attribution());
    }
}
