package cn.ets.registry.chaincode.contracts;

import cn.ets.registry.api.Catalogue;
import cn.ets.registry.chaincode.tx.Pipeline;
import cn.ets.registry.chaincode.usecases.compliance.SurrenderUnits;
import org.hyperledger.fabric.contract.Context;
import org.hyperledger.fabric.contract.ContractInterface;
import org.hyperledger.fabric.contract.annotation.Contract;
import org.hyperledger.fabric.contract.annotation.Info;
import org.hyperledger.fabric.contract.annotation.Transaction;

/** Surrender (清缴) against a compliance year's obligation. */
@Contract(name = "surrender", info = @Info(title = "Surrender", version = "1"))
public final class SurrenderContract implements ContractInterface {

    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String surrender(Context ctx, String command) {
        return Pipeline.run(ctx, Catalogue.SURRENDER, new SurrenderUnits(), command);
    }
}
