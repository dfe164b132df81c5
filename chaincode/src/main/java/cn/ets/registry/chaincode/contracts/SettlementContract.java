package cn.ets.registry.chaincode.contracts;

import cn.ets.registry.api.Catalogue;
import cn.ets.registry.chaincode.tx.Pipeline;
import cn.ets.registry.chaincode.usecases.settlement.ListTrades;
import cn.ets.registry.chaincode.usecases.settlement.ReadSettlement;
import cn.ets.registry.chaincode.usecases.settlement.SettleTrade;
import cn.ets.registry.chaincode.usecases.settlement.SettleTrades;
import org.hyperledger.fabric.contract.Context;
import org.hyperledger.fabric.contract.ContractInterface;
import org.hyperledger.fabric.contract.annotation.Contract;
import org.hyperledger.fabric.contract.annotation.Info;
import org.hyperledger.fabric.contract.annotation.Transaction;

/** Trade-by-trade, in-full settlement of matched exchange trades (001 §21), each trade id at most once. */
@Contract(name = "settlement", info = @Info(title = "Settlement", version = "1"))
public final class SettlementContract implements ContractInterface {

    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String settle(Context ctx, String command) {
        return Pipeline.run(ctx, Catalogue.SETTLE, new SettleTrade(), command);
    }

    /** {@code {"trades":[…]}}: many trades in one transaction, each settled or refused on its own. */
    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String settleMany(Context ctx, String command) {
        return Pipeline.run(ctx, Catalogue.SETTLE_MANY, new SettleTrades(), command);
    }

    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String get(Context ctx, String tradeId) {
        return Pipeline.run(ctx, Catalogue.GET_SETTLEMENT, new ReadSettlement(), tradeId);
    }

    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String list(Context ctx, String month, String account) {
        return Pipeline.run(ctx, Catalogue.LIST_TRADES, new ListTrades(), month, account);
    }
}
