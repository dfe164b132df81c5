package cn.ets.registry.chaincode.usecases.accounts;

import cn.ets.registry.api.AccountsApi.GetMeasures;
import cn.ets.registry.api.AccountsApi.MeasureList;
import cn.ets.registry.chaincode.state.Books;
import cn.ets.registry.chaincode.state.Measures;
import cn.ets.registry.chaincode.tx.Tx;
import cn.ets.registry.chaincode.tx.UseCase;
import cn.ets.registry.domain.identity.Permissions;

/** Every enforcement measure on an account, for the holder, its province, MEE and the registry. */
public final class ListMeasures implements UseCase<GetMeasures, MeasureList> {

    @Override
    public void authorise(Tx tx, GetMeasures c) {
        Permissions.requireCanRead(tx.actor(), new Books(tx.state()).account(c.id()));
    }

    @Override
    public MeasureList execute(Tx tx, GetMeasures c) {
        return new MeasureList(c.id(), new Measures(tx.state()).of(c.id()));
    }
}
