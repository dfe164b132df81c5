package cn.ets.registry.chaincode.contracts;

import cn.ets.registry.api.Catalogue;
import cn.ets.registry.chaincode.tx.Pipeline;
import cn.ets.registry.chaincode.usecases.deposits.DepositReport;
import cn.ets.registry.chaincode.usecases.deposits.ReadDeposit;
import org.hyperledger.fabric.contract.Context;
import org.hyperledger.fabric.contract.ContractInterface;
import org.hyperledger.fabric.contract.annotation.Contract;
import org.hyperledger.fabric.contract.annotation.Info;
import org.hyperledger.fabric.contract.annotation.Transaction;

/** Monthly key-parameter deposits (月度存证, 003 专题4): digests kept once, late ones flagged, checkable by anyone. */
@Contract(name = "deposits", info = @Info(title = "Monthly key-parameter deposits", version = "1"))
public final class DepositsContract implements ContractInterface {

    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String deposit(Context ctx, String command) {
        return Pipeline.run(ctx, Catalogue.DEPOSIT, new DepositReport(), command);
    }

    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String get(Context ctx, String unitId, String month, String sha256) {
        return Pipeline.run(ctx, Catalogue.GET_DEPOSIT, new ReadDeposit(), unitId, month, sha256);
    }
}
