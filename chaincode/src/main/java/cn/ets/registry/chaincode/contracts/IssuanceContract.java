package cn.ets.registry.chaincode.contracts;

import cn.ets.registry.api.Catalogue;
import cn.ets.registry.chaincode.tx.Pipeline;
import cn.ets.registry.chaincode.usecases.issuance.IssueAllowances;
import org.hyperledger.fabric.contract.Context;
import org.hyperledger.fabric.contract.ContractInterface;
import org.hyperledger.fabric.contract.annotation.Contract;
import org.hyperledger.fabric.contract.annotation.Info;
import org.hyperledger.fabric.contract.annotation.Transaction;

/** The only way CEA come into existence: MEE issues a vintage into its own account. */
@Contract(name = "issuance", info = @Info(title = "Issuance", version = "1"))
public final class IssuanceContract implements ContractInterface {

    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String issue(Context ctx, String command) {
        return Pipeline.run(ctx, Catalogue.ISSUE, new IssueAllowances(), command);
    }
}
