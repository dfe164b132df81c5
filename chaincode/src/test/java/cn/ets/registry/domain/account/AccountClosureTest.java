package cn.ets.registry.domain.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Closing strands nothing (issue 11: a CLOSED account that held 100 t counted them as held forever):
 * zero holdings, no lock, no open obligation, no debt — else what is left is listed.
 */
class AccountClosureTest {

    @Test
    void an_empty_account_without_obligations_or_debt_closes() {
        assertThat(AccountClosure.assess(Map.of(), Map.of(), List.of(), 0).closable())
                .isTrue();
        assertThat(AccountClosure.assess(Map.of(), Map.of(2024, 0L), List.of(), 0)
                        .closable())
                .as("a year fully surrendered is no obligation")
                .isTrue();
    }

    @Test
    void holdings_locks_obligations_missing_emissions_and_debt_each_keep_it_open() {
        AccountClosure c =
                AccountClosure.assess(Map.of("CEA-2024", new Holding(100, 40)), Map.of(2025, 300L), List.of(2026), 20);
        assertThat(c.closable()).isFalse();
        assertThat(c.pending())
                .containsExactly(
                        new AccountClosure.Pending("LOCK", "CEA-2024", 40),
                        new AccountClosure.Pending("HOLDING", "CEA-2024", 100),
                        new AccountClosure.Pending("OBLIGATION", "2025", 300),
                        new AccountClosure.Pending("EMISSIONS", "2026", 0),
                        new AccountClosure.Pending("DEBT", "allocation debt", 20));
    }
}
