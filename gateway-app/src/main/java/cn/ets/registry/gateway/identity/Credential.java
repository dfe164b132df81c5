package cn.ets.registry.gateway.identity;

/**
 * One line of {@code credentials.json}: a bearer token and the ledger identity it acts as.
 * {@code org} is the organisation's short name, {@code msp} its Fabric MSP id.
 */
public record Credential(
        String name, String org, String msp, String role, String province, String account, String token) {}
