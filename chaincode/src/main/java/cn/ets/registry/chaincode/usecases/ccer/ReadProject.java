package cn.ets.registry.chaincode.usecases.ccer;

import cn.ets.registry.api.CcerApi.GetProject;
import cn.ets.registry.chaincode.state.CcerRegistry;
import cn.ets.registry.chaincode.tx.Tx;
import cn.ets.registry.chaincode.tx.UseCase;
import cn.ets.registry.domain.ccer.CcerProject;

/** A CCER project and the monitoring periods issued for: public. */
public final class ReadProject implements UseCase.Public<GetProject, CcerProject> {

    @Override
    public CcerProject execute(Tx tx, GetProject c) {
        return new CcerRegistry(tx.state()).project(c.id());
    }
}
