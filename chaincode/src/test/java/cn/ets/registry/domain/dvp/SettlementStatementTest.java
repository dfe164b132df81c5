package cn.ets.registry.domain.dvp;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ets.registry.domain.dvp.SettlementStatement.Line;
import cn.ets.registry.domain.dvp.SettlementStatement.Reported;
import cn.ets.registry.domain.dvp.SettlementStatement.Total;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The daily settlement statement (结算日报) and the reconciliation of a participant's totals against it. */
class SettlementStatementTest {
    static final List<Line> DAY = List.of(
            new Line("T1", "DVP", "LISTED", "SETTLED", "S1", "B1", 100, new BigDecimal("9500.00")),
            new Line("T2", "DVP", "LISTED", "SETTLED", "S1", "B2", 50, new BigDecimal("4800.00")),
            new Line("T3", "DVP", "LISTED", "FAILED", "S2", "B1", 10, new BigDecimal("950.00")),
            new Line("T4", "SINGLE_STEP", "BLOCK", "SETTLED", "S2", "B2", 100_000, new BigDecimal("9800000.00")));

    @Test
    void totals_per_kind_mode_and_status() {
        assertThat(SettlementStatement.totals(DAY))
                .containsExactly(
                        new Total("DVP", "LISTED", "FAILED", 1, 10, new BigDecimal("950.00")),
                        new Total("DVP", "LISTED", "SETTLED", 2, 150, new BigDecimal("14300.00")),
                        new Total("SINGLE_STEP", "BLOCK", "SETTLED", 1, 100_000, new BigDecimal("9800000.00")));
    }

    @Test
    void each_trade_counts_for_both_its_parties() {
        var p = SettlementStatement.perParticipant(DAY);
        assertThat(p).hasSize(6);
        assertThat(p.get(0).account()).isEqualTo("B1");
        assertThat(p.stream()
                        .filter(t -> t.account().equals("S1"))
                        .findFirst()
                        .orElseThrow()
                        .tonnes())
                .isEqualTo(150);
    }

    @Test
    void matching_totals_reconcile_and_each_difference_names_both_figures() {
        List<Total> statement = SettlementStatement.totals(DAY);
        List<Reported> same = statement.stream()
                .map(t -> new Reported(t.kind(), t.mode(), t.status(), t.count(), t.tonnes(), t.amount()))
                .toList();
        assertThat(SettlementStatement.reconcile(statement, same)).isEmpty();
        List<Reported> bank = List.of(
                new Reported("DVP", "LISTED", "SETTLED", 2, null, new BigDecimal("14300.00")),
                new Reported("DVP", "LISTED", "FAILED", 1, null, new BigDecimal("900.00")));
        var diffs = SettlementStatement.reconcile(statement, bank);
        assertThat(diffs)
                .extracting(
                        d -> d.kind() + "/" + d.status() + "/" + d.field() + ":" + d.statement() + "≠" + d.reported())
                .containsExactly(
                        "DVP/FAILED/amount:950.00≠900.00",
                        "SINGLE_STEP/SETTLED/count:1≠0",
                        "SINGLE_STEP/SETTLED/amount:9800000.00≠0.00");
    }
}
