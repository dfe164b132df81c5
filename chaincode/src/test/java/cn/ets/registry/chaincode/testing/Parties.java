package cn.ets.registry.chaincode.testing;

import java.util.Map;

/** The identities of the dev network, as certificates their organisations' CAs would issue. */
public final class Parties {
    public static final TestIdentity MEE = TestCerts.identity("MEEMSP", "mee", Map.of("role", "MEE"));
    public static final TestIdentity REGISTRY =
            TestCerts.identity("RegistryMSP", "registry", Map.of("role", "REGISTRY"));
    public static final TestIdentity EXCHANGE =
            TestCerts.identity("ExchangeMSP", "exchange", Map.of("role", "EXCHANGE"));
    public static final TestIdentity HB =
            TestCerts.identity("ProvinceHBMSP", "province-HB", Map.of("role", "PROVINCE", "province", "HB"));
    public static final TestIdentity GD =
            TestCerts.identity("ProvinceGDMSP", "province-GD", Map.of("role", "PROVINCE", "province", "GD"));
    /** The settlement bank, of its own organisation. */
    public static final TestIdentity BANK = TestCerts.identity("BankMSP", "bank", Map.of("role", "SETTLEMENT_BANK"));
    /** A bank certificate from the Registry's CA: refused, only BankMSP vouches for the settlement bank. */
    public static final TestIdentity BANK_OF_REGISTRY =
            TestCerts.identity("RegistryMSP", "bank", Map.of("role", "SETTLEMENT_BANK"));

    public static final TestIdentity AUDITOR = TestCerts.identity("AuditMSP", "auditor", Map.of("role", "AUDITOR"));

    private Parties() {}

    public static TestIdentity unit(String province, String account) {
        return TestCerts.identity(
                "Province" + province + "MSP",
                "account-" + account,
                Map.of("role", "UNIT", "province", province, "account", account));
    }

    public static TestIdentity registryHolder(String role, String account) {
        return TestCerts.identity("RegistryMSP", "account-" + account, Map.of("role", role, "account", account));
    }
}
