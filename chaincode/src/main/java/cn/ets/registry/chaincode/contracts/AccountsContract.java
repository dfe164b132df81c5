package cn.ets.registry.chaincode.contracts;

import cn.ets.registry.api.Catalogue;
import cn.ets.registry.chaincode.tx.Pipeline;
import cn.ets.registry.chaincode.usecases.accounts.ChangeAccountStatus;
import cn.ets.registry.chaincode.usecases.accounts.OpenAccount;
import cn.ets.registry.chaincode.usecases.accounts.ReadAccount;
import org.hyperledger.fabric.contract.Context;
import org.hyperledger.fabric.contract.ContractInterface;
import org.hyperledger.fabric.contract.annotation.Contract;
import org.hyperledger.fabric.contract.annotation.Info;
import org.hyperledger.fabric.contract.annotation.Transaction;

/** Accounts (001 §14) and their status (001 §45). */
@Contract(name = "accounts", info = @Info(title = "Accounts", version = "1"))
public final class AccountsContract implements ContractInterface {

    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String open(Context ctx, String command) {
        return Pipeline.run(ctx, Catalogue.OPEN_ACCOUNT, new OpenAccount(), command);
    }

    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String get(Context ctx, String id) {
        return Pipeline.run(ctx, Catalogue.GET_ACCOUNT, new ReadAccount(), id);
    }

    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String setStatus(Context ctx, String id, String command) {
        return Pipeline.run(ctx, Catalogue.SET_ACCOUNT_STATUS, new ChangeAccountStatus(), id, command);
    }
}
