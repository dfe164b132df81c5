package cn.ets.registry.chaincode.usecases.parameters;

import cn.ets.registry.api.ParametersApi.Get;
import cn.ets.registry.chaincode.state.ParameterBook;
import cn.ets.registry.chaincode.tx.Tx;
import cn.ets.registry.chaincode.tx.UseCase;
import cn.ets.registry.domain.DomainException;
import cn.ets.registry.domain.ErrorCode;
import cn.ets.registry.domain.policy.PolicyParameters;
import java.util.Map;

/** The policy parameters in force for a vintage, or one version of them: public (001 §35); NOT_FOUND until MEE publishes them. */
public final class ReadParameters implements UseCase.Public<Get, PolicyParameters> {

    @Override
    public PolicyParameters execute(Tx tx, Get c) {
        ParameterBook book = new ParameterBook(tx.state());
        return (c.version() == null ? book.find(c.vintage()) : book.version(c.vintage(), c.version()))
                .orElseThrow(() -> new DomainException(
                        ErrorCode.NOT_FOUND,
                        "no parameters are published for vintage " + c.vintage()
                                + (c.version() == null ? "" : " in version " + c.version()),
                        Map.of("vintage", c.vintage())));
    }
}
