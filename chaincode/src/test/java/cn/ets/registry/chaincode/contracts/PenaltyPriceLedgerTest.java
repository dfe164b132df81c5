package cn.ets.registry.chaincode.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ets.registry.chaincode.testing.Parties;
import cn.ets.registry.chaincode.testing.TestIdentity;
import com.google.gson.JsonObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A penalty price one can defend (issue 11, item 6): the exchange posts each day's close; a CEA
 * trade outside its mode's band around the previous trading day's close (±10 % listed, ±30 %
 * block: 003 Table 1) is flagged at settlement and left out of the average that prices the fines
 * (003 §2.2.7: "未清缴的配额清缴时限前1个月市场交易平均成交价格"); with no close posted for the
 * previous trading day, the trade counts (api.md). The case: a 250-yuan block trade among
 * trades near 100 moved December's average, and every fine, to 224.55.
 */
class PenaltyPriceLedgerTest extends LedgerScenario {
    static final String CEA = "CEA-2024";

    @BeforeEach
    void registry() {
        secondPartRegistry();
        give(CEA, "HB-U1", 2_000_000);
        give(CEA, "HB-U2", 1_000);
        ok(recordEmissions(Parties.HB, "HB-U2", 2024, 1_000));
        today("2025-12-20");
    }

    private JsonObject trade(String id, long q, String price, String mode, String at) {
        return object(ok(settle(Parties.EXCHANGE, trade(id, CEA, "HB-U1", "INST-1", q, price, mode, at))));
    }

    @Test
    void a_trade_outside_its_band_is_flagged_at_settlement_and_left_out_of_the_penalty_price() {
        ok(postClose(Parties.EXCHANGE, CEA, "2025-12-09", "100.00"));
        ok(postClose(Parties.EXCHANGE, CEA, "2025-12-10", "101.00"));
        JsonObject inside = trade("T1", 20_000, "99.00", "LISTED", "2025-12-10T10:00:00+08:00");
        assertThat(inside.getAsJsonObject("priceCheck").get("previousClose").getAsString())
                .isEqualTo("100.00");
        assertThat(inside.getAsJsonObject("priceCheck").get("closeDate").getAsString())
                .isEqualTo("2025-12-09");
        assertThat(inside.getAsJsonObject("priceCheck").get("withinBand").getAsBoolean())
                .isTrue();
        JsonObject block = trade("T2", 1_000_000, "250.00", "BLOCK", "2025-12-11T10:00:00+08:00");
        JsonObject check = block.getAsJsonObject("priceCheck");
        assertThat(check.get("previousClose").getAsString()).isEqualTo("101.00");
        assertThat(check.get("band").getAsString()).isEqualTo("0.30");
        assertThat(check.get("low").getAsString()).isEqualTo("70.70");
        assertThat(check.get("high").getAsString()).isEqualTo("131.30");
        assertThat(check.get("withinBand").getAsBoolean()).isFalse();
        trade("T3", 10_000, "102.00", "LISTED", "2025-12-11T14:00:00+08:00");

        today("2026-01-05");
        JsonObject closed = object(ok(close(Parties.MEE, 2024)));
        // (20,000 × 99.00 + 10,000 × 102.00) / 30,000 = 100.00; counting the block trade it would be 245.63.
        assertThat(closed.get("averagePrice").getAsString()).isEqualTo("100.00");
        assertThat(closed.get("tradesInMonth").getAsInt()).isEqualTo(3);
        assertThat(closed.get("tradesCounted").getAsInt()).isEqualTo(2);
        assertThat(closed.get("tradesOutOfBand").getAsInt()).isEqualTo(1);
    }

    @Test
    void without_a_close_of_the_previous_trading_day_the_trade_counts() {
        ok(postClose(Parties.EXCHANGE, CEA, "2025-11-20", "100.00")); // more than 10 days before
        JsonObject t = trade("T1", 100_000, "250.00", "BLOCK", "2025-12-11T10:00:00+08:00");
        assertThat(t.has("priceCheck")).isFalse();
        ok(postClose(Parties.EXCHANGE, CEA, "2025-12-12", "240.00")); // a Friday
        JsonObject monday = trade("T2", 100, "250.00", "LISTED", "2025-12-15T10:00:00+08:00");
        assertThat(monday.getAsJsonObject("priceCheck").get("closeDate").getAsString())
                .as("the weekend had no close: Friday's is the previous trading day's")
                .isEqualTo("2025-12-12");
        assertThat(monday.getAsJsonObject("priceCheck").get("withinBand").getAsBoolean())
                .isTrue();
        today("2026-01-05");
        JsonObject closed = object(ok(close(Parties.MEE, 2024)));
        assertThat(closed.get("averagePrice").getAsString()).isEqualTo("250.00");
        assertThat(closed.get("tradesOutOfBand").getAsInt()).isZero();
    }

    @Test
    void only_the_exchange_posts_a_close_once_per_product_and_day_and_anyone_reads_them() {
        for (TestIdentity who : new TestIdentity[] {Parties.MEE, Parties.REGISTRY, Parties.HB, HB_U1}) {
            assertRejectedWithoutWrites("FORBIDDEN", () -> postClose(who, CEA, "2025-12-09", "100.00"));
        }
        assertRejectedWithoutWrites("BAD_REQUEST", () -> postClose(Parties.EXCHANGE, CEA, "2025-12-21", "100.00"));
        assertRejectedWithoutWrites("BAD_REQUEST", () -> postClose(Parties.EXCHANGE, CEA, "2025-13-01", "100.00"));
        assertRejectedWithoutWrites("BAD_REQUEST", () -> postClose(Parties.EXCHANGE, CEA, "2025-12-09", "-1"));
        assertRejectedWithoutWrites("BAD_REQUEST", () -> postClose(Parties.EXCHANGE, CEA, "2025-12-09", "1.001"));
        assertRejectedWithoutWrites("BAD_REQUEST", () -> postClose(Parties.EXCHANGE, "CCER-1", "2025-12-09", "100.00"));
        JsonObject first = object(ok(postClose(Parties.EXCHANGE, CEA, "2025-12-09", "100.00")));
        assertThat(first.get("replayed").getAsBoolean()).isFalse();
        assertThat(ledger.events().get(ledger.events().size() - 1).getEventName())
                .isEqualTo("ClosingPricePosted");
        assertThat(object(ok(postClose(Parties.EXCHANGE, CEA, "2025-12-09", "100.00")))
                        .get("replayed")
                        .getAsBoolean())
                .isTrue();
        assertRejectedWithoutWrites("ALREADY_EXISTS", () -> postClose(Parties.EXCHANGE, CEA, "2025-12-09", "101.00"));
        ok(postClose(Parties.EXCHANGE, CEA, "2025-12-10", "101.00"));
        JsonObject closes = object(
                ok(ledger.evaluate(Parties.AUDITOR, "prices:closes", ctx -> new PricesContract().closes(ctx, CEA))));
        assertThat(closes.getAsJsonArray("closes").toString())
                .isEqualTo(
                        "[{\"date\":\"2025-12-09\",\"price\":\"100.00\"},{\"date\":\"2025-12-10\",\"price\":\"101.00\"}]");
    }
}
