package cn.ets.registry.chaincode.contracts;

import cn.ets.registry.api.Catalogue;
import cn.ets.registry.chaincode.tx.Pipeline;
import cn.ets.registry.chaincode.usecases.settlement.AdmitToCeaMarket;
import cn.ets.registry.chaincode.usecases.settlement.ApproveReversal;
import cn.ets.registry.chaincode.usecases.settlement.AskReversal;
import cn.ets.registry.chaincode.usecases.settlement.ConfirmFunds;
import cn.ets.registry.chaincode.usecases.settlement.DailyStatement;
import cn.ets.registry.chaincode.usecases.settlement.FailAtCutOff;
import cn.ets.registry.chaincode.usecases.settlement.PostDvpTrade;
import cn.ets.registry.chaincode.usecases.settlement.ReadDvpTrade;
import cn.ets.registry.chaincode.usecases.settlement.ReadReservation;
import cn.ets.registry.chaincode.usecases.settlement.ReadReversal;
import cn.ets.registry.chaincode.usecases.settlement.ReadTradingPosition;
import cn.ets.registry.chaincode.usecases.settlement.ReconcileDay;
import cn.ets.registry.chaincode.usecases.settlement.ReduceReservation;
import cn.ets.registry.chaincode.usecases.settlement.RefuseFunds;
import cn.ets.registry.chaincode.usecases.settlement.RefuseReversal;
import cn.ets.registry.chaincode.usecases.settlement.RegisterFundsAccount;
import cn.ets.registry.chaincode.usecases.settlement.ReserveUnits;
import org.hyperledger.fabric.contract.Context;
import org.hyperledger.fabric.contract.ContractInterface;
import org.hyperledger.fabric.contract.annotation.Contract;
import org.hyperledger.fabric.contract.annotation.Info;
import org.hyperledger.fabric.contract.annotation.Transaction;

/**
 * Settlement with the settlement bank (001 §21; 003 §2.3.2): delivery versus payment, pre-trade
 * reservations, the daily statement and its reconciliation, reversals, funds accounts and admission.
 */
@Contract(name = "dvp", info = @Info(title = "Delivery versus payment", version = "1"))
public final class DvpContract implements ContractInterface {

    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String post(Context ctx, String command) {
        return Pipeline.run(ctx, Catalogue.DVP_POST, new PostDvpTrade(), command);
    }

    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String confirm(Context ctx, String tradeId, String command) {
        return Pipeline.run(ctx, Catalogue.DVP_CONFIRM, new ConfirmFunds(), tradeId, command);
    }

    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String refuse(Context ctx, String tradeId, String command) {
        return Pipeline.run(ctx, Catalogue.DVP_REFUSE, new RefuseFunds(), tradeId, command);
    }

    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String cutOff(Context ctx, String command) {
        return Pipeline.run(ctx, Catalogue.DVP_CUT_OFF, new FailAtCutOff(), command);
    }

    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String get(Context ctx, String tradeId) {
        return Pipeline.run(ctx, Catalogue.GET_DVP, new ReadDvpTrade(), tradeId);
    }

    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String statement(Context ctx, String day) {
        return Pipeline.run(ctx, Catalogue.SETTLEMENT_STATEMENT, new DailyStatement(), day);
    }

    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String reconcile(Context ctx, String day, String command) {
        return Pipeline.run(ctx, Catalogue.RECONCILE, new ReconcileDay(), day, command);
    }

    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String reserve(Context ctx, String command) {
        return Pipeline.run(ctx, Catalogue.RESERVE, new ReserveUnits(), command);
    }

    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String reduceReservation(Context ctx, String reservationId, String command) {
        return Pipeline.run(ctx, Catalogue.REDUCE_RESERVATION, new ReduceReservation(), reservationId, command);
    }

    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String getReservation(Context ctx, String reservationId) {
        return Pipeline.run(ctx, Catalogue.GET_RESERVATION, new ReadReservation(), reservationId);
    }

    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String position(Context ctx, String id) {
        return Pipeline.run(ctx, Catalogue.TRADING_POSITION, new ReadTradingPosition(), id);
    }

    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String setFundsAccount(Context ctx, String id, String command) {
        return Pipeline.run(ctx, Catalogue.SET_FUNDS_ACCOUNT, new RegisterFundsAccount(), id, command);
    }

    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String admit(Context ctx, String id, String command) {
        return Pipeline.run(ctx, Catalogue.ADMIT, new AdmitToCeaMarket(), id, command);
    }

    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String requestReversal(Context ctx, String command) {
        return Pipeline.run(ctx, Catalogue.REQUEST_REVERSAL, new AskReversal(), command);
    }

    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String approveReversal(Context ctx, String tradeId, String command) {
        return Pipeline.run(ctx, Catalogue.APPROVE_REVERSAL, new ApproveReversal(), tradeId, command);
    }

    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String refuseReversal(Context ctx, String tradeId, String command) {
        return Pipeline.run(ctx, Catalogue.REFUSE_REVERSAL, new RefuseReversal(), tradeId, command);
    }

    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String getReversal(Context ctx, String tradeId) {
        return Pipeline.run(ctx, Catalogue.GET_REVERSAL, new ReadReversal(), tradeId);
    }
}
