package cn.ets.registry.chaincode.contracts;

import cn.ets.registry.api.Catalogue;
import cn.ets.registry.chaincode.tx.Pipeline;
import cn.ets.registry.chaincode.usecases.admin.BootstrapRegistry;
import cn.ets.registry.chaincode.usecases.admin.ReadRegistryStatus;
import org.hyperledger.fabric.contract.Context;
import org.hyperledger.fabric.contract.ContractInterface;
import org.hyperledger.fabric.contract.annotation.Contract;
import org.hyperledger.fabric.contract.annotation.Info;
import org.hyperledger.fabric.contract.annotation.Transaction;

/** Setting the registry up: the authority accounts (MEE, one per province) and the first parameters. */
@Contract(name = "admin", info = @Info(title = "Registry administration", version = "1"))
public final class AdminContract implements ContractInterface {

    /** {@code {"provinces":["HB","GD"]}}, by the registry institution; repeating it adds missing provinces only. */
    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String bootstrap(Context ctx, String command) {
        return Pipeline.run(ctx, Catalogue.BOOTSTRAP, new BootstrapRegistry(), command);
    }

    /** Whether the registry is set up: answers any identity, used as the readiness probe. */
    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String status(Context ctx) {
        return Pipeline.run(ctx, Catalogue.REGISTRY_STATUS, new ReadRegistryStatus());
    }
}
