package cn.ets.registry.chaincode.usecases.cancellation;

import cn.ets.registry.api.CancellationApi.Cancel;
import cn.ets.registry.api.CancellationApi.Cancelled;
import cn.ets.registry.api.Serials;
import cn.ets.registry.chaincode.state.Books;
import cn.ets.registry.chaincode.state.CancellationRecords;
import cn.ets.registry.chaincode.state.CcerRegistry;
import cn.ets.registry.chaincode.tx.Tx;
import cn.ets.registry.chaincode.tx.UseCase;
import cn.ets.registry.domain.account.AccountFunction;
import cn.ets.registry.domain.account.AccountStatusPolicy;
import cn.ets.registry.domain.ccer.CcerBatch;
import cn.ets.registry.domain.identity.Permissions;
import cn.ets.registry.domain.supply.SupplyCounters;
import java.util.List;

/** Voluntary cancellation for public-good purposes (001 §15): the holder retires units; the record is public. */
public final class CancelUnits implements UseCase<Cancel, Cancelled> {

    @Override
    public void authorise(Tx tx, Cancel c) {
        new Books(tx.state()).account(c.account());
        Permissions.requireHolder(tx.actor(), c.account(), "cancel units");
    }

    @Override
    public Cancelled execute(Tx tx, Cancel c) {
        Books books = new Books(tx.state());
        AccountStatusPolicy.requireCanSend(books.account(c.account()));
        AccountStatusPolicy.requireFunction(books.account(c.account()), AccountFunction.CANCELLATION);
        books.debit(c.account(), c.product(), c.quantity());
        books.changeSupply(c.product(), c.account(), SupplyCounters.cancellation(c.quantity()));
        List<Serials> serials = null;
        if (!c.product().isCea()) {
            CcerRegistry ccer = new CcerRegistry(tx.state());
            CcerBatch.Retired retired =
                    ccer.batch(c.product()).retire(c.quantity(), "CANCELLATION", c.account(), tx.txId());
            ccer.save(retired.batch());
            serials = retired.serials().stream()
                    .map(r -> new Serials(r.start(), r.end()))
                    .toList();
        }
        Cancelled done = new Cancelled(
                c.requestId(),
                c.account(),
                c.product().code(),
                c.quantity(),
                c.purpose(),
                c.beneficiary(),
                serials,
                books.account(c.account()).type().name(),
                tx.attribution());
        new CancellationRecords(tx.state()).save(done);
        return done;
    }
}
