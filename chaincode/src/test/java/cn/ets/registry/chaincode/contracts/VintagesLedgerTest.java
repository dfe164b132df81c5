package cn.ets.registry.chaincode.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ets.registry.chaincode.testing.InMemoryLedger.Outcome;
import cn.ets.registry.chaincode.testing.Parties;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Vintages are data, not code (issue 11, item 1): a vintage exists once MEE publishes its complete
 * parameter set, or a copy of a published one with what differs, as a versioned public event; until
 * then every operation of the vintage — issuing included — is refused. The 2025–26 intensity method
 * for steel, cement and aluminium (003 §2.2.3) is a parameterised allocation method.
 */
class VintagesLedgerTest extends LedgerScenario {

    @BeforeEach
    void registry() {
        secondPartRegistry();
        ok(openAccount(
                Parties.HB,
                json("id", "HB-C1", "type", "UNIT", "name", "Huangshi Cement", "province", "HB", "sector", "CEMENT")));
    }

    @Test
    void an_unpublished_vintage_takes_no_operation_issuing_included() {
        assertThat(getParameters(Parties.AUDITOR, "2026").code()).isEqualTo("NOT_FOUND");
        assertRejectedWithoutWrites("PARAMETERS_NOT_PUBLISHED", () -> issue("CEA-2026", 1_000));
        assertRejectedWithoutWrites(
                "PARAMETERS_NOT_PUBLISHED", () -> recordEmissions(Parties.HB, "HB-U1", 2026, 50_000));
        assertRejectedWithoutWrites("PARAMETERS_NOT_PUBLISHED", () -> enlist(Parties.HB, "HB-U1", 2026, 50_000));
        assertRejectedWithoutWrites("PARAMETERS_NOT_PUBLISHED", () -> preAllocate(Parties.HB, "HB-U1", 2026));
        assertRejectedWithoutWrites("PARAMETERS_NOT_PUBLISHED", () -> close(Parties.MEE, 2026));
        assertRejectedWithoutWrites("PARAMETERS_NOT_PUBLISHED", () -> issue("CEA-2021", 1_000));
        Outcome o = assertRejectedWithoutWrites(
                "PARAMETERS_NOT_PUBLISHED", () -> recordEmissions(Parties.HB, "HB-U1", 2020, 50_000));
        assertThat(o.details()).contains("2019-2020");
    }

    @Test
    void a_first_publication_gives_every_parameter_or_copies_a_published_vintage() {
        Outcome partial = assertRejectedWithoutWrites("BAD_REQUEST", () -> publish("2026", "offsetCap", "0.05"));
        assertThat(partial.message()).contains("missing", "preAllocationRate", "surrenderDeadline");
        assertRejectedWithoutWrites("PARAMETERS_NOT_PUBLISHED", () -> publish("2026", "copyFrom", "2022"));
        assertRejectedWithoutWrites("BAD_REQUEST", () -> publish("2026", "copyFrom", "2026"));
        assertRejectedWithoutWrites("BAD_REQUEST", () -> publish("2026", "copyFrom", 2024));
        assertRejectedWithoutWrites("BAD_REQUEST", () -> publish("2026", "copyFrom", "1999"));

        JsonObject copied = object(ok(publish(
                "2026", "copyFrom", "2025", "emissionsDeadline", "2027-08-31", "surrenderDeadline", "2027-12-31")));
        assertThat(copied.get("version").getAsInt()).isEqualTo(1);
        assertThat(copied.getAsJsonObject("parameters").get("vintage").getAsString())
                .isEqualTo("2026");
        assertThat(ledger.events().get(ledger.events().size() - 1).getEventName())
                .isEqualTo("ParametersPublished");
        JsonObject p26 = parameters("2026");
        assertThat(p26.get("surrenderDeadline").getAsString()).isEqualTo("2027-12-31");
        assertThat(p26.get("offsetCap").getAsString()).as("copied").isEqualTo("0.05");
        ok(issue("CEA-2026", 1_000));

        // A complete set, every field given: what the 2024 set says, with other benchmarks.
        JsonObject full = parameters("2024");
        full.remove("vintage");
        full.remove("version");
        full.addProperty("requestId", "full-2027");
        full.addProperty("emissionsDeadline", "2028-08-31");
        full.addProperty("surrenderDeadline", "2028-12-31");
        full.getAsJsonObject("benchmarks").getAsJsonObject("GAS").addProperty("electricity", "0.3200");
        JsonObject published = object(ok(setParameters(Parties.MEE, "2027", full.toString())));
        assertThat(published.get("version").getAsInt()).isEqualTo(1);
        assertThat(parameters("2027")
                        .getAsJsonObject("benchmarks")
                        .getAsJsonObject("GAS")
                        .get("electricity")
                        .getAsString())
                .isEqualTo("0.3200");
        JsonObject again = object(ok(publish("2027", "offsetCap", "0.04")));
        assertThat(again.get("version").getAsInt()).isEqualTo(2);

        JsonArray listed = object(ok(
                        ledger.evaluate(Parties.AUDITOR, "parameters:list", ctx -> new ParametersContract().list(ctx))))
                .getAsJsonArray("vintages");
        assertThat(listed.toString())
                .contains(
                        "{\"version\":1,\"vintage\":\"2023\"}",
                        "{\"version\":1,\"vintage\":\"2025\"}",
                        "{\"version\":1,\"vintage\":\"2026\"}",
                        "{\"version\":2,\"vintage\":\"2027\"}");
    }

    @Test
    void a_first_complete_set_keeps_the_types_of_every_parameter() {
        JsonObject full = parameters("2024");
        full.remove("vintage");
        full.remove("version");
        full.addProperty("requestId", "typed");
        full.addProperty("gasTopUp", "yes");
        assertRejectedWithoutWrites("BAD_REQUEST", () -> setParameters(Parties.MEE, "2027", full.toString()));
        full.addProperty("gasTopUp", true);
        full.addProperty("keyEmitterThreshold", "26000");
        assertRejectedWithoutWrites("BAD_REQUEST", () -> setParameters(Parties.MEE, "2027", full.toString()));
    }

    /** 003 §2.2.3: cement in 2026 by intensity — output × the published tCO2 per tonne of clinker. */
    @Test
    void an_intensity_vintage_allocates_by_output_and_true_ups_against_the_pre_allocation() {
        ok(publish(
                "2026",
                "copyFrom",
                "2025",
                "emissionsDeadline",
                "2027-08-31",
                "surrenderDeadline",
                "2027-12-31",
                "sectorMethods",
                Map.of("POWER", "BENCHMARK", "STEEL", "INTENSITY", "CEMENT", "INTENSITY", "ALUMINIUM", "INTENSITY"),
                "intensityBenchmarks",
                Map.of(
                        "CEMENT",
                        Map.of("CLINKER", "0.8600"),
                        "STEEL",
                        Map.of("CRUDE_STEEL", "1.8500"),
                        "ALUMINIUM",
                        Map.of("ALUMINIUM", "10.5000"))));
        give("CEA-2026", "PROVINCE-HB", 2_000_000);
        today("2026-03-01");
        ok(recordEmissions(Parties.HB, "HB-C1", 2025, 1_000_000));
        JsonObject pre = object(ok(preAllocate(Parties.HB, "HB-C1", 2026)));
        assertThat(pre.get("quantity").getAsLong()).isEqualTo(700_000);
        ok(recordEmissions(Parties.HB, "HB-C1", 2026, 950_000));
        assertRejectedWithoutWrites(
                "BAD_REQUEST",
                () -> finaliseCommand(
                        Parties.HB, json("requestId", "f-none", "unitId", "HB-C1", "year", 2026, "sector", "CEMENT")));
        assertRejectedWithoutWrites(
                "BAD_REQUEST", () -> finaliseCommand(Parties.HB, outputs("f-bad", "CEMENT_TONNES", "1000000")));
        JsonObject fin = object(ok(finaliseCommand(Parties.HB, outputs("f-1", "CLINKER", "1000000.4"))));
        assertThat(fin.get("rule").getAsString()).isEqualTo("INTENSITY");
        assertThat(fin.get("final").getAsLong()).isEqualTo(860_000); // 860,000.344 t
        assertThat(fin.get("trueUp").getAsLong()).isEqualTo(160_000);
        assertThat(quantity("HB-C1", "CEA-2026")).isEqualTo(860_000);
        JsonObject preview = object(ok(ledger.evaluate(
                Parties.AUDITOR,
                "allocation:preview",
                ctx -> new AllocationContract()
                        .preview(
                                ctx,
                                json(
                                        "sector",
                                        "CEMENT",
                                        "year",
                                        2026,
                                        "verifiedEmissions",
                                        0,
                                        "outputs",
                                        List.of(Map.of("product", "CLINKER", "quantity", "500")))))));
        assertThat(preview.get("final").getAsLong()).isEqualTo(430);
        assertSupplyBalanced();
    }

    private String outputs(String requestId, String product, String quantity) {
        return json(
                "requestId",
                requestId,
                "unitId",
                "HB-C1",
                "year",
                2026,
                "sector",
                "CEMENT",
                "outputs",
                List.of(Map.of("product", product, "quantity", quantity)));
    }

    @Test
    void every_version_is_kept_and_read_back_as_published() {
        ok(publish("2025", "offsetCap", "0.04"));
        JsonElement now = object(ok(getParameters(Parties.AUDITOR, "2025"))).get("offsetCap");
        assertThat(now.getAsString()).isEqualTo("0.04");
        assertThat(object(ok(getParameters(Parties.AUDITOR, "2025")))
                        .get("version")
                        .getAsInt())
                .isEqualTo(2);
    }
}
