package cn.ets.registry.gateway;

import static cn.ets.registry.gateway.testing.HttpAssertions.created;
import static cn.ets.registry.gateway.testing.HttpAssertions.ok;
import static org.assertj.core.api.Assertions.assertThat;

import cn.ets.registry.api.Catalogue;
import cn.ets.registry.api.Command;
import cn.ets.registry.gateway.identity.IdentityStore;
import cn.ets.registry.gateway.testing.EmbeddedGateway;
import cn.ets.registry.gateway.testing.Json;
import cn.ets.registry.gateway.testing.RawHttp;
import cn.ets.registry.gateway.testing.RegistryClient;
import cn.ets.registry.gateway.testing.RegistryClient.Response;
import cn.ets.registry.gateway.testing.TestCalendar;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The authorisation matrix: every route the gateway serves (the command catalogue's and the
 * gateway's own, as /openapi.json lists them) × every identity, a caller without a token, and bad
 * tokens. Each route has a row here — a valid request and who may send it — so a new route without
 * one fails this test. Whoever may is not refused (no 401/403); everyone else is refused (403; 401
 * without a token or with a bad one), and a refusal changes nothing: no ledger entry, no
 * credential. What each caller sees where it is answered is {@code DisclosureMatrixTest}'s.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorisationMatrixTest {
    private static final String HB_U = "HB-MX-U";
    private static final String GD_U = "GD-MX-U";
    private static final String INST = "INST-MX";
    private static final String PO = "PO-MX";
    private static final String IND = "IND-MX";
    private static final List<String> IDENTITIES = List.of(
            "mee", "registry", "exchange", "province-HB", "province-GD", "auditor", "bank", HB_U, GD_U, INST, PO, IND);
    private static final Set<String> EVERYONE = Set.copyOf(IDENTITIES);
    /** A caller without any Authorization header: public disclosure answers it, nothing else does. */
    private static final String ANONYMOUS = "anonymous";

    private static final Set<String> PUBLIC = with(EVERYONE, ANONYMOUS);
    private static final String P = "CEA-2024";
    private static final String MONTH =
            YearMonth.now(ZoneId.of("Asia/Shanghai")).minusMonths(1).toString();

    private EmbeddedGateway gateway;
    private RegistryClient c;
    private final AtomicInteger ids = new AtomicInteger();
    private String freeze;
    private String pledge;
    private String proposed;
    private String proposedToDecline;
    private String measure;
    private static final String INST_M = "INST-MX-M";
    private static final String HB_SUCCESSOR = "HB-MX-SUCC";

    /** A route's row: its request (fresh ids each time it is built) and who may send it. */
    record Row(String method, String path, Supplier<Request> request, Set<String> allowed) {}

    record Request(String path, String body, Map<String, String> headers) {}

    @BeforeAll
    void start(@TempDir Path dir) {
        gateway = EmbeddedGateway.start(dir, false);
        c = gateway.client();
        TestCalendar.open(c, "2023");
        TestCalendar.open(c, "2024");
        open("province-HB", Json.obj("id", HB_U, "type", "UNIT", "name", HB_U, "province", "HB", "sector", "POWER"));
        open("province-GD", Json.obj("id", GD_U, "type", "UNIT", "name", GD_U, "province", "GD", "sector", "POWER"));
        open("registry", Json.obj("id", INST, "type", "INSTITUTION", "name", INST));
        open("registry", Json.obj("id", PO, "type", "PROJECT_OWNER", "name", PO));
        open("registry", Json.obj("id", IND, "type", "INDIVIDUAL", "name", IND));
        created(c.post(
                "mee", "/api/v1/issuances", Json.obj("requestId", "mx-iss", "product", P, "quantity", 1_000_000)));
        created(c.post("mee", "/api/v1/distributions", dist("mx-d1", "MEE", "PROVINCE-HB", 400_000)));
        created(c.post("mee", "/api/v1/distributions", dist("mx-d2", "MEE", "PROVINCE-GD", 400_000)));
        created(c.post("province-HB", "/api/v1/distributions", dist("mx-d3", "PROVINCE-HB", HB_U, 100_000)));
        created(c.post("province-GD", "/api/v1/distributions", dist("mx-d4", "PROVINCE-GD", GD_U, 100_000)));
        created(c.post(
                "province-HB",
                "/api/v1/emissions",
                Json.obj("unitId", HB_U, "year", 2023, "verifiedEmissions", 50_000)));
        created(c.post(
                "province-HB",
                "/api/v1/emissions",
                Json.obj("unitId", HB_U, "year", 2024, "verifiedEmissions", 90_000)));
        created(c.post("exchange", "/api/v1/settlements", trade("MX-T0")));
        created(c.post("mee", "/api/v1/ccer/projects", project("CC-MX-0")));
        freeze = created(c.post("registry", "/api/v1/locks", lock("FREEZE"))).str("lockId");
        pledge = created(c.post(HB_U, "/api/v1/locks", lock("PLEDGE"))).str("lockId");
        ok(c.post(INST, "/api/v1/locks/" + pledge + "/accept", Json.obj()));
        proposed = created(c.post(HB_U, "/api/v1/locks", lock("PLEDGE"))).str("lockId");
        proposedToDecline =
                created(c.post(HB_U, "/api/v1/locks", lock("PLEDGE"))).str("lockId");
        open("registry", Json.obj("id", INST_M, "type", "INSTITUTION", "name", INST_M));
        measure = created(c.post(
                        "registry",
                        "/api/v1/accounts/" + INST_M + "/measures",
                        Json.obj(
                                "requestId",
                                "mx-m0",
                                "measure",
                                "RESTRICT_TRANSFER",
                                "reason",
                                "matrix",
                                "legalBasis",
                                "001 §45")))
                .json()
                .getAsJsonObject("measure")
                .get("measureId")
                .getAsString();
        open(
                "province-HB",
                Json.obj(
                        "id", HB_SUCCESSOR, "type", "UNIT", "name", HB_SUCCESSOR, "province", "HB", "sector", "POWER"));
        for (String holder : List.of(HB_U, GD_U)) {
            ok(c.put(
                    "bank",
                    "/api/v1/accounts/" + holder + "/funds-account",
                    Json.obj("requestId", "mx-fa-" + holder, "reference", "BANK-" + holder)));
        }
        created(c.post("exchange", "/api/v1/dvp", dvp("MX-D0")));
        created(c.post("exchange", "/api/v1/reservations", reservation("MX-R0")));
        created(c.post(
                "exchange",
                "/api/v1/reversals",
                Json.obj("requestId", "mx-rv0", "tradeId", "MX-T0", "reason", "matrix")));
    }

    /** A DvP trade traded a minute ago whose cut-off is a day away. */
    private static JsonObject dvp(String id) {
        JsonObject t = trade(id);
        OffsetDateTime now = OffsetDateTime.now(ZoneId.of("Asia/Shanghai"));
        t.addProperty("tradedAt", now.minusMinutes(1).withNano(0).toString());
        t.addProperty("cutOff", now.plusDays(1).withNano(0).toString());
        return t;
    }

    private static JsonObject reservation(String id) {
        return Json.obj("reservationId", id, "account", HB_U, "product", P, "quantity", 1, "orderRef", "ORD-" + id);
    }

    private static String today() {
        return LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
    }

    @AfterAll
    void stop() {
        gateway.close();
    }

    private void open(String who, JsonObject account) {
        Response r = created(c.post(who, "/api/v1/accounts", account));
        c.addIdentity(account.get("id").getAsString(), r.str("token"));
    }

    private static Set<String> with(Set<String> set, String one) {
        Set<String> out = new TreeSet<>(set);
        out.add(one);
        return Set.copyOf(out);
    }

    private String id(String prefix) {
        return prefix + "-" + ids.incrementAndGet();
    }

    private static JsonObject dist(String id, String from, String to, long q) {
        return Json.obj("requestId", id, "product", P, "from", from, "to", to, "quantity", q);
    }

    private static JsonObject trade(String id) {
        return Json.obj(
                "tradeId",
                id,
                "product",
                P,
                "seller",
                HB_U,
                "buyer",
                GD_U,
                "quantity",
                1,
                "price",
                "70.00",
                "mode",
                "LISTED",
                "tradedAt",
                "2025-12-15T10:30:00+08:00");
    }

    private static JsonObject project(String id) {
        return Json.obj("id", id, "name", id, "methodology", "CCER-14-001-V01", "owner", PO, "province", "HB");
    }

    private JsonObject lock(String kind) {
        JsonObject l = Json.obj(
                "requestId",
                id("lock"),
                "account",
                HB_U,
                "product",
                P,
                "quantity",
                10,
                "kind",
                kind,
                "reason",
                "matrix");
        if (kind.equals("PLEDGE")) {
            l.addProperty("pledgee", INST);
            l.addProperty("contractRef", "MX-LOAN");
            l.addProperty("securedAmount", "100");
            l.addProperty("maturity", "2027-06-30");
        }
        return l;
    }

    private Supplier<Request> get(String path) {
        return () -> new Request(path, null, Map.of());
    }

    private Supplier<Request> body(String path, Supplier<JsonObject> body) {
        return () -> new Request(path, Json.write(body.get()), Map.of("Content-Type", "application/json"));
    }

    private List<Row> rows() {
        Set<String> mee = Set.of("mee");
        Set<String> hb = Set.of("province-HB");
        return List.of(
                new Row(
                        "POST",
                        "/api/v1/accounts",
                        body(
                                "/api/v1/accounts",
                                () -> Json.obj(
                                        "id",
                                        id("HB-MXN"),
                                        "type",
                                        "UNIT",
                                        "name",
                                        "n",
                                        "province",
                                        "HB",
                                        "sector",
                                        "POWER")),
                        hb),
                new Row(
                        "GET",
                        "/api/v1/accounts/{id}",
                        get("/api/v1/accounts/" + HB_U),
                        Set.of(HB_U, "province-HB", "mee", "registry")),
                new Row(
                        "PUT",
                        "/api/v1/accounts/{id}/status",
                        body(
                                "/api/v1/accounts/" + IND + "/status",
                                () -> Json.obj("status", "ACTIVE", "reason", "matrix")),
                        Set.of("registry")),
                new Row(
                        "POST",
                        "/api/v1/issuances",
                        body("/api/v1/issuances", () -> Json.obj("requestId", id("iss"), "product", P, "quantity", 1)),
                        mee),
                new Row(
                        "POST",
                        "/api/v1/distributions",
                        body("/api/v1/distributions", () -> dist(id("d"), "MEE", "PROVINCE-HB", 1)),
                        mee),
                new Row(
                        "POST",
                        "/api/v1/settlements",
                        body("/api/v1/settlements", () -> trade(id("MX-T"))),
                        Set.of("exchange")),
                new Row(
                        "POST",
                        "/api/v1/settlements/batch",
                        body("/api/v1/settlements/batch", () -> Json.obj("trades", List.of(trade(id("MX-B"))))),
                        Set.of("exchange")),
                new Row(
                        "GET",
                        "/api/v1/settlements/{tradeId}",
                        get("/api/v1/settlements/MX-T0"),
                        Set.of("exchange", "registry", "mee", "province-HB", "province-GD", HB_U, GD_U)),
                new Row(
                        "POST",
                        "/api/v1/emissions",
                        body(
                                "/api/v1/emissions",
                                () -> Json.obj("unitId", HB_U, "year", 2024, "verifiedEmissions", 90_000)),
                        hb),
                new Row(
                        "POST",
                        "/api/v1/surrenders",
                        body(
                                "/api/v1/surrenders",
                                () -> Json.obj(
                                        "requestId",
                                        id("sur"),
                                        "unitId",
                                        HB_U,
                                        "year",
                                        2024,
                                        "items",
                                        List.of(Map.of("product", P, "quantity", 1)))),
                        Set.of(HB_U)),
                new Row("GET", "/api/v1/compliance/{year}/{unitId}", get("/api/v1/compliance/2024/" + HB_U), PUBLIC),
                new Row("GET", "/api/v1/compliance/{year}", get("/api/v1/compliance/2024"), PUBLIC),
                new Row(
                        "POST",
                        "/api/v1/compliance/{year}/close",
                        body("/api/v1/compliance/2031/close", () -> Json.obj("requestId", id("close"))),
                        mee),
                new Row(
                        "POST",
                        "/api/v1/cancellations",
                        body(
                                "/api/v1/cancellations",
                                () -> Json.obj(
                                        "requestId",
                                        id("can"),
                                        "account",
                                        HB_U,
                                        "product",
                                        P,
                                        "quantity",
                                        1,
                                        "purpose",
                                        "matrix")),
                        Set.of(HB_U)),
                new Row("GET", "/api/v1/cancellations", get("/api/v1/cancellations"), PUBLIC),
                new Row("GET", "/api/v1/supply", get("/api/v1/supply"), PUBLIC),
                new Row("GET", "/api/v1/supply/audit", get("/api/v1/supply/audit"), PUBLIC),
                new Row("GET", "/api/v1/public/years", get("/api/v1/public/years"), PUBLIC),
                new Row("GET", "/api/v1/public/allocations/{year}", get("/api/v1/public/allocations/2024"), PUBLIC),
                new Row("GET", "/api/v1/public/pledges", get("/api/v1/public/pledges"), PUBLIC),
                new Row("GET", "/api/v1/parameters/{vintage}", get("/api/v1/parameters/2024"), PUBLIC),
                new Row(
                        "PUT",
                        "/api/v1/parameters/{vintage}",
                        body(
                                "/api/v1/parameters/2024",
                                () -> Json.obj("requestId", id("par"), "preAllocationRate", "0.70")),
                        mee),
                new Row(
                        "POST",
                        "/api/v1/allocation/preview",
                        body(
                                "/api/v1/allocation/preview",
                                () -> Json.obj("sector", "STEEL", "year", 2024, "verifiedEmissions", 1000)),
                        EVERYONE),
                new Row(
                        "POST",
                        "/api/v1/allocations/pre",
                        body(
                                "/api/v1/allocations/pre",
                                () -> Json.obj("requestId", id("pre"), "unitId", HB_U, "year", 2024)),
                        hb),
                new Row(
                        "POST",
                        "/api/v1/allocations/final",
                        body(
                                "/api/v1/allocations/final",
                                () -> Json.obj(
                                        "requestId",
                                        id("fin"),
                                        "unitId",
                                        HB_U,
                                        "year",
                                        2024,
                                        "sector",
                                        "POWER",
                                        "facilities",
                                        List.of(Map.of("category", "COAL_ABOVE_300MW", "electricityMWh", 1000)))),
                        hb),
                new Row(
                        "POST",
                        "/api/v1/allocations/adjustments",
                        body(
                                "/api/v1/allocations/adjustments",
                                () -> Json.obj(
                                        "requestId",
                                        id("adj"),
                                        "unitId",
                                        HB_U,
                                        "year",
                                        2024,
                                        "quantity",
                                        1,
                                        "reason",
                                        "CAPACITY_CHANGE")),
                        hb),
                new Row(
                        "POST",
                        "/api/v1/allocations/debt/collect",
                        body(
                                "/api/v1/allocations/debt/collect",
                                () -> Json.obj("requestId", id("debt"), "unitId", HB_U, "year", 2024)),
                        Set.of("province-HB", HB_U)), // the province collects, the unit repays
                new Row("GET", "/api/v1/allocations/{year}/{unitId}", get("/api/v1/allocations/2024/" + HB_U), PUBLIC),
                new Row(
                        "POST",
                        "/api/v1/ccer/projects",
                        body("/api/v1/ccer/projects", () -> project(id("CC-MX"))),
                        mee),
                new Row("GET", "/api/v1/ccer/projects/{id}", get("/api/v1/ccer/projects/CC-MX-0"), PUBLIC),
                new Row(
                        "POST",
                        "/api/v1/ccer/issuances",
                        body(
                                "/api/v1/ccer/issuances",
                                () -> Json.obj(
                                        "requestId",
                                        id("ccer"),
                                        "projectId",
                                        "CC-MX-0",
                                        "periodStart",
                                        "2024-01-0" + (1 + ids.get() % 9),
                                        "periodEnd",
                                        "2024-01-0" + (1 + ids.get() % 9),
                                        "vintage",
                                        "2024",
                                        "quantity",
                                        1)),
                        mee),
                new Row("GET", "/api/v1/ccer/batches/{product}", get("/api/v1/ccer/batches/CCER-1"), PUBLIC),
                new Row("POST", "/api/v1/locks", body("/api/v1/locks", () -> lock("FREEZE")), Set.of("registry")),
                new Row(
                        "POST",
                        "/api/v1/locks/{lockId}/release",
                        () -> new Request(
                                "/api/v1/locks/" + freeze + "/release",
                                "{}",
                                Map.of("Content-Type", "application/json")),
                        Set.of("registry")),
                new Row(
                        "POST",
                        "/api/v1/locks/{lockId}/enforce",
                        () -> new Request(
                                "/api/v1/locks/" + pledge + "/enforce",
                                "{}",
                                Map.of("Content-Type", "application/json")),
                        Set.of(INST)),
                new Row(
                        "GET",
                        "/api/v1/locks/{lockId}",
                        () -> new Request("/api/v1/locks/" + pledge, null, Map.of()),
                        Set.of("registry", "mee", HB_U, INST)),
                new Row(
                        "POST",
                        "/api/v1/deposits",
                        body(
                                "/api/v1/deposits",
                                () -> Json.obj(
                                        "unitId",
                                        HB_U,
                                        "month",
                                        MONTH,
                                        "sha256",
                                        "a".repeat(64),
                                        "sm3",
                                        "b".repeat(64))),
                        Set.of(HB_U)),
                new Row(
                        "GET",
                        "/api/v1/deposits/{unitId}/{month}",
                        get("/api/v1/deposits/" + HB_U + "/" + MONTH),
                        PUBLIC),
                new Row("GET", "/api/v1/whoami", get("/api/v1/whoami"), EVERYONE),
                new Row(
                        "GET",
                        "/api/v1/accounts",
                        get("/api/v1/accounts"),
                        Set.of("mee", "registry", "province-HB", "province-GD")),
                new Row(
                        "GET",
                        "/api/v1/accounts/{id}/measures",
                        get("/api/v1/accounts/" + HB_U + "/measures"),
                        Set.of("mee", "registry", "province-HB", HB_U)),
                new Row(
                        "GET",
                        "/api/v1/accounts/{id}/statement",
                        get("/api/v1/accounts/" + HB_U + "/statement"),
                        Set.of("mee", "registry", "province-HB", HB_U)),
                new Row(
                        "POST",
                        "/api/v1/accounts/{id}/measures",
                        body(
                                "/api/v1/accounts/" + PO + "/measures",
                                () -> Json.obj(
                                        "requestId",
                                        id("mea"),
                                        "measure",
                                        "NOTICE",
                                        "reason",
                                        "matrix",
                                        "legalBasis",
                                        "001 §45")),
                        Set.of("registry")),
                new Row(
                        "POST",
                        "/api/v1/accounts/{id}/measures/{measureId}/lift",
                        () -> new Request(
                                "/api/v1/accounts/" + INST_M + "/measures/" + measure + "/lift",
                                Json.write(Json.obj("requestId", id("lift"), "reason", "matrix")),
                                Map.of("Content-Type", "application/json")),
                        Set.of("registry")),
                new Row(
                        "POST",
                        "/api/v1/accounts/{id}/succession",
                        () -> {
                            // each call its own predecessor: a succession closes it
                            String predecessor = id("HB-MXP");
                            open(
                                    "province-HB",
                                    Json.obj(
                                            "id",
                                            predecessor,
                                            "type",
                                            "UNIT",
                                            "name",
                                            predecessor,
                                            "province",
                                            "HB",
                                            "sector",
                                            "POWER"));
                            return new Request(
                                    "/api/v1/accounts/" + predecessor + "/succession",
                                    Json.write(Json.obj(
                                            "requestId", id("suc"), "successor", HB_SUCCESSOR, "reason", "MERGER")),
                                    Map.of("Content-Type", "application/json"));
                        },
                        hb),
                new Row(
                        "GET",
                        "/api/v1/compliance-risk/{year}",
                        get("/api/v1/compliance-risk/2024"),
                        Set.of("mee", "registry", "province-HB", "province-GD")),
                new Row(
                        "GET",
                        "/api/v1/compliance-risk/{year}/{unitId}",
                        get("/api/v1/compliance-risk/2024/" + HB_U),
                        Set.of("mee", "registry", "province-HB", HB_U)),
                new Row(
                        "POST",
                        "/api/v1/compliance/{year}/warnings",
                        body("/api/v1/compliance/2024/warnings", () -> Json.obj("requestId", id("warn"))),
                        Set.of("mee", "registry", "province-HB", "province-GD")),
                new Row("GET", "/api/v1/parameters", get("/api/v1/parameters"), PUBLIC),
                new Row(
                        "POST",
                        "/api/v1/prices/closing",
                        body(
                                "/api/v1/prices/closing",
                                () -> Json.obj("product", P, "date", "2025-12-01", "price", "70.00")),
                        Set.of("exchange")),
                new Row("GET", "/api/v1/prices/closing/{product}", get("/api/v1/prices/closing/" + P), PUBLIC),
                new Row(
                        "POST",
                        "/api/v1/roster",
                        body(
                                "/api/v1/roster",
                                () -> Json.obj(
                                        "requestId",
                                        id("ros"),
                                        "year",
                                        2024,
                                        "unitId",
                                        HB_U,
                                        "qualifyingEmissions",
                                        90_000)),
                        hb),
                new Row("POST", "/api/v1/dvp", body("/api/v1/dvp", () -> dvp(id("MX-D"))), Set.of("exchange")),
                new Row(
                        "POST",
                        "/api/v1/dvp/{tradeId}/confirm",
                        body("/api/v1/dvp/MX-D0/confirm", () -> Json.obj("requestId", id("cf"), "fundsRef", "FT-MX")),
                        Set.of("bank")),
                new Row(
                        "POST",
                        "/api/v1/dvp/{tradeId}/refuse",
                        body("/api/v1/dvp/MX-D0/refuse", () -> Json.obj("requestId", id("rf"), "reason", "matrix")),
                        Set.of("bank")),
                new Row(
                        "POST",
                        "/api/v1/dvp/cutoff",
                        body("/api/v1/dvp/cutoff", () -> Json.obj("requestId", id("co"), "day", "2025-12-15")),
                        Set.of("registry")),
                new Row(
                        "GET",
                        "/api/v1/dvp/{tradeId}",
                        get("/api/v1/dvp/MX-D0"),
                        Set.of("exchange", "bank", "registry", "mee", "province-HB", "province-GD", HB_U, GD_U)),
                new Row(
                        "GET",
                        "/api/v1/dvp/statements/{day}",
                        get("/api/v1/dvp/statements/" + today()),
                        Set.of("exchange", "bank", "registry", "mee")),
                new Row(
                        "POST",
                        "/api/v1/dvp/statements/{day}/reconciliations",
                        body(
                                "/api/v1/dvp/statements/" + today() + "/reconciliations",
                                () -> Json.obj("requestId", id("rc"), "totals", List.of())),
                        Set.of("exchange", "bank")),
                new Row(
                        "POST",
                        "/api/v1/reservations",
                        body("/api/v1/reservations", () -> reservation(id("MX-R"))),
                        Set.of("exchange")),
                new Row(
                        "POST",
                        "/api/v1/reservations/{reservationId}/reduce",
                        body("/api/v1/reservations/MX-R0/reduce", () -> Json.obj("requestId", id("red"))),
                        Set.of("exchange")),
                new Row(
                        "GET",
                        "/api/v1/reservations/{reservationId}",
                        get("/api/v1/reservations/MX-R0"),
                        Set.of("exchange", "registry", "mee", "province-HB", HB_U)),
                new Row(
                        "GET",
                        "/api/v1/accounts/{id}/trading",
                        get("/api/v1/accounts/" + HB_U + "/trading"),
                        Set.of("exchange", "bank", "registry", "mee", "province-HB", HB_U)),
                new Row(
                        "PUT",
                        "/api/v1/accounts/{id}/funds-account",
                        body(
                                "/api/v1/accounts/" + INST + "/funds-account",
                                () -> Json.obj("requestId", id("fa"), "reference", "BANK-INST")),
                        Set.of("bank")),
                new Row(
                        "PUT",
                        "/api/v1/accounts/{id}/admission",
                        body(
                                "/api/v1/accounts/" + INST + "/admission",
                                () -> Json.obj("requestId", id("adm"), "admitted", true, "reason", "matrix")),
                        Set.of("registry")),
                new Row(
                        "POST",
                        "/api/v1/reversals",
                        body(
                                "/api/v1/reversals",
                                () -> Json.obj("requestId", id("rv"), "tradeId", "MX-T0", "reason", "matrix")),
                        Set.of("exchange")),
                new Row(
                        "POST",
                        "/api/v1/reversals/{tradeId}/approve",
                        body("/api/v1/reversals/MX-T0/approve", () -> Json.obj("requestId", id("ap"))),
                        Set.of("registry")),
                new Row(
                        "POST",
                        "/api/v1/reversals/{tradeId}/refuse",
                        body(
                                "/api/v1/reversals/MX-T0/refuse",
                                () -> Json.obj("requestId", id("rr"), "reason", "matrix")),
                        Set.of("registry")),
                new Row(
                        "GET",
                        "/api/v1/reversals/{tradeId}",
                        get("/api/v1/reversals/MX-T0"),
                        Set.of("exchange", "bank", "registry", "mee", "province-HB", "province-GD", HB_U, GD_U)),
                new Row("GET", "/api/v1/roster/{year}", get("/api/v1/roster/2024"), PUBLIC),
                new Row(
                        "GET",
                        "/api/v1/settlements",
                        get("/api/v1/settlements?month=2025-12"),
                        Set.of("exchange", "registry", "mee", "province-HB", "province-GD", HB_U, GD_U, INST, PO, IND)),
                new Row(
                        "POST",
                        "/api/v1/locks/{lockId}/accept",
                        () -> new Request(
                                "/api/v1/locks/" + proposed + "/accept",
                                "{}",
                                Map.of("Content-Type", "application/json")),
                        Set.of(INST)),
                new Row(
                        "POST",
                        "/api/v1/locks/{lockId}/decline",
                        () -> new Request(
                                "/api/v1/locks/" + proposedToDecline + "/decline",
                                "{}",
                                Map.of("Content-Type", "application/json")),
                        Set.of(INST, HB_U)),
                new Row(
                        "POST",
                        "/api/v1/locks/{lockId}/default",
                        () -> new Request(
                                "/api/v1/locks/" + pledge + "/default",
                                Json.write(Json.obj("reason", "matrix")),
                                Map.of("Content-Type", "application/json")),
                        Set.of(INST, HB_U)),
                new Row(
                        "POST",
                        "/api/v1/locks/{lockId}/transfer",
                        () -> new Request(
                                "/api/v1/locks/" + freeze + "/transfer",
                                Json.write(Json.obj(
                                        "requestId", id("ct"), "to", INST, "quantity", 1, "courtOrder", "(2026) MX 1")),
                                Map.of("Content-Type", "application/json")),
                        Set.of("registry")),
                new Row(
                        "GET",
                        "/api/v1/events",
                        () -> new Request("/api/v1/events", null, Map.of("Accept", "text/event-stream")),
                        EVERYONE),
                new Row(
                        "GET",
                        "/api/v1/public/events",
                        () -> new Request("/api/v1/public/events", null, Map.of("Accept", "text/event-stream")),
                        PUBLIC),
                new Row("GET", "/api/v1/public/audit", get("/api/v1/public/audit"), PUBLIC),
                new Row("GET", "/api/v1/public/supply/history", get("/api/v1/public/supply/history"), PUBLIC),
                new Row(
                        "GET",
                        "/api/v1/accounts/{id}/holding-statement",
                        get("/api/v1/accounts/" + HB_U + "/holding-statement"),
                        Set.of("registry", "mee", "province-HB", HB_U)),
                new Row(
                        "GET",
                        "/api/v1/ledger/verify",
                        get("/api/v1/ledger/verify"),
                        Set.of("auditor", "registry", "mee")));
    }

    @Test
    void every_route_has_a_row_and_the_matrix_covers_the_whole_catalogue() {
        Set<String> served = new TreeSet<>();
        JsonObject paths = ok(c.send("GET", "/openapi.json", null, null)).json().getAsJsonObject("paths");
        paths.keySet()
                .forEach(p -> paths.getAsJsonObject(p).keySet().forEach(m -> served.add(m.toUpperCase() + " " + p)));
        Set<String> inMatrix = new TreeSet<>();
        rows().forEach(r -> inMatrix.add(r.method() + " " + r.path()));
        assertThat(inMatrix).as("a row for every route the gateway serves").isEqualTo(served);
        for (Command<?, ?> command : Catalogue.ALL) {
            if (command.route() != null) {
                assertThat(inMatrix)
                        .contains(
                                command.route().method() + " " + command.route().path());
            }
        }
    }

    @Test
    void each_identity_is_allowed_exactly_where_its_row_says_and_a_refusal_changes_nothing() throws Exception {
        Map<String, String> wrong = new LinkedHashMap<>();
        List<String> calls = new ArrayList<>();
        Map<String, Integer> allowedAnswers = new TreeMap<>();
        for (Row row : rows()) {
            for (String who : with(Set.copyOf(IDENTITIES), ANONYMOUS)) {
                Request req = row.request().get();
                long height = height();
                String credentials = credentials();
                RawHttp.Answer a = send(row.method(), req, who.equals(ANONYMOUS) ? null : "Bearer " + c.token(who));
                calls.add(row.method() + " " + row.path() + " as " + who + " -> " + a.status());
                boolean refused = a.status() == 401 || a.status() == 403;
                boolean shouldBe = !row.allowed().contains(who);
                int refusal = who.equals(ANONYMOUS) ? 401 : 403;
                if (a.status() >= 500 || refused != shouldBe || (refused && a.status() != refusal)) {
                    wrong.put(row.method() + " " + row.path() + " as " + who, a.status() + " " + a.body());
                }
                if (refused) {
                    assertUnchanged(height, credentials, row, who);
                } else {
                    allowedAnswers.merge(a.status() + " " + row.method() + " " + row.path(), 1, Integer::sum);
                }
            }
        }
        assertThat(wrong)
                .as("calls answered against the matrix (of %d)", calls.size())
                .isEmpty();
        System.out.printf(
                "authorisation matrix: %d calls by %d callers (identities and anonymous) on %d routes; allowed calls answered %s%n",
                calls.size(), IDENTITIES.size() + 1, rows().size(), allowedAnswers);
    }

    @Test
    void a_missing_unknown_or_altered_token_is_unauthenticated_everywhere_but_public_disclosure_and_changes_nothing()
            throws Exception {
        String mee = c.token("mee");
        List<String> bad = new ArrayList<>();
        bad.add(null);
        bad.add("Bearer not-a-token");
        bad.add("Bearer " + mee.toLowerCase());
        bad.add("Bearer " + mee.substring(0, mee.length() - 1));
        bad.add("Basic " + mee);
        bad.add("Bearer");
        for (Row row : rows()) {
            for (String authorization : bad) {
                if (authorization == null && row.allowed().contains(ANONYMOUS)) {
                    continue; // public disclosure: no token needed (checked in the matrix above)
                }
                Request req = row.request().get(); // may prepare state of its own (a fresh predecessor)
                long height = height();
                String credentials = credentials();
                RawHttp.Answer a = send(row.method(), req, authorization);
                assertThat(a.status())
                        .as("%s %s with %s: %s", row.method(), row.path(), authorization, a)
                        .isEqualTo(401);
                assertThat(a.headers().get("www-authenticate")).startsWith("Bearer");
                assertUnchanged(height, credentials, row, String.valueOf(authorization));
            }
        }
    }

    private RawHttp.Answer send(String method, Request req, String authorization) {
        Map<String, String> headers = new LinkedHashMap<>(req.headers());
        if (authorization != null) {
            headers.put("Authorization", authorization);
        }
        if (req.path().equals("/api/v1/events")) {
            headers.put("Connection", "close");
        }
        try (RawHttp raw = new RawHttp(c.baseUrl())) {
            RawHttp.Answer a = raw.exchange(method, req.path(), headers, req.body());
            for (int i = 0; a.status() == 429 && i < 200; i++) {
                Thread.sleep(20); // one verification at a time: wait for the turn
                a = raw.exchange(method, req.path(), headers, req.body());
            }
            return a;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void assertUnchanged(long height, String credentials, Row row, String who) {
        assertThat(height())
                .as("ledger entries after %s %s refused to %s", row.method(), row.path(), who)
                .isEqualTo(height);
        assertThat(credentials())
                .as("credentials after %s %s refused to %s", row.method(), row.path(), who)
                .isEqualTo(credentials);
    }

    private long height() {
        return c.send("GET", "/health", null, null).json().get("height").getAsLong();
    }

    private String credentials() {
        try {
            return Files.readString(IdentityStore.credentialsFile(gateway.dataDir()));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
