package cn.ets.registry.chaincode;

import org.hyperledger.fabric.contract.ContractRouter;

/**
 * Entry point of the chaincode as a service: the shim's contract router runs as a gRPC server
 * when CHAINCODE_SERVER_ADDRESS is set (the peer connects to it), as a client otherwise.
 */
public final class ChaincodeServerMain {
    private ChaincodeServerMain() {}

    public static void main(String[] args) throws Exception {
        ShimLogging.quiet(true);
        ContractRouter.main(args);
    }
}
