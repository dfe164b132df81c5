package cn.ets.registry.gateway.disclosure;

import static cn.ets.registry.gateway.testing.HttpAssertions.created;
import static cn.ets.registry.gateway.testing.HttpAssertions.ok;
import static org.assertj.core.api.Assertions.assertThat;

import cn.ets.registry.gateway.audit.AuditOptions;
import cn.ets.registry.gateway.audit.HoldingStatement;
import cn.ets.registry.gateway.audit.StatementCommand;
import cn.ets.registry.gateway.e2e.EventStream;
import cn.ets.registry.gateway.testing.EmbeddedGateway;
import cn.ets.registry.gateway.testing.Json;
import cn.ets.registry.gateway.testing.RegistryClient;
import cn.ets.registry.gateway.testing.RegistryClient.Response;
import cn.ets.registry.gateway.testing.TestCalendar;
import com.google.gson.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * What each caller sees — every role, a holder of each kind, and anyone without a token — on every
 * public route and on both event streams, after a market with an individual, trades, a pledge, a
 * freeze and cancellations. The detailed stream shows an event whole exactly to those its GET
 * endpoint answers; an individual's name and account number and trade counterparties and prices
 * reach no one else, by any route.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DisclosureMatrixTest {
    private static final String HB = "HB-DX";
    private static final String GD = "GD-DX";
    private static final String INST = "INST-DX";
    private static final String IND = "IND-DX";
    private static final String PERSON = "Zhang Wei";
    private static final String P = "CEA-2024";
    private static final String ANONYMOUS = "anonymous";
    private static final List<String> CALLERS = List.of(
            ANONYMOUS, "mee", "registry", "exchange", "province-HB", "province-GD", "auditor", HB, GD, INST, IND);
    /** Reads anyone may make (the public-disclosure routes that take no body), with a valid path each. */
    private static final List<String> PUBLIC_READS = List.of(
            "/api/v1/supply",
            "/api/v1/supply/audit",
            "/api/v1/cancellations",
            "/api/v1/compliance/2024",
            "/api/v1/compliance/2024/" + HB,
            "/api/v1/allocations/2024/" + HB,
            "/api/v1/parameters/2024",
            "/api/v1/public/years",
            "/api/v1/public/allocations/2024",
            "/api/v1/public/pledges");

    private EmbeddedGateway gateway;
    private RegistryClient c;
    private Path dataDir;
    private final Map<String, String> tradeTx = new LinkedHashMap<>(); // tradeId → txId
    private final Map<String, String> lockTx = new LinkedHashMap<>(); // lockId → txId
    private final Map<String, List<EventStream.Event>> detailed = new LinkedHashMap<>();
    private List<EventStream.Event> publicStream;
    private String lastLock;

    @BeforeAll
    void market(@TempDir Path dir) throws Exception {
        dataDir = dir;
        gateway = EmbeddedGateway.start(dir, false);
        c = gateway.client();
        TestCalendar.open(c, "2024");
        open(
                "province-HB",
                Json.obj("id", HB, "type", "UNIT", "name", "Wuhan Steel", "province", "HB", "sector", "POWER"));
        open(
                "province-GD",
                Json.obj("id", GD, "type", "UNIT", "name", "Guangzhou Power", "province", "GD", "sector", "POWER"));
        open("registry", Json.obj("id", INST, "type", "INSTITUTION", "name", "Hubei Carbon Bank"));
        open("registry", Json.obj("id", IND, "type", "INDIVIDUAL", "name", PERSON));
        created(c.post("mee", "/api/v1/issuances", Json.obj("requestId", "dx-i", "product", P, "quantity", 100_000)));
        created(c.post("mee", "/api/v1/distributions", dist("dx-d1", "MEE", "PROVINCE-HB", 50_000)));
        created(c.post("mee", "/api/v1/distributions", dist("dx-d2", "MEE", "PROVINCE-GD", 50_000)));
        created(c.post("province-HB", "/api/v1/distributions", dist("dx-d3", "PROVINCE-HB", HB, 10_000)));
        created(c.post("province-GD", "/api/v1/distributions", dist("dx-d4", "PROVINCE-GD", GD, 10_000)));
        trade("DX-T1", HB, GD, 100, "88.00");
        trade("DX-T2", HB, IND, 40, "99.00");
        created(c.post(
                IND,
                "/api/v1/cancellations",
                Json.obj(
                        "requestId",
                        "dx-c1",
                        "account",
                        IND,
                        "product",
                        P,
                        "quantity",
                        5,
                        "purpose",
                        "wedding",
                        "beneficiary",
                        "our guests")));
        created(c.post(
                HB,
                "/api/v1/cancellations",
                Json.obj(
                        "requestId",
                        "dx-c2",
                        "account",
                        HB,
                        "product",
                        P,
                        "quantity",
                        3,
                        "purpose",
                        "=HYPERLINK(\"x\")")));
        lock(
                HB,
                Json.obj(
                        "requestId",
                        "dx-l1",
                        "account",
                        HB,
                        "product",
                        P,
                        "quantity",
                        50,
                        "kind",
                        "PLEDGE",
                        "pledgee",
                        INST,
                        "reason",
                        "loan 7",
                        "contractRef",
                        "DX-LOAN-7",
                        "securedAmount",
                        "4000",
                        "maturity",
                        "2027-06-30"));
        ok(c.post(INST, "/api/v1/locks/" + lastLock + "/accept", Json.obj()));
        lock(
                "registry",
                Json.obj(
                        "requestId",
                        "dx-l2",
                        "account",
                        GD,
                        "product",
                        P,
                        "quantity",
                        20,
                        "kind",
                        "FREEZE",
                        "reason",
                        "court order"));
        created(c.post(
                "province-HB", "/api/v1/emissions", Json.obj("unitId", HB, "year", 2024, "verifiedEmissions", 1_000)));
        created(c.post(
                HB,
                "/api/v1/surrenders",
                Json.obj(
                        "requestId",
                        "dx-s1",
                        "unitId",
                        HB,
                        "year",
                        2024,
                        "items",
                        List.of(Map.of("product", P, "quantity", 600)))));

        for (String who : CALLERS) {
            if (!who.equals(ANONYMOUS)) {
                detailed.put(who, events("/api/v1/events", c.token(who)));
            }
        }
        publicStream = events("/api/v1/public/events", null);
    }

    @AfterAll
    void stop() {
        gateway.close();
    }

    private void open(String who, JsonObject account) {
        Response r = created(c.post(who, "/api/v1/accounts", account));
        c.addIdentity(account.get("id").getAsString(), r.str("token"));
    }

    private static JsonObject dist(String id, String from, String to, long q) {
        return Json.obj("requestId", id, "product", P, "from", from, "to", to, "quantity", q);
    }

    private void trade(String id, String seller, String buyer, long q, String price) {
        Response r = created(c.post(
                "exchange",
                "/api/v1/settlements",
                Json.obj(
                        "tradeId",
                        id,
                        "product",
                        P,
                        "seller",
                        seller,
                        "buyer",
                        buyer,
                        "quantity",
                        q,
                        "price",
                        price,
                        "mode",
                        "LISTED",
                        "tradedAt",
                        "2025-12-15T10:30:00+08:00")));
        tradeTx.put(id, r.str("txId"));
    }

    private void lock(String who, JsonObject lock) {
        Response r = created(c.post(who, "/api/v1/locks", lock));
        lastLock = r.str("lockId");
        lockTx.put(lastLock, r.str("txId"));
    }

    private List<EventStream.Event> events(String path, String token) throws Exception {
        return EventStream.read(c.baseUrl(), path, token, 0, Integer.MAX_VALUE, Duration.ofMillis(700));
    }

    private Response get(String who, String path) {
        return who.equals(ANONYMOUS) ? c.send("GET", path, null, null) : c.get(who, path);
    }

    /** The event's facts: the chaincode's envelope carries them as {@code data}. */
    private static JsonObject data(EventStream.Event e) {
        return e.data().getAsJsonObject("payload").getAsJsonObject("data");
    }

    private static EventStream.Event byTx(List<EventStream.Event> events, String txId) {
        return events.stream()
                .filter(e -> txId.equals(e.data().get("txId").getAsString()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no event of transaction " + txId));
    }

    @Test
    void every_public_read_answers_anyone_the_same_as_the_registry_and_never_names_the_individual() {
        for (String path : PUBLIC_READS) {
            String registry = ok(c.get("registry", path)).body();
            for (String who : CALLERS) {
                Response r = get(who, path);
                assertThat(r.status()).as("%s as %s", path, who).isEqualTo(200);
                assertThat(r.body()).as("%s as %s", path, who).isEqualTo(registry);
            }
            assertThat(registry).as(path).doesNotContain(PERSON).doesNotContain(IND);
        }
    }

    @Test
    void the_public_stream_is_the_same_for_everyone_and_carries_no_counterparty_price_pledgee_or_individual()
            throws Exception {
        String text = publicStream.toString();
        assertThat(publicStream).isNotEmpty();
        assertThat(text)
                .doesNotContain("\"seller\"")
                .doesNotContain("\"buyer\"")
                .doesNotContain("\"price\"")
                .doesNotContain("\"pledgee\"")
                .doesNotContain(PERSON)
                .doesNotContain(IND);
        assertThat(events("/api/v1/public/events", c.token(HB)).toString()).isEqualTo(text);
        assertThat(publicStream.stream().map(EventStream.Event::id).toList())
                .isEqualTo(detailed.get("registry").stream()
                        .map(EventStream.Event::id)
                        .toList());
    }

    @Test
    void a_trade_event_shows_its_counterparties_exactly_to_whom_the_trade_endpoint_answers() {
        List<String> seen = new ArrayList<>();
        tradeTx.forEach((tradeId, txId) -> {
            for (String who : detailed.keySet()) {
                boolean endpoint = get(who, "/api/v1/settlements/" + tradeId).status() == 200;
                JsonObject payload = data(byTx(detailed.get(who), txId));
                boolean whole = payload.has("seller") && payload.has("buyer") && payload.has("price");
                assertThat(whole).as("%s sees trade %s whole", who, tradeId).isEqualTo(endpoint);
                assertThat(payload.get("quantity"))
                        .as("every reader sees the quantity")
                        .isNotNull();
                if (whole) {
                    seen.add(who + ":" + tradeId);
                }
            }
        });
        assertThat(seen)
                .containsExactlyInAnyOrder(
                        "registry:DX-T1",
                        "exchange:DX-T1",
                        "mee:DX-T1",
                        "province-HB:DX-T1",
                        "province-GD:DX-T1",
                        HB + ":DX-T1",
                        GD + ":DX-T1",
                        "registry:DX-T2",
                        "exchange:DX-T2",
                        "mee:DX-T2",
                        "province-HB:DX-T2",
                        HB + ":DX-T2",
                        IND + ":DX-T2");
    }

    @Test
    void a_lock_event_shows_its_holder_and_pledgee_exactly_to_whom_the_lock_endpoint_answers() {
        lockTx.forEach((lockId, txId) -> {
            for (String who : detailed.keySet()) {
                boolean endpoint = get(who, "/api/v1/locks/" + lockId).status() == 200;
                JsonObject payload = data(byTx(detailed.get(who), txId));
                assertThat(payload.has("account"))
                        .as("%s sees lock %s whole", who, lockId)
                        .isEqualTo(endpoint);
                assertThat(payload.get("kind")).isNotNull();
            }
        });
    }

    @Test
    void an_account_event_is_whole_exactly_for_whom_the_account_endpoint_answers() {
        for (String account : List.of(HB, GD, INST, IND)) {
            for (String who : detailed.keySet()) {
                boolean endpoint = get(who, "/api/v1/accounts/" + account).status() == 200;
                List<JsonObject> openings = detailed.get(who).stream()
                        .filter(e -> e.name().equals("AccountOpened"))
                        .map(DisclosureMatrixTest::data)
                        .filter(p -> account.equals(p.has("id") ? p.get("id").getAsString() : null))
                        .toList();
                if (endpoint) {
                    assertThat(openings)
                            .as("%s sees the opening of %s", who, account)
                            .hasSize(1);
                    assertThat(openings.get(0).has("holdings")).isTrue();
                } else if (account.equals(IND)) {
                    assertThat(openings)
                            .as("%s sees no opening naming %s", who, account)
                            .isEmpty();
                } else {
                    assertThat(openings)
                            .as("%s sees the public particulars of %s", who, account)
                            .hasSize(1);
                    assertThat(openings.get(0).has("holdings")).isFalse();
                }
            }
        }
    }

    @Test
    void the_individuals_name_reaches_only_whom_its_account_endpoint_answers_and_its_number_also_its_trades_parties() {
        for (String who : detailed.keySet()) {
            boolean account = get(who, "/api/v1/accounts/" + IND).status() == 200;
            boolean trade = get(who, "/api/v1/settlements/DX-T2").status() == 200;
            String text = detailed.get(who).toString();
            if (account) {
                assertThat(text).as(who).contains(PERSON).contains(IND);
            } else if (trade) {
                assertThat(text).as(who).doesNotContain(PERSON).contains(IND);
            } else {
                assertThat(text).as(who).doesNotContain(PERSON).doesNotContain(IND);
            }
        }
        assertThat(List.of("registry", "mee", IND))
                .allMatch(who -> get(who, "/api/v1/accounts/" + IND).status() == 200);
        assertThat(List.of("exchange", HB))
                .allMatch(who -> get(who, "/api/v1/accounts/" + IND).status() == 403);
    }

    @Test
    void public_lists_come_as_csv_too_with_cells_a_spreadsheet_will_not_run() {
        Response csv = c.send("GET", "/api/v1/cancellations?format=csv", null, null);
        assertThat(csv.status()).isEqualTo(200);
        String[] lines = csv.body().split("\r\n");
        assertThat(lines).hasSize(3);
        assertThat(lines[0]).contains("account").contains("purpose").contains("holder");
        assertThat(csv.body()).contains("'=HYPERLINK").doesNotContain(IND).doesNotContain(PERSON);
        Response json = c.send("GET", "/api/v1/compliance/2024", null, null);
        Response compliance = c.send("GET", "/api/v1/compliance/2024?format=csv", null, null);
        assertThat(compliance.body().split("\r\n"))
                .hasSize(1 + json.json().getAsJsonArray("units").size());
        assertThat(c.send("GET", "/api/v1/supply?format=xml", null, null).code())
                .isEqualTo("BAD_REQUEST");
    }

    @Test
    void public_answers_are_cacheable_and_a_poller_with_the_current_etag_gets_304() throws Exception {
        var http = HttpClient.newHttpClient();
        var first = http.send(
                HttpRequest.newBuilder(URI.create(c.baseUrl() + "/api/v1/supply"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(first.headers().firstValue("Cache-Control")).contains("public, max-age=5");
        String etag = first.headers().firstValue("ETag").orElseThrow();
        var again = http.send(
                HttpRequest.newBuilder(URI.create(c.baseUrl() + "/api/v1/supply"))
                        .header("If-None-Match", etag)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
    }

    @Test
    void the_gateways_own_audit_passes_at_the_ledger_height_and_its_supply_history_ends_at_the_supply()
            throws Exception {
        long height = c.send("GET", "/health", null, null).json().get("height").getAsLong();
        JsonObject audit = null;
        for (int i = 0; i < 100; i++) {
            audit = ok(c.send("GET", "/api/v1/public/audit", null, null)).json();
            if (audit.get("lastBlock").getAsLong() >= height) {
                break;
            }
            Thread.sleep(200);
        }
        assertThat(audit.get("status").getAsString()).as("%s", audit).isEqualTo("PASSED");
        assertThat(audit.get("lastBlock").getAsLong()).isEqualTo(height);
        assertThat(audit.get("command").getAsString()).startsWith("java -jar gateway-app.jar audit --from embedded:");

        JsonObject now = ok(c.send(
                        "GET", "/api/v1/public/supply/history?product=" + P + "&block=" + height, null, null))
                .json();
        JsonObject point = now.getAsJsonArray("points").get(0).getAsJsonObject();
        JsonObject supply = c.supplyOf(P);
        for (String f : List.of("issued", "held", "locked", "surrendered", "cancelled")) {
            assertThat(point.get(f).getAsLong()).as(f).isEqualTo(supply.get(f).getAsLong());
        }
        JsonObject all = ok(c.send("GET", "/api/v1/public/supply/history?product=" + P, null, null))
                .json();
        assertThat(all.getAsJsonArray("points").size()).isGreaterThan(3);
        assertThat(all.getAsJsonArray("points")
                        .get(0)
                        .getAsJsonObject()
                        .get("issued")
                        .getAsLong())
                .isEqualTo(100_000);
        assertThat(all.getAsJsonArray("points")
                        .get(0)
                        .getAsJsonObject()
                        .get("time")
                        .getAsString())
                .isNotBlank();
        assertThat(c.send("GET", "/api/v1/public/supply/history?block=" + (height + 1000), null, null)
                        .code())
                .isEqualTo("NOT_FOUND");
        assertThat(c.send("GET", "/api/v1/public/supply/history?block=-1", null, null)
                        .code())
                .isEqualTo("BAD_REQUEST");
        assertThat(c.send("GET", "/api/v1/public/supply/history?product=CEA-1999", null, null)
                        .code())
                .isEqualTo("NOT_FOUND");
    }

    @Test
    void a_holders_signed_statement_checks_against_the_ledger_and_a_changed_one_does_not() throws Exception {
        the_gateways_own_audit_passes_at_the_ledger_height_and_its_supply_history_ends_at_the_supply();
        Response r = ok(c.get(HB, "/api/v1/accounts/" + HB + "/holding-statement"));
        HoldingStatement s = HoldingStatement.parse(r.body());
        assertThat(s.statement().account()).isEqualTo(HB);
        assertThat(s.statement().holdings()).hasSize(1);
        HoldingStatement.Line line = s.statement().holdings().get(0);
        assertThat(line.quantity() + line.locked()).isEqualTo(c.ownHolding(HB, P) + line.locked());
        assertThat(line.lastWrittenTxId()).isNotBlank();
        String source = "embedded:" + dataDir;
        assertThat(StatementCommand.check(s, source, AuditOptions.defaults())).isEmpty();

        HoldingStatement.Line inflated = new HoldingStatement.Line(
                line.product(), line.quantity() + 1, line.locked(), line.lastWrittenBlock(), line.lastWrittenTxId());
        HoldingStatement forged = new HoldingStatement(
                new HoldingStatement.Body(
                        s.statement().account(),
                        s.statement().asOfBlock(),
                        List.of(inflated),
                        s.statement().issuedAt(),
                        s.statement().issuerMsp(),
                        s.statement().issuerCertificate()),
                s.signature());
        assertThat(StatementCommand.check(forged, source, AuditOptions.defaults()))
                .isNotEmpty();

        // the log starts at block 1: block 0 is not found (the audit up to there checks no checkpoint
        // it never reached; it used to report the ledger failing its own audit, 503)
        assertThat(c.get(HB, "/api/v1/accounts/" + HB + "/holding-statement?block=0")
                        .code())
                .isEqualTo("NOT_FOUND");
        assertThat(c.get(GD, "/api/v1/accounts/" + HB + "/holding-statement").status())
                .isEqualTo(403);
        assertThat(c.send("GET", "/api/v1/accounts/" + HB + "/holding-statement", null, null)
                        .status())
                .isEqualTo(401);
        assertThat(c.get(HB, "/api/v1/accounts/" + HB + "/holding-statement?block=x")
                        .code())
                .isEqualTo("BAD_REQUEST");
    }
}
