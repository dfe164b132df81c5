package cn.ets.registry.chaincode.usecases.ccer;

import cn.ets.registry.api.CcerApi.GetBatch;
import cn.ets.registry.chaincode.state.CcerRegistry;
import cn.ets.registry.chaincode.tx.Tx;
import cn.ets.registry.chaincode.tx.UseCase;
import cn.ets.registry.domain.ccer.CcerBatch;

/** A CCER batch with its serials outstanding and retired: public, so anyone can see no tonne is used twice. */
public final class ReadBatch implements UseCase.Public<GetBatch, CcerBatch> {

    @Override
    public CcerBatch execute(Tx tx, GetBatch c) {
        return new CcerRegistry(tx.state()).batch(c.product());
    }
}
