package cn.ets.registry.chaincode.testing;

/** An MSP id and the PEM certificate a transaction's creator carries. */
public record TestIdentity(String mspId, String name, String certificatePem) {
    @Override
    public String toString() {
        return name + "@" + mspId;
    }
}
