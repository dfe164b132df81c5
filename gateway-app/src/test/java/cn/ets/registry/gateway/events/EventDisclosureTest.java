package cn.ets.registry.gateway.events;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ets.registry.api.Catalogue;
import cn.ets.registry.api.Command;
import cn.ets.registry.domain.identity.Actor;
import cn.ets.registry.domain.identity.Role;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EventDisclosureTest {
    private static final String TRADE =
            "{\"tradeId\":\"T-1\",\"status\":\"SETTLED\",\"product\":\"CEA-2024\",\"seller\":\"HB-U1\",\"buyer\":\"IND-1\",\"sellerProvince\":\"HB\","
                    + "\"quantity\":100,\"price\":\"98.50\",\"amount\":\"9850.00\",\"mode\":\"LISTED\",\"tradedAt\":\"2026-12-01T10:00:00Z\","
                    + "\"settledAt\":\"2026-12-01T10:00:01Z\",\"txId\":\"tx1\",\"time\":\"2026-12-01T10:00:01Z\",\"actor\":\"exchange\","
                    + "\"org\":\"ExchangeMSP\",\"role\":\"EXCHANGE\"}";
    private static final String PLEDGE =
            "{\"requestId\":\"r1\",\"lockId\":\"LOCK-1\",\"kind\":\"PLEDGE\",\"account\":\"HB-U1\",\"product\":\"CEA-2024\",\"quantity\":50,"
                    + "\"pledgee\":\"INST-1\",\"reason\":\"loan 42 of Bank X\",\"status\":\"ACTIVE\",\"txId\":\"tx2\",\"time\":\"t\","
                    + "\"actor\":\"account-HB-U1\",\"org\":\"HBMSP\",\"role\":\"UNIT\"}";
    private static final String INDIVIDUAL_OPENED =
            "{\"id\":\"IND-1\",\"type\":\"INDIVIDUAL\",\"name\":\"Li Lei\",\"status\":\"ACTIVE\",\"holdings\":[]}";
    private static final String UNIT_OPENED =
            "{\"id\":\"HB-U1\",\"type\":\"UNIT\",\"name\":\"Wuhan Power\",\"province\":\"HB\",\"sector\":\"POWER\",\"status\":\"ACTIVE\",\"holdings\":[]}";
    private static final String INDIVIDUAL_CANCELLED =
            "{\"requestId\":\"c1\",\"account\":\"IND-1\",\"product\":\"CEA-2024\",\"quantity\":15,\"purpose\":\"wedding\","
                    + "\"beneficiary\":\"our guests\",\"holder\":\"INDIVIDUAL\",\"txId\":\"tx3\",\"time\":\"t\",\"actor\":\"account-IND-1\","
                    + "\"org\":\"RegistryMSP\",\"role\":\"INDIVIDUAL\"}";

    private static Actor actor(String role, String province, String account) {
        return role.equals("-") ? null : new Actor("SomeMSP", "caller", Role.valueOf(role), province, account);
    }

    /** What the viewer sees of the event's data, sent in the chaincode's envelope by a registry operator. */
    private static String seen(String event, String payload, Actor viewer) {
        return seen(event, payload, viewer, "REGISTRY", "registry");
    }

    private static String seen(String event, String payload, Actor viewer, String role, String actor) {
        return envelopeSeen(event, payload, viewer, role, actor)
                .map(e ->
                        JsonParser.parseString(e).getAsJsonObject().get("data").toString())
                .orElse("<nothing>");
    }

    private static Optional<String> envelopeSeen(
            String event, String payload, Actor viewer, String role, String actor) {
        String envelope = "{\"type\":\"" + event + "\",\"txId\":\"tx\",\"time\":\"t\",\"actor\":\"" + actor
                + "\",\"org\":\"SomeMSP\",\"role\":\"" + role + "\",\"data\":" + payload + "}";
        return EventDisclosure.view(event, envelope, viewer);
    }

    @ParameterizedTest(name = "{0} (province {1}, account {2}) sees the counterparties of a trade: {3}")
    @CsvSource({
        "-, , , false",
        "EXCHANGE, , , true",
        "REGISTRY, , , true",
        "UNIT, HB, HB-U1, true",
        "INDIVIDUAL, , IND-1, true",
        "UNIT, GD, GD-U1, false",
        "MEE, , , true",
        "AUDITOR, , , false",
        "PROVINCE, HB, , true",
        "PROVINCE, GD, , false"
    })
    void a_trades_counterparties_and_price_go_to_whom_the_trade_endpoint_answers(
            String role, String province, String account, boolean full) {
        String v = seen("TradeSettled", TRADE, actor(role, province, account));
        if (full) {
            assertThat(v).isEqualTo(TRADE);
        } else {
            assertThat(v)
                    .isEqualTo(
                            "{\"product\":\"CEA-2024\",\"quantity\":100,\"mode\":\"LISTED\",\"tradedAt\":\"2026-12-01T10:00:00Z\","
                                    + "\"settledAt\":\"2026-12-01T10:00:01Z\",\"txId\":\"tx1\",\"time\":\"2026-12-01T10:00:01Z\"}");
        }
    }

    @Test
    void in_a_batch_each_trade_is_shown_as_its_reader_may_see_it() {
        String other = TRADE.replace("\"HB-U1\"", "\"GD-U1\"").replace("\"IND-1\"", "\"GD-U2\"");
        String batch = "{\"trades\":[" + TRADE + "," + other + "]}";
        String v = seen("TradesSettled", batch, actor("UNIT", "HB", "HB-U1"));
        assertThat(v).contains("\"seller\":\"HB-U1\"").doesNotContain("GD-U1").doesNotContain("GD-U2");
        assertThat(seen("TradesSettled", batch, null)).doesNotContain("seller").doesNotContain("price");
    }

    @ParameterizedTest(name = "{0} (account {1}) sees who pledged to whom: {2}")
    @CsvSource({
        "-, , false",
        "REGISTRY, , true",
        "MEE, , true",
        "UNIT, HB-U1, true",
        "INSTITUTION, INST-1, true",
        "INSTITUTION, INST-2, false",
        "EXCHANGE, , false",
        "AUDITOR, , false"
    })
    void a_pledge_is_detailed_for_the_registry_mee_the_holder_and_the_pledgee(
            String role, String account, boolean full) {
        String v = seen("UnitsPledged", PLEDGE, actor(role, "HB", account));
        if (full) {
            assertThat(v).isEqualTo(PLEDGE);
        } else {
            assertThat(v)
                    .isEqualTo(
                            "{\"kind\":\"PLEDGE\",\"product\":\"CEA-2024\",\"quantity\":50,\"status\":\"ACTIVE\",\"txId\":\"tx2\",\"time\":\"t\"}");
        }
    }

    @Test
    void an_individuals_account_is_never_public_not_even_its_number() {
        assertThat(seen("AccountOpened", INDIVIDUAL_OPENED, null)).isEqualTo("{\"type\":\"INDIVIDUAL\"}");
        assertThat(seen("AccountOpened", INDIVIDUAL_OPENED, actor("AUDITOR", null, null)))
                .isEqualTo("{\"type\":\"INDIVIDUAL\"}");
        assertThat(seen("AccountOpened", INDIVIDUAL_OPENED, actor("INDIVIDUAL", null, "IND-1")))
                .isEqualTo(INDIVIDUAL_OPENED);
        assertThat(seen("AccountOpened", INDIVIDUAL_OPENED, actor("REGISTRY", null, null)))
                .isEqualTo(INDIVIDUAL_OPENED);
    }

    @Test
    void a_units_account_is_public_by_its_particulars_and_its_province_sees_it_whole() {
        assertThat(seen("AccountOpened", UNIT_OPENED, null))
                .isEqualTo(
                        "{\"id\":\"HB-U1\",\"type\":\"UNIT\",\"name\":\"Wuhan Power\",\"province\":\"HB\",\"sector\":\"POWER\",\"status\":\"ACTIVE\"}");
        assertThat(seen("AccountOpened", UNIT_OPENED, actor("PROVINCE", "HB", null)))
                .isEqualTo(UNIT_OPENED);
        assertThat(seen("AccountOpened", UNIT_OPENED, actor("PROVINCE", "GD", null)))
                .doesNotContain("holdings");
    }

    @Test
    void an_individuals_cancellation_is_public_without_its_account_and_actor() {
        String v = seen("UnitsCancelled", INDIVIDUAL_CANCELLED, null);
        assertThat(v).doesNotContain("IND-1").contains("\"quantity\":15").contains("\"purpose\":\"wedding\"");
        assertThat(seen("UnitsCancelled", INDIVIDUAL_CANCELLED, actor("INDIVIDUAL", null, "IND-1")))
                .isEqualTo(INDIVIDUAL_CANCELLED);
        String unit = INDIVIDUAL_CANCELLED.replace("IND-1", "HB-U1").replace("\"INDIVIDUAL\"", "\"UNIT\"");
        assertThat(seen("UnitsCancelled", unit, null)).isEqualTo(unit);
    }

    @Test
    void a_holders_name_as_actor_goes_with_the_details_it_would_reveal() {
        String byPledgor = envelopeSeen("UnitsPledged", PLEDGE, null, "UNIT", "account-HB-U1")
                .orElseThrow();
        assertThat(byPledgor).doesNotContain("HB-U1").contains("\"role\":\"UNIT\"");
        assertThat(envelopeSeen("UnitsPledged", PLEDGE, actor("REGISTRY", null, null), "UNIT", "account-HB-U1")
                        .orElseThrow())
                .contains("\"actor\":\"account-HB-U1\"");
        String cancelled = envelopeSeen("UnitsCancelled", INDIVIDUAL_CANCELLED, null, "INDIVIDUAL", "account-IND-1")
                .orElseThrow();
        assertThat(cancelled).doesNotContain("IND-1");
        assertThat(envelopeSeen(
                                "UnitsCancelled",
                                INDIVIDUAL_CANCELLED,
                                actor("INDIVIDUAL", null, "IND-1"),
                                "INDIVIDUAL",
                                "account-IND-1")
                        .orElseThrow())
                .contains("account-IND-1");
        String issued = "{\"product\":\"CEA-2024\",\"quantity\":1000}";
        assertThat(envelopeSeen("AllowancesIssued", issued, null, "MEE", "mee").orElseThrow())
                .contains("\"actor\":\"mee\"");
    }

    @Test
    void public_facts_are_the_same_for_everyone() {
        String issued = "{\"product\":\"CEA-2024\",\"quantity\":1000,\"txId\":\"t\"}";
        assertThat(seen("AllowancesIssued", issued, null)).isEqualTo(issued);
        assertThat(seen("AllowancesIssued", issued, actor("UNIT", "HB", "HB-U1")))
                .isEqualTo(issued);
    }

    @Test
    void an_event_without_a_row_is_for_the_registry_and_mee_only() {
        String p = "{\"secret\":1}";
        assertThat(seen("SomethingNew", p, null)).isEqualTo("<nothing>");
        assertThat(seen("SomethingNew", p, actor("AUDITOR", null, null))).isEqualTo("<nothing>");
        assertThat(seen("SomethingNew", p, actor("REGISTRY", null, null))).isEqualTo(p);
        assertThat(seen("SomethingNew", p, actor("MEE", null, null))).isEqualTo(p);
    }

    @Test
    void every_event_the_chaincode_emits_has_a_disclosure_row() throws IOException {
        Set<String> emitted = new TreeSet<>();
        for (Command<?, ?> c : Catalogue.ALL) {
            if (c.event() != null) {
                emitted.add(c.event());
            }
        }
        Pattern literal = Pattern.compile("tx\\.emit\\(\\s*([^,]*?),");
        Pattern name = Pattern.compile("\"([A-Z][A-Za-z]+)\"");
        Path sources = Path.of("..", "chaincode", "src", "main", "java");
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = literal.matcher(Files.readString(f));
                while (m.find()) {
                    Matcher n = name.matcher(m.group(1));
                    while (n.find()) {
                        emitted.add(n.group(1));
                    }
                }
            }
        }
        assertThat(emitted).contains("TradesSettled", "PledgeProposed", "AccountStatusChanged", "AccountOpened");
        assertThat(EventDisclosure.KINDS.keySet()).containsAll(emitted);
    }
}
