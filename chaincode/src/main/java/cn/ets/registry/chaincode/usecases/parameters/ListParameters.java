package cn.ets.registry.chaincode.usecases.parameters;

import cn.ets.registry.api.ParametersApi.ListAll;
import cn.ets.registry.api.ParametersApi.Published;
import cn.ets.registry.api.ParametersApi.VintageVersion;
import cn.ets.registry.chaincode.state.ParameterBook;
import cn.ets.registry.chaincode.tx.Tx;
import cn.ets.registry.chaincode.tx.UseCase;

/** The vintages MEE has published parameters for, with the version in force: public (001 §35 (三)). */
public final class ListParameters implements UseCase.Public<ListAll, Published> {

    @Override
    public Published execute(Tx tx, ListAll c) {
        return new Published(new ParameterBook(tx.state())
                .all().stream()
                        .map(p -> new VintageVersion(p.vintage(), p.version()))
                        .toList());
    }
}
