package cn.ets.registry.chaincode.contracts;

import cn.ets.registry.api.Catalogue;
import cn.ets.registry.chaincode.tx.Pipeline;
import cn.ets.registry.chaincode.usecases.allocation.AdjustAllocation;
import cn.ets.registry.chaincode.usecases.allocation.CollectDebt;
import cn.ets.registry.chaincode.usecases.allocation.FinaliseAllocation;
import cn.ets.registry.chaincode.usecases.allocation.PreAllocate;
import cn.ets.registry.chaincode.usecases.allocation.PreviewAllocation;
import cn.ets.registry.chaincode.usecases.allocation.ReadAllocation;
import org.hyperledger.fabric.contract.Context;
import org.hyperledger.fabric.contract.ContractInterface;
import org.hyperledger.fabric.contract.annotation.Contract;
import org.hyperledger.fabric.contract.annotation.Info;
import org.hyperledger.fabric.contract.annotation.Transaction;

/** Free allocation in two steps (003 §2.2.3), by the province for its units; adjustments and debts. */
@Contract(name = "allocation", info = @Info(title = "Allocation", version = "1"))
public final class AllocationContract implements ContractInterface {

    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String preview(Context ctx, String command) {
        return Pipeline.run(ctx, Catalogue.PREVIEW_ALLOCATION, new PreviewAllocation(), command);
    }

    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String pre(Context ctx, String command) {
        return Pipeline.run(ctx, Catalogue.PRE_ALLOCATE, new PreAllocate(), command);
    }

    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String finalise(Context ctx, String command) {
        return Pipeline.run(ctx, Catalogue.FINALISE_ALLOCATION, new FinaliseAllocation(), command);
    }

    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String adjust(Context ctx, String command) {
        return Pipeline.run(ctx, Catalogue.ADJUST_ALLOCATION, new AdjustAllocation(), command);
    }

    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String collectDebt(Context ctx, String command) {
        return Pipeline.run(ctx, Catalogue.COLLECT_DEBT, new CollectDebt(), command);
    }

    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String get(Context ctx, String year, String unitId) {
        return Pipeline.run(ctx, Catalogue.GET_ALLOCATION, new ReadAllocation(), year, unitId);
    }
}
