package cn.ets.registry.chaincode.usecases.settlement;

import cn.ets.registry.api.DvpApi.Admission;
import cn.ets.registry.api.DvpApi.Admit;
import cn.ets.registry.chaincode.state.Books;
import cn.ets.registry.chaincode.state.SettlementBook;
import cn.ets.registry.chaincode.state.SettlementBook.AdmissionRecord;
import cn.ets.registry.chaincode.tx.Tx;
import cn.ets.registry.chaincode.tx.UseCase;
import cn.ets.registry.domain.DomainException;
import cn.ets.registry.domain.account.Account;
import cn.ets.registry.domain.account.AccountType;
import cn.ets.registry.domain.identity.Permissions;
import cn.ets.registry.domain.identity.Role;

/**
 * The registry admits an institution to the CEA market, or withdraws the admission (003 §2.2.6:
 * today only key emitting units trade CEA; other institutions "将来或可参与"). Units need no admission,
 * individuals and project owners cannot be admitted (CCER only).
 */
public final class AdmitToCeaMarket implements UseCase<Admit, Admission> {

    @Override
    public void authorise(Tx tx, Admit c) {
        Permissions.requireRole(tx.actor(), Role.REGISTRY, "admit institutions to the CEA market");
    }

    @Override
    public Admission execute(Tx tx, Admit c) {
        Account account = new Books(tx.state()).account(c.id());
        if (account.type() != AccountType.INSTITUTION) {
            throw DomainException.badRequest(
                    "only an INSTITUTION is admitted to the CEA market; " + c.id() + " is a " + account.type());
        }
        new SettlementBook(tx.state()).saveAdmission(new AdmissionRecord(c.id(), c.admitted(), c.reason(), tx.txId()));
        return new Admission(c.id(), c.admitted(), c.reason(), tx.attribution());
    }
}
