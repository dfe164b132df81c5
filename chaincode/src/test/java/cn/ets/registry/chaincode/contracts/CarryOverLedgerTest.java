package cn.ets.registry.chaincode.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ets.registry.chaincode.testing.Parties;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The carry-over limit enforced in surrenders for 2025 and later: HB-U1 never traded, so it may
 * carry forward 10,000 t of vintages 2019-2020 … 2024; it holds 20,000 CEA-2024 and 5,000 CEA-2025
 * and owes 30,000 t for 2025.
 */
class CarryOverLedgerTest extends LedgerScenario {

    @BeforeEach
    void registry() {
        secondPartRegistry();
        give("CEA-2024", "HB-U1", 20_000);
        give("CEA-2025", "HB-U1", 5_000);
        ok(recordEmissions(Parties.HB, "HB-U1", 2025, 30_000));
    }

    @Test
    void carrying_forward_beyond_the_limit_is_refused_and_changes_nothing() {
        assertRejectedWithoutWrites(
                "CARRY_OVER_LIMIT_EXCEEDED", () -> surrender(HB_U1, "HB-U1", 2025, "CEA-2024", 10_001));
        assertThat(quantity("HB-U1", "CEA-2024")).isEqualTo(20_000);
    }

    @Test
    void the_limit_counts_every_surrender_and_leaves_the_years_own_vintage_alone() {
        ok(surrender(HB_U1, "HB-U1", 2025, "CEA-2024", 6_000));
        ok(surrender(HB_U1, "HB-U1", 2025, "CEA-2024", 4_000, "CEA-2025", 5_000));
        assertRejectedWithoutWrites("CARRY_OVER_LIMIT_EXCEEDED", () -> surrender(HB_U1, "HB-U1", 2025, "CEA-2024", 1));
        assertThat(compliance("HB-U1", 2025).get("surrendered").getAsLong()).isEqualTo(15_000);
    }
}
