package cn.ets.registry.chaincode.contracts;

import cn.ets.registry.api.Catalogue;
import cn.ets.registry.chaincode.tx.Pipeline;
import cn.ets.registry.chaincode.usecases.prices.PostClosingPrice;
import cn.ets.registry.chaincode.usecases.prices.ReadClosingPrices;
import org.hyperledger.fabric.contract.Context;
import org.hyperledger.fabric.contract.ContractInterface;
import org.hyperledger.fabric.contract.annotation.Contract;
import org.hyperledger.fabric.contract.annotation.Info;
import org.hyperledger.fabric.contract.annotation.Transaction;

/** The exchange's daily closing prices, against whose bands settled trades are checked (003 Table 1). */
@Contract(name = "prices", info = @Info(title = "Closing prices", version = "1"))
public final class PricesContract implements ContractInterface {

    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String postClose(Context ctx, String command) {
        return Pipeline.run(ctx, Catalogue.POST_CLOSE, new PostClosingPrice(), command);
    }

    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String closes(Context ctx, String product) {
        return Pipeline.run(ctx, Catalogue.GET_CLOSES, new ReadClosingPrices(), product);
    }
}
