package cn.ets.registry.chaincode.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ets.registry.chaincode.testing.Parties;
import cn.ets.registry.chaincode.testing.TestIdentity;
import com.google.gson.JsonObject;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SurrenderContractTest extends LedgerScenario {

    @BeforeEach
    void obligations() {
        coreRegistry();
        ok(issue(Parties.MEE, "CEA-2023", 1_000));
        ok(issue(Parties.MEE, "CEA-2025", 1_000));
        ok(distribute(Parties.MEE, "CEA-2023", "MEE", "PROVINCE-HB", 1_000));
        ok(distribute(Parties.MEE, "CEA-2025", "MEE", "PROVINCE-HB", 1_000));
        ok(distribute(Parties.HB, "CEA-2023", "PROVINCE-HB", "HB-U1", 200));
        ok(distribute(Parties.HB, "CEA-2025", "PROVINCE-HB", "HB-U1", 200));
        ok(recordEmissions(Parties.HB, "HB-U1", 2024, 900));
    }

    @Test
    void a_unit_surrenders_its_own_and_earlier_vintages_until_compliant() {
        JsonObject r = object(ok(surrender(HB_U1, "HB-U1", 2024, "CEA-2024", 800, "CEA-2023", 100)));
        assertThat(r.get("flow").toString()).isEqualTo("[\"HB-U1\",\"PROVINCE-HB\",\"MEE\"]");
        assertThat(r.getAsJsonObject("compliance").get("status").getAsString()).isEqualTo("COMPLIANT");
        assertThat(quantity("HB-U1", "CEA-2024")).isEqualTo(200);
        assertThat(quantity("HB-U1", "CEA-2023")).isEqualTo(100);
        assertThat(supply("CEA-2024").get("surrendered").getAsLong()).isEqualTo(800);
        assertThat(supply("CEA-2023").get("surrendered").getAsLong()).isEqualTo(100);
        JsonObject c = compliance("HB-U1", 2024);
        assertThat(c.get("obligation").getAsLong()).isEqualTo(900);
        assertThat(c.get("surrendered").getAsLong()).isEqualTo(900);
        assertThat(c.get("shortfall").getAsLong()).isZero();
        assertSupplyBalanced();
    }

    /**
     * The compliance-deadline burst: every unit surrenders at once, so two units' surrenders must
     * not touch a key the other writes (no shared supply counter, account or index), or one of them
     * fails with an MVCC conflict, or its endorsements differ when the peers are a block apart.
     */
    @Test
    void surrenders_of_different_units_share_no_key_that_either_writes() {
        ok(distribute(Parties.HB, "CEA-2023", "PROVINCE-HB", "HB-U2", 200));
        ok(recordEmissions(Parties.HB, "HB-U2", 2024, 500));
        ok(surrender(HB_U1, "HB-U1", 2024, "CEA-2024", 300, "CEA-2023", 50));
        Set<String> readsU1 = new TreeSet<>(ledger.lastReads());
        Set<String> writesU1 = new TreeSet<>(ledger.lastWrites());
        ok(surrender(HB_U2, "HB-U2", 2024, "CEA-2023", 100));
        Set<String> readsU2 = new TreeSet<>(ledger.lastReads());
        Set<String> writesU2 = new TreeSet<>(ledger.lastWrites());

        assertThat(writesU1).as("every key U1's surrender writes is U1's own").allMatch(k -> k.contains("HB-U1"));
        assertThat(writesU2).as("every key U2's surrender writes is U2's own").allMatch(k -> k.contains("HB-U2"));
        assertThat(writesU1).as("U1's surrender writes").noneMatch(k -> readsU2.contains(k) || writesU2.contains(k));
        assertThat(writesU2).as("U2's surrender writes").noneMatch(readsU1::contains);
        assertThat(supply("CEA-2023").get("surrendered").getAsLong()).isEqualTo(150);
        assertSupplyBalanced();
    }

    @Test
    void a_partial_surrender_leaves_the_year_open_with_its_shortfall() {
        ok(surrender(HB_U1, "HB-U1", 2024, "CEA-2024", 300));
        JsonObject c = compliance("HB-U1", 2024);
        assertThat(c.get("status").getAsString()).isEqualTo("OPEN");
        assertThat(c.get("shortfall").getAsLong()).isEqualTo(600);
    }

    @Test
    void only_the_unit_itself_surrenders() {
        for (var who : new TestIdentity[] {HB_U2, Parties.HB, Parties.MEE, Parties.REGISTRY, Parties.EXCHANGE}) {
            assertRejectedWithoutWrites("FORBIDDEN", () -> surrender(who, "HB-U1", 2024, "CEA-2024", 10));
        }
    }

    @Test
    void no_surrender_before_the_province_records_emissions() {
        assertRejectedWithoutWrites("NOT_FOUND", () -> surrender(HB_U2, "HB-U2", 2024, "CEA-2024", 10));
    }

    @Test
    void a_surrender_beyond_the_remaining_obligation_is_refused() {
        assertRejectedWithoutWrites("EXCEEDS_OBLIGATION", () -> surrender(HB_U1, "HB-U1", 2024, "CEA-2024", 901));
    }

    @Test
    void a_later_vintage_cannot_meet_an_earlier_obligation() {
        assertRejectedWithoutWrites("INELIGIBLE_VINTAGE", () -> surrender(HB_U1, "HB-U1", 2024, "CEA-2025", 10));
    }

    @Test
    void one_short_item_rejects_the_whole_surrender() {
        assertRejectedWithoutWrites(
                "INSUFFICIENT_HOLDINGS", () -> surrender(HB_U1, "HB-U1", 2024, "CEA-2024", 500, "CEA-2023", 201));
        assertThat(quantity("HB-U1", "CEA-2024")).isEqualTo(1_000);
    }

    @Test
    void the_same_product_twice_is_a_bad_request() {
        assertRejectedWithoutWrites("BAD_REQUEST", () -> surrender(HB_U1, "HB-U1", 2024, "CEA-2024", 5, "CEA-2024", 5));
    }

    @Test
    void a_ccer_batch_that_was_never_issued_cannot_be_surrendered() {
        assertRejectedWithoutWrites("NOT_FOUND", () -> surrender(HB_U1, "HB-U1", 2024, "CEA-2024", 10, "CCER-1", 5));
        assertThat(quantity("HB-U1", "CEA-2024")).isEqualTo(1_000);
    }

    @Test
    void a_suspended_unit_cannot_surrender_a_restricted_one_can() {
        ok(setStatus(Parties.REGISTRY, "HB-U1", "SUSPENDED"));
        assertRejectedWithoutWrites("ACCOUNT_NOT_ACTIVE", () -> surrender(HB_U1, "HB-U1", 2024, "CEA-2024", 10));
        ok(setStatus(Parties.REGISTRY, "HB-U1", "RESTRICTED"));
        ok(surrender(HB_U1, "HB-U1", 2024, "CEA-2024", 10));
    }

    @Test
    void only_the_units_own_province_records_its_emissions() {
        assertRejectedWithoutWrites("FORBIDDEN", () -> recordEmissions(Parties.GD, "HB-U2", 2024, 100));
        assertRejectedWithoutWrites("FORBIDDEN", () -> recordEmissions(Parties.MEE, "HB-U2", 2024, 100));
        assertRejectedWithoutWrites("FORBIDDEN", () -> recordEmissions(HB_U2, "HB-U2", 2024, 100));
        assertRejectedWithoutWrites("FORBIDDEN", () -> recordEmissions(Parties.HB, "INST-1", 2024, 100));
        assertRejectedWithoutWrites("INVALID_QUANTITY", () -> recordEmissions(Parties.HB, "HB-U2", 2024, -1));
        assertRejectedWithoutWrites("BAD_REQUEST", () -> recordEmissions(Parties.HB, "HB-U2", 2018, 100));
        ok(recordEmissions(Parties.HB, "HB-U2", 2024, 100));
        assertThat(compliance("HB-U2", 2024).get("obligation").getAsLong()).isEqualTo(100);
    }
}
