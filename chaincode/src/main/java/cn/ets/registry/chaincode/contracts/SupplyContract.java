package cn.ets.registry.chaincode.contracts;

import cn.ets.registry.api.Catalogue;
import cn.ets.registry.chaincode.tx.Pipeline;
import cn.ets.registry.chaincode.usecases.supply.AuditSupply;
import cn.ets.registry.chaincode.usecases.supply.ReadSupply;
import org.hyperledger.fabric.contract.Context;
import org.hyperledger.fabric.contract.ContractInterface;
import org.hyperledger.fabric.contract.annotation.Contract;
import org.hyperledger.fabric.contract.annotation.Info;
import org.hyperledger.fabric.contract.annotation.Transaction;

/** Supply per product, readable by anyone; {@link #audit} recounts every holding independently. */
@Contract(name = "supply", info = @Info(title = "Supply", version = "1"))
public final class SupplyContract implements ContractInterface {

    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String get(Context ctx) {
        return Pipeline.run(ctx, Catalogue.SUPPLY, new ReadSupply());
    }

    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String audit(Context ctx) {
        return Pipeline.run(ctx, Catalogue.AUDIT_SUPPLY, new AuditSupply());
    }
}
