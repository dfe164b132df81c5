package cn.ets.registry.chaincode.contracts;

import cn.ets.registry.api.Catalogue;
import cn.ets.registry.chaincode.tx.Pipeline;
import cn.ets.registry.chaincode.usecases.cancellation.CancelUnits;
import cn.ets.registry.chaincode.usecases.cancellation.ListCancellations;
import org.hyperledger.fabric.contract.Context;
import org.hyperledger.fabric.contract.ContractInterface;
import org.hyperledger.fabric.contract.annotation.Contract;
import org.hyperledger.fabric.contract.annotation.Info;
import org.hyperledger.fabric.contract.annotation.Transaction;

/** Voluntary cancellation for public-good purposes (001 §15): public, with purpose and beneficiary. */
@Contract(name = "cancellation", info = @Info(title = "Voluntary cancellation", version = "1"))
public final class CancellationContract implements ContractInterface {

    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String cancel(Context ctx, String command) {
        return Pipeline.run(ctx, Catalogue.CANCEL, new CancelUnits(), command);
    }

    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String list(Context ctx) {
        return Pipeline.run(ctx, Catalogue.LIST_CANCELLATIONS, new ListCancellations());
    }
}
