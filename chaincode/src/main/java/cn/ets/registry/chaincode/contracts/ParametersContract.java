package cn.ets.registry.chaincode.contracts;

import cn.ets.registry.api.Catalogue;
import cn.ets.registry.chaincode.tx.Pipeline;
import cn.ets.registry.chaincode.usecases.parameters.ChangeParameters;
import cn.ets.registry.chaincode.usecases.parameters.ListParameters;
import cn.ets.registry.chaincode.usecases.parameters.ReadParameters;
import org.hyperledger.fabric.contract.Context;
import org.hyperledger.fabric.contract.ContractInterface;
import org.hyperledger.fabric.contract.annotation.Contract;
import org.hyperledger.fabric.contract.annotation.Info;
import org.hyperledger.fabric.contract.annotation.Transaction;

/** Policy parameters per vintage: readable by anyone, changed only by MEE, every change a public event. */
@Contract(name = "parameters", info = @Info(title = "Policy parameters", version = "1"))
public final class ParametersContract implements ContractInterface {

    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String get(Context ctx, String vintage, String version) {
        return Pipeline.run(ctx, Catalogue.GET_PARAMETERS, new ReadParameters(), vintage, version);
    }

    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String set(Context ctx, String vintage, String command) {
        return Pipeline.run(ctx, Catalogue.SET_PARAMETERS, new ChangeParameters(), vintage, command);
    }

    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String list(Context ctx) {
        return Pipeline.run(ctx, Catalogue.LIST_PARAMETERS, new ListParameters());
    }
}
