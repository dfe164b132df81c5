package cn.ets.registry.chaincode.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ets.registry.chaincode.testing.Parties;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Surrender with CCER offsets: the 5 % cap, projects inside the ETS boundary, legacy CCER after
 * 2024-12-31 (judged on the transaction's Beijing date), serials retired from the lowest.
 * CCER-1: 1,000 t of an eligible wind project (PO-1); CCER-2: 500 t of a project inside the ETS
 * boundary (PO-2); CCER-3: 300 t legacy CCER (PO-1); CCER-4: 100 t of the wind project's next period.
 * HB-U1 owes 2,000 t for 2024 (cap 100 t) and holds 3,000 CEA-2024, 300 CCER-1, 50 CCER-2, 100 CCER-3,
 * 50 CCER-4; HB-U2 owes 1,000 t (cap 50 t) and holds
 * 200 CCER-1.
 */
class OffsetSurrenderLedgerTest extends LedgerScenario {
    static final String CEA = "CEA-2024";

    @BeforeEach
    void registry() {
        secondPartRegistry();
        ok(registerProject(Parties.MEE, "P-WIND", "PO-1", false));
        ok(registerProject(Parties.MEE, "P-STEEL-CCS", "PO-2", true));
        ok(registerProject(Parties.MEE, "P-OLD-HYDRO", "PO-1", false));
        ok(issueCcer(Parties.MEE, "P-WIND", "2023-01-01", "2023-12-31", 1_000, false));
        ok(issueCcer(Parties.MEE, "P-STEEL-CCS", "2023-01-01", "2023-12-31", 500, false));
        ok(issueCcer(Parties.MEE, "P-OLD-HYDRO", "2015-01-01", "2015-12-31", 300, true));
        ok(issueCcer(Parties.MEE, "P-WIND", "2024-01-01", "2024-06-30", 100, false));
        ok(settle("CCER-4", "PO-1", "HB-U1", 50));
        ok(settle("CCER-1", "PO-1", "HB-U1", 300));
        ok(settle("CCER-1", "PO-1", "HB-U2", 200));
        ok(settle("CCER-2", "PO-2", "HB-U1", 50));
        ok(settle("CCER-3", "PO-1", "HB-U1", 100));
        give(CEA, "HB-U1", 3_000);
        give(CEA, "HB-U2", 1_000);
        ok(recordEmissions(Parties.HB, "HB-U1", 2024, 2_000));
        ok(recordEmissions(Parties.HB, "HB-U2", 2024, 1_000));
    }

    @Test
    void exactly_five_percent_of_the_obligation_in_ccer_is_accepted() {
        JsonObject r = object(ok(surrender(HB_U1, "HB-U1", 2024, CEA, 1_900, "CCER-1", 100)));
        JsonObject c = r.getAsJsonObject("compliance");
        assertThat(c.get("status").getAsString()).isEqualTo("COMPLIANT");
        assertThat(c.get("surrendered").getAsLong()).isEqualTo(2_000);
        assertThat(c.get("offsetUsed").getAsLong()).isEqualTo(100);
        assertThat(compliance("HB-U1", 2024).get("offsetUsed").getAsLong()).isEqualTo(100);
        assertThat(quantity("HB-U1", "CCER-1")).isEqualTo(200);
        assertThat(supply("CCER-1").get("surrendered").getAsLong()).isEqualTo(100);
        assertThat(supply(CEA).get("surrendered").getAsLong()).isEqualTo(1_900);
        assertSupplyBalanced();
    }

    @Test
    void five_percent_plus_one_tonne_is_over_the_offset_limit_and_changes_nothing() {
        assertRejectedWithoutWrites(
                "OFFSET_LIMIT_EXCEEDED", () -> surrender(HB_U1, "HB-U1", 2024, CEA, 1_899, "CCER-1", 101));
        assertRejectedWithoutWrites(
                "OFFSET_LIMIT_EXCEEDED", () -> surrender(HB_U1, "HB-U1", 2024, "CCER-1", 60, "CCER-4", 41));
        assertThat(quantity("HB-U1", CEA)).isEqualTo(3_000);
        assertThat(quantity("HB-U1", "CCER-1")).isEqualTo(300);
        assertThat(compliance("HB-U1", 2024).get("offsetUsed").getAsLong()).isZero();
        assertThat(batch("CCER-1").getAsJsonArray("retired")).isEmpty();
    }

    @Test
    void a_correction_of_emissions_below_what_was_surrendered_or_offset_is_refused_and_changes_nothing() {
        ok(surrender(HB_U1, "HB-U1", 2024, CEA, 1_000, "CCER-1", 100));
        assertRejectedWithoutWrites("CONFLICT", () -> recordEmissions(Parties.HB, "HB-U1", 2024, 1_099));
        // 1,500 t covers the 1,100 t surrendered, but 5 % of it is 75 t, less than the 100 t already offset
        assertRejectedWithoutWrites("CONFLICT", () -> recordEmissions(Parties.HB, "HB-U1", 2024, 1_500));
        ok(recordEmissions(Parties.HB, "HB-U1", 2024, 2_500));
        assertThat(compliance("HB-U1", 2024).get("obligation").getAsLong()).isEqualTo(2_500);
    }

    @Test
    void the_cap_counts_every_surrender_of_the_year() {
        ok(surrender(HB_U1, "HB-U1", 2024, "CCER-1", 60));
        assertRejectedWithoutWrites("OFFSET_LIMIT_EXCEEDED", () -> surrender(HB_U1, "HB-U1", 2024, "CCER-1", 41));
        ok(surrender(HB_U1, "HB-U1", 2024, "CCER-1", 40));
        assertRejectedWithoutWrites("OFFSET_LIMIT_EXCEEDED", () -> surrender(HB_U1, "HB-U1", 2024, "CCER-1", 1));
        ok(surrender(HB_U1, "HB-U1", 2024, CEA, 1_900));
        JsonObject c = compliance("HB-U1", 2024);
        assertThat(c.get("offsetUsed").getAsLong()).isEqualTo(100);
        assertThat(c.get("status").getAsString()).isEqualTo("COMPLIANT");
    }

    @Test
    void ccer_of_a_project_inside_the_ets_boundary_is_ineligible() {
        assertRejectedWithoutWrites("INELIGIBLE_OFFSET", () -> surrender(HB_U1, "HB-U1", 2024, CEA, 100, "CCER-2", 10));
        assertThat(quantity("HB-U1", "CCER-2")).isEqualTo(50);
    }

    @Test
    void legacy_ccer_offsets_until_the_end_of_2024_in_beijing_and_not_a_second_later() {
        // 2024-12-31 23:59:58 in Beijing: still eligible
        ledger.setClock(Instant.parse("2024-12-31T15:59:57Z"));
        ok(surrender(HB_U1, "HB-U1", 2024, "CCER-3", 10));
        // 2025-01-01 00:00:01 in Beijing (still 31 December in UTC): ineligible
        ledger.setClock(Instant.parse("2024-12-31T16:00:00Z"));
        assertRejectedWithoutWrites("INELIGIBLE_OFFSET", () -> surrender(HB_U1, "HB-U1", 2024, "CCER-3", 10));
        ledger.setClock(Instant.parse("2025-06-01T00:00:00Z"));
        assertRejectedWithoutWrites("INELIGIBLE_OFFSET", () -> surrender(HB_U1, "HB-U1", 2024, CEA, 500, "CCER-3", 10));
        assertThat(quantity("HB-U1", "CCER-3")).isEqualTo(90);
        assertThat(compliance("HB-U1", 2024).get("offsetUsed").getAsLong()).isEqualTo(10);
        // a non-legacy CCER stays eligible
        ok(surrender(HB_U1, "HB-U1", 2024, "CCER-1", 10));
    }

    @Test
    void serials_are_retired_from_the_lowest_outstanding_whoever_surrenders_or_cancels() {
        JsonObject a = object(ok(surrender(HB_U2, "HB-U2", 2024, "CCER-1", 30)));
        assertThat(serials(a.getAsJsonArray("items").get(0).getAsJsonObject())).containsExactly(1L, 30L);
        JsonObject b = object(ok(surrender(HB_U1, "HB-U1", 2024, CEA, 100, "CCER-1", 50)));
        JsonObject ccerItem = null;
        for (JsonElement e : b.getAsJsonArray("items")) {
            if (e.getAsJsonObject().get("product").getAsString().equals("CCER-1")) {
                ccerItem = e.getAsJsonObject();
            }
        }
        assertThat(serials(ccerItem)).containsExactly(31L, 80L);
        JsonObject c = object(ok(cancel(PO_1, "PO-1", "CCER-1", 20)));
        JsonArray cs = c.getAsJsonArray("serials");
        assertThat(cs.get(0).getAsJsonObject().get("serialStart").getAsLong()).isEqualTo(81);
        assertThat(cs.get(0).getAsJsonObject().get("serialEnd").getAsLong()).isEqualTo(100);

        JsonObject batch = batch("CCER-1");
        JsonArray outstanding = batch.getAsJsonArray("outstanding");
        assertThat(outstanding).hasSize(1);
        assertThat(outstanding.get(0).getAsJsonObject().get("start").getAsLong())
                .isEqualTo(101);
        assertThat(outstanding.get(0).getAsJsonObject().get("end").getAsLong()).isEqualTo(1_000);
        JsonArray retired = batch.getAsJsonArray("retired");
        assertThat(retired).hasSize(3);
        assertThat(retired.get(0).getAsJsonObject().get("how").getAsString()).isEqualTo("SURRENDER");
        assertThat(retired.get(0).getAsJsonObject().get("account").getAsString())
                .isEqualTo("HB-U2");
        assertThat(retired.get(2).getAsJsonObject().get("how").getAsString()).isEqualTo("CANCELLATION");
        assertThat(retired.get(2).getAsJsonObject().get("account").getAsString())
                .isEqualTo("PO-1");
        assertThat(supply("CCER-1").get("cancelled").getAsLong()).isEqualTo(20);
        assertThat(supply("CCER-1").get("surrendered").getAsLong()).isEqualTo(80);
        assertSupplyBalanced();
    }

    private static List<Long> serials(JsonObject item) {
        List<Long> out = new ArrayList<>();
        for (JsonElement r : item.getAsJsonArray("serials")) {
            out.add(r.getAsJsonObject().get("serialStart").getAsLong());
            out.add(r.getAsJsonObject().get("serialEnd").getAsLong());
        }
        return out;
    }

    @Test
    void an_unknown_ccer_batch_or_one_not_held_is_refused_whole() {
        assertRejectedWithoutWrites("NOT_FOUND", () -> surrender(HB_U1, "HB-U1", 2024, CEA, 100, "CCER-99", 10));
        assertRejectedWithoutWrites(
                "INSUFFICIENT_HOLDINGS", () -> surrender(HB_U2, "HB-U2", 2024, CEA, 100, "CCER-4", 10));
        assertRejectedWithoutWrites("BAD_REQUEST", () -> surrender(HB_U1, "HB-U1", 2024, "CCER-x", 10));
        assertThat(quantity("HB-U1", CEA)).isEqualTo(3_000);
    }
}
