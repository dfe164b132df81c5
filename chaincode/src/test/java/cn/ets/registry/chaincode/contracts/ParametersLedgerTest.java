package cn.ets.registry.chaincode.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ets.registry.chaincode.testing.Parties;
import cn.ets.registry.chaincode.testing.TestIdentity;
import com.google.gson.JsonObject;
import java.math.BigDecimal;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ParametersLedgerTest extends LedgerScenario {

    @BeforeEach
    void registry() {
        secondPartRegistry();
    }

    private static BigDecimal dec(JsonObject o, String field) {
        return o.get(field).getAsBigDecimal();
    }

    @Test
    void anyone_reads_the_default_parameters_of_2023_and_2024() {
        for (TestIdentity who : new TestIdentity[] {Parties.AUDITOR, Parties.EXCHANGE, HB_U1, INST_1, Parties.HB}) {
            JsonObject p24 = object(ok(getParameters(who, "2024")));
            assertThat(p24.get("vintage").getAsString()).isEqualTo("2024");
            assertThat(p24.get("version").getAsInt()).isEqualTo(1);
            JsonObject coal = p24.getAsJsonObject("benchmarks").getAsJsonObject("COAL_ABOVE_300MW");
            assertThat(dec(coal, "electricity")).isEqualByComparingTo("0.7910");
            assertThat(dec(coal, "heat")).isEqualByComparingTo("0.1033");
            assertThat(dec(p24.getAsJsonObject("benchmarks").getAsJsonObject("GAS"), "electricity"))
                    .isEqualByComparingTo("0.3288");
            assertThat(dec(p24, "preAllocationRate")).isEqualByComparingTo("0.70");
            assertThat(dec(p24, "coalFloor")).isEqualByComparingTo("0.80");
            assertThat(dec(p24, "offsetCap")).isEqualByComparingTo("0.05");
            assertThat(p24.get("surrenderDeadline").getAsString()).isEqualTo("2025-12-31");

            JsonObject p23 = object(ok(getParameters(who, "2023")));
            assertThat(p23.get("version").getAsInt()).isEqualTo(1);
            assertThat(dec(p23.getAsJsonObject("benchmarks").getAsJsonObject("COAL_ABOVE_300MW"), "electricity"))
                    .isEqualByComparingTo("0.7950");
            assertThat(dec(p23.getAsJsonObject("benchmarks").getAsJsonObject("COAL_300MW_AND_BELOW"), "electricity"))
                    .isEqualByComparingTo("0.8090");
            assertThat(dec(p23.getAsJsonObject("benchmarks").getAsJsonObject("GAS"), "heat"))
                    .isEqualByComparingTo("0.0536");
            assertThat(p23.get("surrenderDeadline").getAsString()).isEqualTo("2024-12-31");
        }
    }

    @Test
    void mee_changes_a_parameter_and_the_version_goes_up_by_one_each_time() {
        JsonObject r = object(ok(setParameters(Parties.MEE, "2024", json("requestId", "p-1", "offsetCap", "0.04"))));
        assertThat(r.get("version").getAsInt()).isEqualTo(2);
        assertThat(r.get("replayed").getAsBoolean()).isFalse();
        JsonObject now = parameters("2024");
        assertThat(now.get("version").getAsInt()).isEqualTo(2);
        assertThat(dec(now, "offsetCap")).isEqualByComparingTo("0.04");
        assertThat(dec(now, "preAllocationRate"))
                .as("fields not named keep their value")
                .isEqualByComparingTo("0.70");
        assertThat(ledger.events().get(ledger.events().size() - 1).getEventName())
                .isEqualTo("ParametersChanged");

        ok(setParameters(Parties.MEE, "2024", json("requestId", "p-2", "preAllocationRate", "0.60")));
        now = parameters("2024");
        assertThat(now.get("version").getAsInt()).isEqualTo(3);
        assertThat(dec(now, "offsetCap")).isEqualByComparingTo("0.04");
        assertThat(dec(now, "preAllocationRate")).isEqualByComparingTo("0.60");
        assertThat(parameters("2023").get("version").getAsInt())
                .as("other vintages untouched")
                .isEqualTo(1);
    }

    @Test
    void repeating_a_change_with_the_same_request_id_replays_it_without_a_new_version() {
        ok(setParameters(Parties.MEE, "2024", json("requestId", "p-1", "offsetCap", "0.04")));
        var before = ledger.snapshot();
        JsonObject again =
                object(ok(setParameters(Parties.MEE, "2024", json("requestId", "p-1", "offsetCap", "0.04"))));
        assertThat(again.get("replayed").getAsBoolean()).isTrue();
        assertThat(again.get("version").getAsInt()).isEqualTo(2);
        assertThat(ledger.snapshot()).isEqualTo(before);
        assertRejectedWithoutWrites(
                "DUPLICATE_ID",
                () -> setParameters(Parties.MEE, "2024", json("requestId", "p-1", "offsetCap", "0.03")));
    }

    @Test
    void only_mee_sets_parameters() {
        for (TestIdentity who :
                new TestIdentity[] {Parties.REGISTRY, Parties.EXCHANGE, Parties.HB, Parties.AUDITOR, HB_U1, INST_1}) {
            assertRejectedWithoutWrites(
                    "FORBIDDEN", () -> setParameters(who, "2024", json("requestId", "p-x", "offsetCap", "0.10")));
        }
        assertThat(parameters("2024").get("version").getAsInt()).isEqualTo(1);
    }

    @Test
    void an_unknown_field_is_refused_and_nothing_is_written() {
        assertRejectedWithoutWrites(
                "BAD_REQUEST",
                () -> setParameters(Parties.MEE, "2024", json("requestId", "p-1", "offsetCapp", "0.04")));
        assertRejectedWithoutWrites(
                "BAD_REQUEST",
                () -> setParameters(
                        Parties.MEE, "2024", json("requestId", "p-2", "offsetCap", "0.04", "auctionShare", "0.1")));
        assertThat(parameters("2024").get("version").getAsInt()).isEqualTo(1);
        assertThat(dec(parameters("2024"), "offsetCap")).isEqualByComparingTo("0.05");
    }

    @Test
    void a_value_that_does_not_parse_is_refused_and_nothing_is_written() {
        assertRejectedWithoutWrites(
                "BAD_REQUEST",
                () -> setParameters(Parties.MEE, "2024", json("requestId", "p-1", "preAllocationRate", "seventy")));
        assertRejectedWithoutWrites(
                "BAD_REQUEST",
                () -> setParameters(Parties.MEE, "2024", json("requestId", "p-2", "surrenderDeadline", "2025-02-30")));
        assertRejectedWithoutWrites(
                "BAD_REQUEST", () -> setParameters(Parties.MEE, "2024", "{\"offsetCap\":\"0.04\"}"));
        assertRejectedWithoutWrites("BAD_REQUEST", () -> setParameters(Parties.MEE, "2024", "{not json"));
        assertRejectedWithoutWrites(
                "BAD_REQUEST", () -> setParameters(Parties.MEE, "1999", json("requestId", "p-v", "offsetCap", "0.04")));
        assertThat(parameters("2024").get("version").getAsInt()).isEqualTo(1);
    }

    @Test
    void an_out_of_range_value_is_refused_as_a_bad_request_and_nothing_is_written() {
        String[][] bad = {
            {"offsetCap", "1.5"},
            {"offsetCap", "-0.01"},
            {"coalFloor", "2"},
            {"penaltyMaxMultiple", "4"}, // below penaltyMinMultiple 5
            {"surrenderDeadline", "2025-01-31"}, // before the emissions deadline
        };
        for (String[] b : bad) {
            assertRejectedWithoutWrites(
                    "BAD_REQUEST",
                    () -> setParameters(Parties.MEE, "2024", json("requestId", "p-" + b[0], b[0], b[1])));
        }
        assertRejectedWithoutWrites(
                "BAD_REQUEST", () -> setParameters(Parties.MEE, "2024", json("requestId", "p-c", "carryOverBase", -1)));
        assertRejectedWithoutWrites(
                "BAD_REQUEST",
                () -> setParameters(
                        Parties.MEE,
                        "2024",
                        "{\"requestId\":\"p-b\",\"benchmarks\":{\"GAS\":{\"electricity\":\"0.3\",\"heat\":\"0.05\"}}}"));
        assertThat(parameters("2024").get("version").getAsInt()).isEqualTo(1);
    }

    @Test
    void a_boolean_parameter_only_takes_true_or_false() {
        assertRejectedWithoutWrites(
                "BAD_REQUEST", () -> setParameters(Parties.MEE, "2024", json("requestId", "p-1", "gasTopUp", "maybe")));
        assertRejectedWithoutWrites(
                "BAD_REQUEST",
                () -> setParameters(Parties.MEE, "2024", json("requestId", "p-2", "borrowingEnabled", 1)));
        assertThat(parameters("2024").get("gasTopUp").getAsBoolean()).isTrue();
    }

    @Test
    void the_version_and_vintage_are_not_the_callers_to_set() {
        JsonObject r = object(ok(setParameters(
                Parties.MEE, "2024", json("requestId", "p-1", "version", 99, "vintage", "2023", "offsetCap", "0.04"))));
        assertThat(r.get("version").getAsInt()).isEqualTo(2);
        assertThat(parameters("2024").get("version").getAsInt()).isEqualTo(2);
        assertThat(parameters("2023").get("version").getAsInt()).isEqualTo(1);
    }

    @Test
    void a_new_pre_allocation_rate_is_what_the_next_pre_allocation_uses() {
        give("CEA-2024", "PROVINCE-HB", 20_000);
        ok(on("2024-05-01", () -> recordEmissions(Parties.HB, "HB-U1", 2023, 10_000)));
        ok(setParameters(Parties.MEE, "2024", json("requestId", "p-1", "preAllocationRate", "0.60")));
        JsonObject r = object(ok(preAllocate(Parties.HB, "HB-U1", 2024)));
        assertThat(r.get("quantity").getAsLong()).isEqualTo(6_000);
        assertThat(quantity("HB-U1", "CEA-2024")).isEqualTo(6_000);
    }
}
