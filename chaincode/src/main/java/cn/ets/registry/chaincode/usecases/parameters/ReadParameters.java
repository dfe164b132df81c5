package cn.ets.registry.chaincode.usecases.parameters;

import cn.ets.registry.api.ParametersApi.Get;
import cn.ets.registry.chaincode.state.ParameterBook;
import cn.ets.registry.chaincode.tx.Tx;
import cn.ets.registry.chaincode.tx.UseCase;
import cn.ets.registry.domain.policy.PolicyParameters;

/** The policy parameters in force for a vintage: public (001 §35). */
public final class ReadParameters implements UseCase.Public<Get, PolicyParameters> {

    @Override
    public PolicyParameters execute(Tx tx, Get c) {
        return new ParameterBook(tx.state()).forVintage(c.vintage());
    }
}
