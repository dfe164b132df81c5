package cn.ets.registry.chaincode.contracts;

import cn.ets.registry.api.Catalogue;
import cn.ets.registry.chaincode.tx.Pipeline;
import cn.ets.registry.chaincode.usecases.issuance.DistributeAllowances;
import org.hyperledger.fabric.contract.Context;
import org.hyperledger.fabric.contract.ContractInterface;
import org.hyperledger.fabric.contract.annotation.Contract;
import org.hyperledger.fabric.contract.annotation.Info;
import org.hyperledger.fabric.contract.annotation.Transaction;

/** Free allocation flow MEE → province → unit (003 §2.3.2). */
@Contract(name = "distribution", info = @Info(title = "Distribution", version = "1"))
public final class DistributionContract implements ContractInterface {

    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String distribute(Context ctx, String command) {
        return Pipeline.run(ctx, Catalogue.DISTRIBUTE, new DistributeAllowances(), command);
    }
}
