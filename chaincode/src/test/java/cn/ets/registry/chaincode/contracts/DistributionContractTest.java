package cn.ets.registry.chaincode.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ets.registry.chaincode.testing.Parties;
import cn.ets.registry.chaincode.testing.TestIdentity;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DistributionContractTest extends LedgerScenario {

    private static final Map<String, TestIdentity> WHO = Map.of(
            "mee",
            Parties.MEE,
            "hb",
            Parties.HB,
            "gd",
            Parties.GD,
            "registry",
            Parties.REGISTRY,
            "exchange",
            Parties.EXCHANGE,
            "hb-u1",
            HB_U1,
            "auditor",
            Parties.AUDITOR);

    @BeforeEach
    void registry() {
        coreRegistry();
    }

    @Test
    void allowances_flow_mee_to_province_to_unit_without_changing_supply() {
        long issued = supply("CEA-2024").get("issued").getAsLong();
        ok(distribute(Parties.MEE, "CEA-2024", "MEE", "PROVINCE-HB", 100));
        ok(distribute(Parties.HB, "CEA-2024", "PROVINCE-HB", "HB-U1", 60));
        assertThat(quantity("MEE", "CEA-2024")).isEqualTo(10_000 - 7_000 - 100);
        assertThat(quantity("PROVINCE-HB", "CEA-2024")).isEqualTo(5_000 - 1_500 + 100 - 60);
        assertThat(quantity("HB-U1", "CEA-2024")).isEqualTo(1_060);
        assertThat(supply("CEA-2024").get("issued").getAsLong()).isEqualTo(issued);
        assertSupplyBalanced();
    }

    @ParameterizedTest(name = "{0}: {1} -> {2}")
    @CsvSource({
        "mee,      MEE,         HB-U1",
        "mee,      PROVINCE-HB, HB-U1",
        "hb,       MEE,         PROVINCE-HB",
        "hb,       PROVINCE-GD, GD-U1",
        "hb,       PROVINCE-HB, GD-U1",
        "hb,       PROVINCE-GD, HB-U1",
        "hb,       PROVINCE-HB, PROVINCE-GD",
        "hb,       PROVINCE-HB, INST-1",
        "hb,       HB-U1,       HB-U2",
        "gd,       PROVINCE-HB, HB-U1",
        "gd,       PROVINCE-GD, HB-U1",
        "registry, MEE,         PROVINCE-HB",
        "exchange, HB-U1,       HB-U2",
        "hb-u1,    HB-U1,       HB-U2",
        "auditor,  MEE,         PROVINCE-GD"
    })
    void distributions_outside_the_mee_province_unit_chain_are_forbidden(String who, String from, String to) {
        assertRejectedWithoutWrites("FORBIDDEN", () -> distribute(WHO.get(who), "CEA-2024", from, to, 10));
    }

    @Test
    void a_province_cannot_hand_out_more_than_it_holds() {
        assertRejectedWithoutWrites(
                "INSUFFICIENT_HOLDINGS", () -> distribute(Parties.HB, "CEA-2024", "PROVINCE-HB", "HB-U1", 3_501));
        ok(distribute(Parties.HB, "CEA-2024", "PROVINCE-HB", "HB-U1", 3_500));
    }

    @Test
    void a_suspended_unit_receives_nothing_but_a_restricted_one_does() {
        ok(setStatus(Parties.REGISTRY, "HB-U2", "SUSPENDED"));
        assertRejectedWithoutWrites(
                "ACCOUNT_NOT_ACTIVE", () -> distribute(Parties.HB, "CEA-2024", "PROVINCE-HB", "HB-U2", 10));
        ok(setStatus(Parties.REGISTRY, "HB-U2", "RESTRICTED"));
        ok(distribute(Parties.HB, "CEA-2024", "PROVINCE-HB", "HB-U2", 10));
        assertThat(quantity("HB-U2", "CEA-2024")).isEqualTo(510);
    }

    @Test
    void unknown_accounts_are_not_found() {
        assertRejectedWithoutWrites("NOT_FOUND", () -> distribute(Parties.HB, "CEA-2024", "PROVINCE-HB", "HB-U9", 10));
        assertRejectedWithoutWrites("NOT_FOUND", () -> distribute(Parties.MEE, "CEA-2024", "MEE", "PROVINCE-SH", 10));
    }

    @Test
    void a_vintage_never_issued_cannot_be_distributed() {
        assertRejectedWithoutWrites(
                "INSUFFICIENT_HOLDINGS", () -> distribute(Parties.MEE, "CEA-2021", "MEE", "PROVINCE-HB", 1));
    }
}
