package cn.ets.registry.chaincode.contracts;

import cn.ets.registry.api.Catalogue;
import cn.ets.registry.chaincode.tx.Pipeline;
import cn.ets.registry.chaincode.usecases.ccer.IssueCcer;
import cn.ets.registry.chaincode.usecases.ccer.ReadBatch;
import cn.ets.registry.chaincode.usecases.ccer.ReadProject;
import cn.ets.registry.chaincode.usecases.ccer.RegisterProject;
import org.hyperledger.fabric.contract.Context;
import org.hyperledger.fabric.contract.ContractInterface;
import org.hyperledger.fabric.contract.annotation.Contract;
import org.hyperledger.fabric.contract.annotation.Info;
import org.hyperledger.fabric.contract.annotation.Transaction;

/** The CCER registry (003 §2.2.5, §5.2): projects, and issuance per monitoring period as serial ranges. */
@Contract(name = "ccer", info = @Info(title = "CCER registry", version = "1"))
public final class CcerContract implements ContractInterface {

    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String registerProject(Context ctx, String command) {
        return Pipeline.run(ctx, Catalogue.REGISTER_PROJECT, new RegisterProject(), command);
    }

    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String getProject(Context ctx, String id) {
        return Pipeline.run(ctx, Catalogue.GET_PROJECT, new ReadProject(), id);
    }

    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String issue(Context ctx, String command) {
        return Pipeline.run(ctx, Catalogue.ISSUE_CCER, new IssueCcer(), command);
    }

    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String getBatch(Context ctx, String product) {
        return Pipeline.run(ctx, Catalogue.GET_BATCH, new ReadBatch(), product);
    }
}
