package cn.ets.registry.chaincode.contracts;

import cn.ets.registry.api.Catalogue;
import cn.ets.registry.chaincode.tx.Pipeline;
import cn.ets.registry.chaincode.usecases.accounts.ApplyMeasure;
import cn.ets.registry.chaincode.usecases.accounts.ChangeAccountStatus;
import cn.ets.registry.chaincode.usecases.accounts.LiftMeasure;
import cn.ets.registry.chaincode.usecases.accounts.ListMeasures;
import cn.ets.registry.chaincode.usecases.accounts.OpenAccount;
import cn.ets.registry.chaincode.usecases.accounts.ReadAccount;
import cn.ets.registry.chaincode.usecases.accounts.ReadStatement;
import cn.ets.registry.chaincode.usecases.accounts.SearchAccounts;
import cn.ets.registry.chaincode.usecases.accounts.SucceedAccount;
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

    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String search(
            Context ctx, String province, String type, String status, String q, String year, String after) {
        return Pipeline.run(
                ctx, Catalogue.SEARCH_ACCOUNTS, new SearchAccounts(), province, type, status, q, year, after);
    }

    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String statement(Context ctx, String id, String from, String to) {
        return Pipeline.run(ctx, Catalogue.ACCOUNT_STATEMENT, new ReadStatement(), id, from, to);
    }

    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String applyMeasure(Context ctx, String id, String command) {
        return Pipeline.run(ctx, Catalogue.APPLY_MEASURE, new ApplyMeasure(), id, command);
    }

    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String liftMeasure(Context ctx, String id, String measureId, String command) {
        return Pipeline.run(ctx, Catalogue.LIFT_MEASURE, new LiftMeasure(), id, measureId, command);
    }

    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String measures(Context ctx, String id) {
        return Pipeline.run(ctx, Catalogue.LIST_MEASURES, new ListMeasures(), id);
    }

    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String succeed(Context ctx, String id, String command) {
        return Pipeline.run(ctx, Catalogue.SUCCEED, new SucceedAccount(), id, command);
    }
}
