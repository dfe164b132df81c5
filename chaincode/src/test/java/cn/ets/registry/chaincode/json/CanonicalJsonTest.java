package cn.ets.registry.chaincode.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import cn.ets.registry.domain.DomainException;
import cn.ets.registry.domain.ErrorCode;
import cn.ets.registry.domain.account.Account;
import cn.ets.registry.domain.account.AccountStatus;
import cn.ets.registry.domain.account.AccountType;
import cn.ets.registry.domain.account.Holding;
import cn.ets.registry.domain.compliance.EmissionsBasis;
import cn.ets.registry.domain.compliance.UnitYear;
import cn.ets.registry.domain.supply.SupplyCounters;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** Golden strings: every endorsing peer must write these exact bytes. */
class CanonicalJsonTest {

    private static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    @Test
    void keys_are_sorted_at_every_depth_including_inside_arrays() {
        Map<String, Object> value = map(
                "zeta", 1,
                "alpha", map("y", 2, "b", map("d", 4, "c", 3)),
                "list", List.of(map("z", 1, "a", 2), map("m", List.of(map("q", 1, "p", 2)))));
        assertThat(CanonicalJson.write((Object) value))
                .isEqualTo(
                        "{\"alpha\":{\"b\":{\"c\":3,\"d\":4},\"y\":2},\"list\":[{\"a\":2,\"z\":1},{\"m\":[{\"p\":2,\"q\":1}]}],\"zeta\":1}");
    }

    @Test
    void insertion_order_does_not_change_the_bytes() {
        Map<String, Object> a = map("b", 1, "a", map("y", "x", "x", "y"), "c", List.of(3, 2, 1));
        Map<String, Object> b = new HashMap<>();
        b.put("c", List.of(3, 2, 1));
        b.put("a", map("x", "y", "y", "x"));
        b.put("b", 1);
        assertThat(CanonicalJson.write((Object) a))
                .isEqualTo(CanonicalJson.write((Object) b))
                .isEqualTo("{\"a\":{\"x\":\"y\",\"y\":\"x\"},\"b\":1,\"c\":[3,2,1]}");
    }

    @Test
    void html_characters_are_not_escaped() {
        assertThat(CanonicalJson.write((Object) map("purpose", "<a href='x'>&=</a>")))
                .isEqualTo("{\"purpose\":\"<a href='x'>&=</a>\"}");
    }

    @Test
    void non_ascii_text_is_written_as_is_and_control_characters_are_escaped() {
        assertThat(CanonicalJson.write((Object) map("name", "生态环境部", "note", "a\"b\\c\nd\te")))
                .isEqualTo("{\"name\":\"生态环境部\",\"note\":\"a\\\"b\\\\c\\nd\\te\"}");
    }

    @Test
    void decimals_are_strings_with_their_scale_never_floating_point() {
        assertThat(CanonicalJson.write((Object) map(
                        "price",
                        new BigDecimal("88.50"),
                        "amount",
                        new BigDecimal("1E+3"),
                        "tiny",
                        new BigDecimal("0.0000001"))))
                .isEqualTo("{\"amount\":\"1000\",\"price\":\"88.50\",\"tiny\":\"0.0000001\"}");
    }

    @Test
    void nulls_are_omitted_at_every_depth() {
        Map<String, Object> inner = map("keep", 1, "drop", null);
        assertThat(CanonicalJson.write((Object) map("a", null, "b", inner, "c", List.of(map("x", null, "y", "z")))))
                .isEqualTo("{\"b\":{\"keep\":1},\"c\":[{\"y\":\"z\"}]}");
    }

    @Test
    void java_time_values_are_iso_strings() {
        assertThat(CanonicalJson.write((Object) map(
                        "day",
                        LocalDate.of(2025, 12, 31),
                        "month",
                        YearMonth.of(2025, 1),
                        "at",
                        Instant.parse("2025-12-15T02:30:00Z"))))
                .isEqualTo("{\"at\":\"2025-12-15T02:30:00Z\",\"day\":\"2025-12-31\",\"month\":\"2025-01\"}");
    }

    @Test
    void longs_keep_every_digit() {
        assertThat(CanonicalJson.write((Object) map("q", Long.MAX_VALUE, "n", -1L)))
                .isEqualTo("{\"n\":-1,\"q\":9223372036854775807}");
    }

    @Test
    void state_records_have_golden_forms() {
        assertThat(CanonicalJson.write(new Holding(100, 30))).isEqualTo("{\"locked\":30,\"quantity\":100}");
        assertThat(CanonicalJson.write(new SupplyCounters(10, 5, 1, 3, 1)))
                .isEqualTo("{\"cancelled\":1,\"held\":5,\"issued\":10,\"locked\":1,\"surrendered\":3}");
        assertThat(CanonicalJson.write(new Account(
                        "HB-U1", AccountType.UNIT, "Wuhan <Power> & Heat", "HB", "POWER", AccountStatus.ACTIVE, null)))
                .isEqualTo(
                        "{\"id\":\"HB-U1\",\"name\":\"Wuhan <Power> & Heat\",\"province\":\"HB\",\"restrictedFunctions\":[],\"sector\":\"POWER\",\"status\":\"ACTIVE\",\"tradingQualificationCancelled\":false,\"type\":\"UNIT\"}");
        assertThat(CanonicalJson.write(UnitYear.open("HB-U1", "HB", 2024, 500)))
                .isEqualTo(
                        "{\"basis\":\"VERIFIED\",\"closed\":false,\"deduction\":0,\"obligation\":500,\"offsetUsed\":0,\"province\":\"HB\",\"surrendered\":0,\"unitId\":\"HB-U1\",\"year\":2024}");
        assertThat(CanonicalJson.write(new UnitYear(
                        "HB-U1",
                        "HB",
                        2024,
                        500,
                        0,
                        0,
                        true,
                        new BigDecimal("88.50"),
                        new BigDecimal("4425.00"),
                        new BigDecimal("8850.00"),
                        50,
                        10000L,
                        EmissionsBasis.ESTIMATED,
                        null)))
                .isEqualTo(
                        "{\"averagePrice\":\"88.50\",\"basis\":\"ESTIMATED\",\"carryOverLimit\":10000,\"closed\":true,\"deduction\":50,\"obligation\":500,"
                                + "\"offsetUsed\":0,\"penaltyMax\":\"8850.00\",\"penaltyMin\":\"4425.00\",\"province\":\"HB\",\"surrendered\":0,"
                                + "\"unitId\":\"HB-U1\",\"year\":2024}");
    }

    @Test
    void records_read_back_equal() {
        UnitYear uy = new UnitYear(
                "HB-U1",
                "HB",
                2024,
                500,
                0,
                0,
                true,
                new BigDecimal("88.50"),
                new BigDecimal("4425.00"),
                new BigDecimal("8850.00"),
                50,
                null,
                EmissionsBasis.VERIFIED,
                "HB-U2");
        assertThat(CanonicalJson.read(CanonicalJson.write(uy), UnitYear.class)).isEqualTo(uy);
        Account a =
                new Account("I1", AccountType.INSTITUTION, "Fund", null, null, AccountStatus.SUSPENDED, "court order");
        assertThat(CanonicalJson.read(CanonicalJson.write(a), Account.class)).isEqualTo(a);
        assertThat(CanonicalJson.read(CanonicalJson.write(new Holding(7, 2)), Holding.class))
                .isEqualTo(new Holding(7, 2));
    }

    @Test
    void a_json_tree_is_canonicalised_too() {
        JsonObject o = JsonParser.parseString("{\"b\":{\"z\":null,\"y\":[{\"d\":1,\"c\":2}]},\"a\":\"<&>\"}")
                .getAsJsonObject();
        assertThat(CanonicalJson.write(o)).isEqualTo("{\"a\":\"<&>\",\"b\":{\"y\":[{\"c\":2,\"d\":1}]}}");
        assertThat(CanonicalJson.tree(map("b", 1, "a", 2)).toString()).isEqualTo("{\"a\":2,\"b\":1}");
    }

    @Test
    void shuffled_maps_always_write_the_same_bytes() {
        long seed = System.nanoTime();
        Random r = new Random(seed);
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            keys.add("k" + r.nextInt(1000) + (char) ('a' + r.nextInt(26)));
        }
        String first = null;
        for (int round = 0; round < 20; round++) {
            Collections.shuffle(keys, r);
            Map<String, Object> m = new LinkedHashMap<>();
            for (String k : keys) {
                m.put(k, map("inner-" + k, k.length(), "a", k));
            }
            String s = CanonicalJson.write((Object) m);
            if (first == null) {
                first = s;
            }
            assertThat(s).as("seed %d", seed).isEqualTo(first);
        }
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" ", "[]", "[1]", "1", "\"x\"", "null", "{", "{\"a\":}", "{\"a\":1", "{\"a\":1} {\"b\":2}"})
    void commands_that_are_not_one_json_object_are_bad_requests(String json) {
        assertThatExceptionOfType(DomainException.class)
                .isThrownBy(() -> CanonicalJson.parseObject(json))
                .satisfies(e -> assertThat(e.code()).isEqualTo(ErrorCode.BAD_REQUEST));
    }
}
