package cn.ets.registry.chaincode.contracts;

import cn.ets.registry.api.Catalogue;
import cn.ets.registry.chaincode.tx.Pipeline;
import cn.ets.registry.chaincode.usecases.disclosure.ListComplianceYears;
import cn.ets.registry.chaincode.usecases.disclosure.ListYearAllocations;
import cn.ets.registry.chaincode.usecases.disclosure.TotalPledges;
import org.hyperledger.fabric.contract.Context;
import org.hyperledger.fabric.contract.ContractInterface;
import org.hyperledger.fabric.contract.annotation.Contract;
import org.hyperledger.fabric.contract.annotation.Info;
import org.hyperledger.fabric.contract.annotation.Transaction;

/** Public lists and totals (001 §35, 002), readable by anyone. */
@Contract(name = "disclosure", info = @Info(title = "Disclosure", version = "1"))
public final class DisclosureContract implements ContractInterface {

    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String years(Context ctx) {
        return Pipeline.run(ctx, Catalogue.COMPLIANCE_YEARS, new ListComplianceYears());
    }

    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String allocations(Context ctx, String year) {
        return Pipeline.run(ctx, Catalogue.YEAR_ALLOCATIONS, new ListYearAllocations(), year);
    }

    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String pledges(Context ctx) {
        return Pipeline.run(ctx, Catalogue.PLEDGE_TOTALS, new TotalPledges());
    }
}
