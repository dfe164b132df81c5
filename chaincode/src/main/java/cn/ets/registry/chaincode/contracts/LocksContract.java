package cn.ets.registry.chaincode.contracts;

import cn.ets.registry.api.Catalogue;
import cn.ets.registry.chaincode.tx.Pipeline;
import cn.ets.registry.chaincode.usecases.locks.AcceptPledge;
import cn.ets.registry.chaincode.usecases.locks.CourtTransfer;
import cn.ets.registry.chaincode.usecases.locks.DeclinePledge;
import cn.ets.registry.chaincode.usecases.locks.EnforcePledge;
import cn.ets.registry.chaincode.usecases.locks.LockUnits;
import cn.ets.registry.chaincode.usecases.locks.ReadLock;
import cn.ets.registry.chaincode.usecases.locks.RegisterDefault;
import cn.ets.registry.chaincode.usecases.locks.ReleaseLock;
import org.hyperledger.fabric.contract.Context;
import org.hyperledger.fabric.contract.ContractInterface;
import org.hyperledger.fabric.contract.annotation.Contract;
import org.hyperledger.fabric.contract.annotation.Info;
import org.hyperledger.fabric.contract.annotation.Transaction;

/** Pledges and freezes (002; 001 §45): locked units cannot be settled, surrendered or cancelled. */
@Contract(name = "locks", info = @Info(title = "Pledges and freezes", version = "1"))
public final class LocksContract implements ContractInterface {

    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String lock(Context ctx, String command) {
        return Pipeline.run(ctx, Catalogue.LOCK, new LockUnits(), command);
    }

    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String release(Context ctx, String lockId, String command) {
        return Pipeline.run(ctx, Catalogue.RELEASE_LOCK, new ReleaseLock(), lockId, command);
    }

    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String enforce(Context ctx, String lockId, String command) {
        return Pipeline.run(ctx, Catalogue.ENFORCE_PLEDGE, new EnforcePledge(), lockId, command);
    }

    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String get(Context ctx, String lockId) {
        return Pipeline.run(ctx, Catalogue.GET_LOCK, new ReadLock(), lockId);
    }

    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String accept(Context ctx, String lockId, String command) {
        return Pipeline.run(ctx, Catalogue.ACCEPT_PLEDGE, new AcceptPledge(), lockId, command);
    }

    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String decline(Context ctx, String lockId, String command) {
        return Pipeline.run(ctx, Catalogue.DECLINE_PLEDGE, new DeclinePledge(), lockId, command);
    }

    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String registerDefault(Context ctx, String lockId, String command) {
        return Pipeline.run(ctx, Catalogue.REGISTER_DEFAULT, new RegisterDefault(), lockId, command);
    }

    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String courtTransfer(Context ctx, String lockId, String command) {
        return Pipeline.run(ctx, Catalogue.COURT_TRANSFER, new CourtTransfer(), lockId, command);
    }
}
