package cn.ets.registry.chaincode.contracts;

import cn.ets.registry.api.Catalogue;
import cn.ets.registry.chaincode.tx.Pipeline;
import cn.ets.registry.chaincode.usecases.roster.EnlistUnit;
import cn.ets.registry.chaincode.usecases.roster.ReadRoster;
import org.hyperledger.fabric.contract.Context;
import org.hyperledger.fabric.contract.ContractInterface;
import org.hyperledger.fabric.contract.annotation.Contract;
import org.hyperledger.fabric.contract.annotation.Info;
import org.hyperledger.fabric.contract.annotation.Transaction;

/** The rosters of key emitting units per year and province (重点排放单位名录, 001 §5, §35). */
@Contract(name = "roster", info = @Info(title = "Roster of key emitting units", version = "1"))
public final class RosterContract implements ContractInterface {

    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String enlist(Context ctx, String command) {
        return Pipeline.run(ctx, Catalogue.ENLIST, new EnlistUnit(), command);
    }

    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String get(Context ctx, String year, String province) {
        return Pipeline.run(ctx, Catalogue.GET_ROSTER, new ReadRoster(), year, province);
    }
}
