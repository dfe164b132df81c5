package cn.ets.registry.chaincode.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ets.registry.chaincode.testing.Parties;
import cn.ets.registry.chaincode.testing.TestIdentity;
import com.google.gson.JsonObject;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Monthly key-parameter deposits: digests validated, the time taken from the transaction, late after
 * the 40th day following the month's end (Beijing calendar), never rewritten, checked by anyone.
 * April 2025 ends on the 30th: due 9 June 2025.
 */
class DepositsLedgerTest extends LedgerScenario {
    static final String SHA = "a".repeat(64);
    static final String SM3 = "0123456789abcdef".repeat(4);
    static final String OTHER = "b".repeat(64);

    @BeforeEach
    void registry() {
        secondPartRegistry();
    }

    @Test
    void a_deposit_on_the_40th_day_in_beijing_is_on_time() {
        ledger.setClock(Instant.parse("2025-06-09T15:59:58Z")); // 9 June 23:59:59 in Beijing
        JsonObject r = object(ok(deposit(HB_U1, "HB-U1", "2025-04", SHA, SM3)));
        assertThat(r.get("late").getAsBoolean()).isFalse();
        assertThat(r.get("recordedAt").getAsString()).isEqualTo("2025-06-09T15:59:59Z");
        assertThat(r.get("month").getAsString()).isEqualTo("2025-04");
        assertThat(ledger.events().get(ledger.events().size() - 1).getEventName())
                .isEqualTo("MonthlyReportDeposited");
    }

    @Test
    void a_deposit_after_the_40th_day_is_flagged_late() {
        ledger.setClock(Instant.parse("2025-06-09T15:59:59Z")); // 10 June 00:00:00 in Beijing
        JsonObject r = object(ok(deposit(HB_U1, "HB-U1", "2025-04", SHA, SM3)));
        assertThat(r.get("late").getAsBoolean()).isTrue();
        assertThat(object(ok(getDeposit(Parties.AUDITOR, "HB-U1", "2025-04", null)))
                        .get("late")
                        .getAsBoolean())
                .isTrue();
    }

    @Test
    void a_month_that_has_not_ended_in_beijing_cannot_be_deposited() {
        ledger.setClock(Instant.parse("2025-05-31T15:59:58Z")); // 31 May 23:59:59 in Beijing
        assertRejectedWithoutWrites("BAD_REQUEST", () -> deposit(HB_U1, "HB-U1", "2025-05", SHA, SM3));
        ledger.setClock(Instant.parse("2025-05-31T15:59:59Z")); // 1 June 00:00:00 in Beijing
        assertThat(object(ok(deposit(HB_U1, "HB-U1", "2025-05", SHA, SM3)))
                        .get("late")
                        .getAsBoolean())
                .isFalse();
        assertRejectedWithoutWrites("BAD_REQUEST", () -> deposit(HB_U1, "HB-U1", "2026-01", SHA, SM3));
    }

    @Test
    void digests_must_be_64_lowercase_hex_characters_and_the_month_yyyy_mm() {
        String[] badDigests = {"A".repeat(64), "a".repeat(63), "a".repeat(65), "g".repeat(64), " " + "a".repeat(63), ""
        };
        for (String bad : badDigests) {
            assertRejectedWithoutWrites("BAD_REQUEST", () -> deposit(HB_U1, "HB-U1", "2025-04", bad, SM3));
            assertRejectedWithoutWrites("BAD_REQUEST", () -> deposit(HB_U1, "HB-U1", "2025-04", SHA, bad));
        }
        for (String month : new String[] {"2025-4", "2025-13", "04-2025", "2025/04", "2025-04-01"}) {
            assertRejectedWithoutWrites("BAD_REQUEST", () -> deposit(HB_U1, "HB-U1", month, SHA, SM3));
        }
        assertRejectedWithoutWrites(
                "BAD_REQUEST", () -> depositCommand(HB_U1, json("unitId", "HB-U1", "month", "2025-04", "sha256", SHA)));
        assertRejectedWithoutWrites("BAD_REQUEST", () -> depositCommand(HB_U1, "{\"unitId\":\"HB-U1\""));
        assertThat(getDeposit(Parties.AUDITOR, "HB-U1", "2025-04", null).code()).isEqualTo("NOT_FOUND");
    }

    @Test
    void only_the_unit_deposits_its_reports() {
        for (TestIdentity who : new TestIdentity[] {HB_U2, Parties.HB, Parties.MEE, Parties.REGISTRY, INST_1}) {
            assertRejectedWithoutWrites("FORBIDDEN", () -> deposit(who, "HB-U1", "2025-04", SHA, SM3));
        }
    }

    @Test
    void only_key_emitting_units_deposit_monthly_reports() {
        assertRejectedWithoutWrites("FORBIDDEN", () -> deposit(INST_1, "INST-1", "2025-04", SHA, SM3));
        assertRejectedWithoutWrites("FORBIDDEN", () -> deposit(PO_1, "PO-1", "2025-04", SHA, SM3));
    }

    @Test
    void a_deposit_is_never_rewritten_and_repeating_it_replays_the_first_record() {
        JsonObject first = object(ok(deposit(HB_U1, "HB-U1", "2025-04", SHA, SM3)));
        ledger.setClock(Instant.parse("2025-08-01T00:00:00Z"));
        JsonObject again = object(ok(deposit(HB_U1, "HB-U1", "2025-04", SHA, SM3)));
        assertThat(again.get("replayed").getAsBoolean()).isTrue();
        assertThat(again.get("recordedAt").getAsString())
                .isEqualTo(first.get("recordedAt").getAsString());
        assertThat(again.get("late").getAsBoolean()).isFalse();
        assertRejectedWithoutWrites("ALREADY_EXISTS", () -> deposit(HB_U1, "HB-U1", "2025-04", OTHER, SM3));
        assertRejectedWithoutWrites("ALREADY_EXISTS", () -> deposit(HB_U1, "HB-U1", "2025-04", SHA, OTHER));
        JsonObject stored = object(ok(getDeposit(Parties.AUDITOR, "HB-U1", "2025-04", null)));
        assertThat(stored.get("sha256").getAsString()).isEqualTo(SHA);
        assertThat(stored.get("sm3").getAsString()).isEqualTo(SM3);
        assertThat(stored.get("recordedAt").getAsString())
                .isEqualTo(first.get("recordedAt").getAsString());
    }

    @Test
    void anyone_checks_a_document_against_the_deposit() {
        ok(deposit(HB_U1, "HB-U1", "2025-04", SHA, SM3));
        for (TestIdentity who : new TestIdentity[] {Parties.AUDITOR, HB_U2, Parties.EXCHANGE}) {
            assertThat(object(ok(getDeposit(who, "HB-U1", "2025-04", SHA)))
                            .get("matches")
                            .getAsBoolean())
                    .isTrue();
            assertThat(object(ok(getDeposit(who, "HB-U1", "2025-04", OTHER)))
                            .get("matches")
                            .getAsBoolean())
                    .isFalse();
        }
        assertThat(object(ok(getDeposit(Parties.AUDITOR, "HB-U1", "2025-04", null)))
                        .has("matches"))
                .isFalse();
        assertThat(getDeposit(Parties.AUDITOR, "HB-U1", "2025-04", "xyz").code())
                .isEqualTo("BAD_REQUEST");
        assertThat(getDeposit(Parties.AUDITOR, "HB-U1", "2025-03", SHA).code()).isEqualTo("NOT_FOUND");
        assertThat(getDeposit(Parties.AUDITOR, "HB-U2", "2025-04", SHA).code()).isEqualTo("NOT_FOUND");
    }

    @Test
    void each_unit_and_month_has_its_own_deposit() {
        ok(deposit(HB_U1, "HB-U1", "2025-04", SHA, SM3));
        ok(deposit(HB_U1, "HB-U1", "2025-03", OTHER, SM3));
        ok(deposit(HB_U2, "HB-U2", "2025-04", OTHER, SM3));
        assertThat(object(ok(getDeposit(Parties.AUDITOR, "HB-U1", "2025-03", OTHER)))
                        .get("matches")
                        .getAsBoolean())
                .isTrue();
        assertThat(object(ok(getDeposit(Parties.AUDITOR, "HB-U2", "2025-04", SHA)))
                        .get("matches")
                        .getAsBoolean())
                .isFalse();
    }
}
