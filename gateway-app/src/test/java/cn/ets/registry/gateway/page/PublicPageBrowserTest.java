package cn.ets.registry.gateway.page;

import static cn.ets.registry.gateway.testing.HttpAssertions.created;
import static cn.ets.registry.gateway.testing.HttpAssertions.ok;
import static org.assertj.core.api.Assertions.assertThat;

import cn.ets.registry.gateway.e2e.FullCycleScenario;
import cn.ets.registry.gateway.testing.CcerBatches;
import cn.ets.registry.gateway.testing.EmbeddedGateway;
import cn.ets.registry.gateway.testing.Json;
import cn.ets.registry.gateway.testing.RegistryClient;
import cn.ets.registry.gateway.testing.RegistryClient.Response;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The public page in a real browser (Debian's chromium, headless, driven through the DevTools
 * protocol): on an embedded gateway whose ledger holds the end-to-end suite's compliance cycle plus
 * a second province, an individual and their cancellations, and whose own audit passed, the page
 * loads with no console error, uncaught exception, failed or refused request; every figure it shows
 * equals the figure this test computes from the same anonymous JSON the page reads (supply per
 * product and its history, each year's per-province compliance, cancellations, the audit); the
 * language switch changes every heading and is remembered; a screenshot is saved. A missing
 * chromium fails the test (run scripts/install-chromium.sh), it is never skipped.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PublicPageBrowserTest {
    static final List<String> HEADINGS_EN = List.of(
            "National carbon market registry",
            "Supply per product",
            "Compliance per province and year",
            "Voluntary cancellations",
            "The last audit",
            "Run the audit yourself");
    static final List<String> HEADINGS_ZH =
            List.of("全国碳排放权注册登记系统", "各产品供应量", "各省份履约情况（按年度）", "自愿注销", "最近一次审计", "自己运行审计");
    static final String INDIVIDUAL_NAME = "Zhang San 张三";
    static final String INDIVIDUAL = "IND-PAGE-1";
    static final Path TARGET = Path.of("target").toAbsolutePath();

    @TempDir
    static Path data;

    private static EmbeddedGateway gateway;
    private static RegistryClient api;
    private static Chromium browser;
    private static String base;
    private static final long started = System.nanoTime();

    @BeforeAll
    static void a_ledger_with_a_closed_year_two_provinces_and_cancellations_and_a_browser() throws Exception {
        Path binary = Chromium.binary(); // fails (never skips) without chromium
        gateway = EmbeddedGateway.start(data, false);
        api = gateway.client();
        base = api.baseUrl();
        new FullCycleScenario(api).run();
        guangdongAndAnIndividual();
        awaitPassedAudit(Duration.ofSeconds(180));
        Path profile = Files.createTempDirectory("public-page-chromium-");
        Files.createDirectories(TARGET);
        browser = Chromium.start(binary, profile, TARGET.resolve("public-page-chromium.log"), "en-US", 1280, 900);
        System.out.printf("[page test] ledger and browser ready in %d s%n", seconds());
    }

    @AfterAll
    static void stop() {
        try {
            if (browser != null) {
                browser.close();
            }
        } finally {
            if (gateway != null) {
                gateway.close();
            }
            System.out.printf("[page test] done in %d s%n", seconds());
        }
    }

    private static long seconds() {
        return Duration.ofNanos(System.nanoTime() - started).toSeconds();
    }

    @Test
    @Order(1)
    void the_page_loads_with_no_error_and_shows_every_figure_as_the_api_answers_it() {
        browser.navigate(base + "/");
        awaitLoaded();
        assertThat(headings()).as("navigator.language en-US: English").isEqualTo(HEADINGS_EN);
        assertThat(browser.evaluate("document.querySelectorAll('[data-unavailable]').length")
                        .getAsInt())
                .as("no section says unavailable")
                .isZero();
        Expected e = expected();
        assertFigures(figures(), e.all());
        assertThat(e.all())
                .as("the test knows figures of every section")
                .containsKeys("history.lastBlock", "cancellations.count", "audit.status", "audit.lastBlock")
                .as("a standing pledge: circulating is held + locked")
                .containsEntry("supply.CEA-2025.locked", "2000");
        String text = browser.evaluate("document.body.innerText").getAsString();
        assertThat(text).as("an individual is never named").doesNotContain(INDIVIDUAL_NAME, INDIVIDUAL);
        assertThat(browser.requested())
                .as("nothing but this origin")
                .isNotEmpty()
                .allMatch(u -> u.startsWith(base + "/") || u.startsWith("about:"));
        assertThat(browser.problems())
                .as("console errors, exceptions, failed requests")
                .isEmpty();
    }

    @Test
    @Order(2)
    void each_compliance_year_shows_the_per_province_aggregates_of_the_api() {
        Expected e = expected();
        assertThat(e.years).as("years with compliance data").containsExactly(2023, 2024, 2025);
        for (int year : e.years) {
            browser.evaluate("(() => { const s = document.getElementById('year-select'); s.value = '" + year
                    + "'; s.dispatchEvent(new Event('change')); })()");
            browser.waitFor(
                    "!!document.querySelector('#compliance-table table[data-year=\"" + year + "\"]')",
                    JsonElement::getAsBoolean,
                    Duration.ofSeconds(30));
            Map<String, Figure> shown = figures();
            Map<String, String> mine = e.compliance.get(year);
            assertFigures(shown, mine);
            assertThat(shown.keySet().stream().filter(k -> k.startsWith("compliance." + year + ".")))
                    .as("no province or figure the API does not have")
                    .containsExactlyInAnyOrderElementsOf(mine.keySet());
        }
        assertThat(e.compliance.get(2024))
                .as("the closed year")
                .containsEntry("compliance.2024.HB.shortfallUnits", "1");
        assertThat(e.compliance.get(2025))
                .as("two provinces and their total")
                .containsEntry("compliance.2025.GD.units", "2")
                .containsEntry("compliance.2025.GD.compliantUnits", "1")
                .containsKey("compliance.2025.total.obligation");
        assertThat(browser.problems()).isEmpty();
    }

    @Test
    @Order(3)
    void switching_language_changes_every_heading_and_is_remembered() {
        browser.click(".lang button[data-lang='zh']");
        assertThat(headings()).isEqualTo(HEADINGS_ZH);
        assertThat(browser.evaluate("document.documentElement.lang").getAsString())
                .isEqualTo("zh-CN");
        assertFigures(figures(), expected().all());
        assertThat(browser.evaluate(
                                "[...document.querySelectorAll('[data-figure^=\"cancellation.\"][data-figure$=\".account\"]')]"
                                        + ".filter(e => e.dataset.value === 'INDIVIDUAL').map(e => e.textContent)")
                        .getAsJsonArray())
                .as("an individual's cancellation shows 个人 in place of the account")
                .isNotEmpty()
                .allMatch(v -> v.getAsString().equals("个人"));

        browser.reload();
        awaitLoaded();
        assertThat(headings()).as("remembered across a reload").isEqualTo(HEADINGS_ZH);
        browser.screenshot(TARGET.resolve("public-page-zh.png"));

        browser.click(".lang button[data-lang='en']");
        assertThat(headings()).isEqualTo(HEADINGS_EN);
        assertThat(browser.evaluate("document.documentElement.lang").getAsString())
                .isEqualTo("en");
        assertThat(browser.problems()).isEmpty();
    }

    @Test
    @Order(4)
    void with_no_choice_made_the_browsers_language_decides() {
        browser.evaluate("localStorage.clear()");
        browser.acceptLanguage("zh-CN,zh");
        browser.reload();
        awaitLoaded();
        assertThat(headings()).as("navigator.language zh-CN").isEqualTo(HEADINGS_ZH);
        browser.acceptLanguage("en-US,en");
        browser.reload();
        awaitLoaded();
        assertThat(headings()).as("navigator.language en-US").isEqualTo(HEADINGS_EN);
        assertThat(browser.problems()).isEmpty();
    }

    @Test
    @Order(5)
    void a_screenshot_of_the_whole_page_is_saved() throws IOException {
        Path png = TARGET.resolve("public-page.png");
        Files.deleteIfExists(png);
        browser.screenshot(png);
        byte[] bytes = Files.readAllBytes(png);
        assertThat(bytes.length).isGreaterThan(20_000);
        assertThat(new String(bytes, 1, 3, StandardCharsets.US_ASCII)).isEqualTo("PNG");
        System.out.printf("[page test] screenshot: %s (%d bytes)%n", png, bytes.length);
        assertThat(browser.problems()).isEmpty();
    }

    // ---- the ledger ----

    /** A second province with one compliant and one open unit in 2025, a standing pledge, an individual and two cancellations. */
    private static void guangdongAndAnIndividual() {
        created(api.post(
                "mee",
                "/api/v1/distributions",
                Json.obj(
                        "requestId",
                        "page-d-gd",
                        "product",
                        "CEA-2025",
                        "from",
                        "MEE",
                        "to",
                        "PROVINCE-GD",
                        "quantity",
                        200_000)));
        open("province-GD", "GD-PAGE-A", "UNIT", "GD", "CEMENT", "Guangzhou Cement A");
        open("province-GD", "GD-PAGE-B", "UNIT", "GD", "POWER", "Shenzhen Power B");
        open("registry", INDIVIDUAL, "INDIVIDUAL", null, null, INDIVIDUAL_NAME);
        open("registry", "BANK-PAGE", "INSTITUTION", null, null, "Bank of Guangzhou");
        distribute("GD-PAGE-A", 80_000);
        distribute("GD-PAGE-B", 30_000);
        emissions("GD-PAGE-A", 60_000);
        emissions("GD-PAGE-B", 45_000);
        surrender("GD-PAGE-A", 60_000);
        surrender("GD-PAGE-B", 15_000);
        // a pledge that stays: locked units count in circulation (held + locked)
        created(api.post(
                "GD-PAGE-A",
                "/api/v1/locks",
                Json.obj(
                        "requestId",
                        "page-lock",
                        "account",
                        "GD-PAGE-A",
                        "product",
                        "CEA-2025",
                        "quantity",
                        2_000,
                        "kind",
                        "PLEDGE",
                        "pledgee",
                        "BANK-PAGE",
                        "reason",
                        "loan GZ-2025-7",
                        "contractRef",
                        "GZ-2025-7",
                        "securedAmount",
                        "150000",
                        "maturity",
                        "2027-06-30")));
        // an individual trades CCER only (003 §2.2.6): it buys from a project owner's first batch
        open("registry", "PO-PAGE", "PROJECT_OWNER", null, null, "Guangdong Forest Co");
        String ccer = CcerBatches.issue(api, "CCER-PAGE-1", "PO-PAGE", "GD", 500);
        Response trade = api.post(
                "exchange",
                "/api/v1/settlements",
                Json.obj(
                        "tradeId",
                        "page-T-ind",
                        "product",
                        ccer,
                        "seller",
                        "PO-PAGE",
                        "buyer",
                        INDIVIDUAL,
                        "quantity",
                        500,
                        "price",
                        "60.00",
                        "mode",
                        "LISTED",
                        "tradedAt",
                        "2025-12-15T10:00:00+08:00"));
        created(trade);
        created(api.post(
                INDIVIDUAL,
                "/api/v1/cancellations",
                Json.obj(
                        "requestId",
                        "page-cx-ind",
                        "account",
                        INDIVIDUAL,
                        "product",
                        ccer,
                        "quantity",
                        200,
                        "purpose",
                        "个人碳中和 personal carbon neutrality 2025")));
        created(api.post(
                "GD-PAGE-A",
                "/api/v1/cancellations",
                Json.obj(
                        "requestId",
                        "page-cx-gd",
                        "account",
                        "GD-PAGE-A",
                        "product",
                        "CEA-2025",
                        "quantity",
                        1_000,
                        "purpose",
                        "Canton Fair 2025 carbon-neutral",
                        "beneficiary",
                        "China Import and Export Fair")));
    }

    private static void open(String opener, String id, String type, String province, String sector, String name) {
        JsonObject body = Json.obj("id", id, "type", type, "name", name);
        if (province != null) {
            body.addProperty("province", province);
            body.addProperty("sector", sector);
        }
        Response r = created(api.post(opener, "/api/v1/accounts", body));
        api.addIdentity(id, r.str("token"));
    }

    private static void distribute(String unit, long q) {
        created(api.post(
                "province-GD",
                "/api/v1/distributions",
                Json.obj(
                        "requestId",
                        "page-d-" + unit,
                        "product",
                        "CEA-2025",
                        "from",
                        "PROVINCE-GD",
                        "to",
                        unit,
                        "quantity",
                        q)));
    }

    private static void emissions(String unit, long t) {
        created(api.post(
                "province-GD", "/api/v1/emissions", Json.obj("unitId", unit, "year", 2025, "verifiedEmissions", t)));
    }

    private static void surrender(String unit, long q) {
        created(api.post(
                unit,
                "/api/v1/surrenders",
                Json.obj(
                        "requestId",
                        "page-s-" + unit,
                        "unitId",
                        unit,
                        "year",
                        2025,
                        "items",
                        List.of(Map.of("product", "CEA-2025", "quantity", q)))));
    }

    /** The gateway's own audit, as the public sees it: PASSED, and covering every entry of the ledger's log. */
    private static void awaitPassedAudit(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        long height = ((Number) gateway.registry().ledger().health().get("height")).longValue();
        Response last = null;
        while (System.nanoTime() < deadline) {
            last = api.send("GET", "/api/v1/public/audit", null, null);
            if (last.status() == 200) {
                JsonObject a = last.json();
                String status = a.get("status").getAsString();
                assertThat(status).as("the gateway's own audit: %s", last).isNotEqualTo("FAILED");
                if (status.equals("PASSED") && a.get("blocks").getAsLong() >= height) {
                    return;
                }
            }
            Thread.sleep(250);
        }
        throw new AssertionError("the gateway's audit did not pass up to block " + height + " in " + timeout.toSeconds()
                + " s; last answer " + last);
    }

    // ---- what the page shows, and what it should ----

    record Figure(String value, String text) {}

    private void awaitLoaded() {
        browser.waitFor(
                "document.body.getAttribute('data-loaded') === 'true'",
                JsonElement::getAsBoolean,
                Duration.ofSeconds(60));
    }

    private List<String> headings() {
        List<String> out = new ArrayList<>();
        browser.evaluate("[...document.querySelectorAll('h1, main h2')].map(h => h.textContent.trim())")
                .getAsJsonArray()
                .forEach(h -> out.add(h.getAsString()));
        return out;
    }

    private Map<String, Figure> figures() {
        JsonArray all = browser.evaluate("[...document.querySelectorAll('[data-figure]')]"
                        + ".map(e => [e.getAttribute('data-figure'), e.getAttribute('data-value'), e.textContent])")
                .getAsJsonArray();
        Map<String, Figure> out = new TreeMap<>();
        for (JsonElement f : all) {
            JsonArray a = f.getAsJsonArray();
            String name = a.get(0).getAsString();
            Figure prev = out.put(
                    name,
                    new Figure(
                            a.get(1).isJsonNull() ? null : a.get(1).getAsString(),
                            a.get(2).getAsString()));
            assertThat(prev).as("figure %s appears once", name).isNull();
        }
        return out;
    }

    /** Each expected figure is on the page with the API's value; a number is shown as that number (grouped). */
    private static void assertFigures(Map<String, Figure> shown, Map<String, String> expected) {
        List<String> wrong = new ArrayList<>();
        expected.forEach((name, value) -> {
            Figure f = shown.get(name);
            if (f == null) {
                wrong.add(name + ": not on the page (expected " + value + ")");
            } else if (!Objects.equals(f.value(), value)) {
                wrong.add(name + ": data-value " + f.value() + ", the API says " + value);
            } else if (value.matches("-?\\d+")
                    && !f.text().replaceAll("[,\\s\u00a0\u202f]", "").equals(value)) {
                wrong.add(name + ": shows '" + f.text() + "', the API says " + value);
            } else if (f.text().isBlank()) {
                wrong.add(name + ": shown empty");
            }
        });
        assertThat(wrong).as("figures that differ from the API's").isEmpty();
    }

    /** What the page must show, computed here from the API's own JSON, read anonymously as the page does. */
    static final class Expected {
        final Map<String, String> other = new TreeMap<>();
        final Map<Integer, Map<String, String>> compliance = new TreeMap<>();
        final List<Integer> years = new ArrayList<>();

        /** Everything but the compliance of years other than the latest (the page shows one year at a time). */
        Map<String, String> all() {
            Map<String, String> out = new TreeMap<>(other);
            if (!years.isEmpty()) {
                out.putAll(compliance.get(years.get(years.size() - 1)));
            }
            return out;
        }
    }

    private static JsonObject anon(String path) {
        return ok(api.send("GET", path, null, null)).json();
    }

    private static Expected expected() {
        Expected e = new Expected();
        for (JsonElement el : anon("/api/v1/supply").getAsJsonArray("products")) {
            JsonObject p = el.getAsJsonObject();
            String n = "supply." + p.get("product").getAsString() + ".";
            for (String k : List.of("issued", "held", "locked", "surrendered", "cancelled")) {
                e.other.put(n + k, Long.toString(p.get(k).getAsLong()));
            }
            e.other.put(
                    n + "circulating",
                    Long.toString(p.get("held").getAsLong() + p.get("locked").getAsLong()));
            e.other.put(n + "balanced", Boolean.toString(p.get("balanced").getAsBoolean()));
        }
        JsonObject history = anon("/api/v1/public/supply/history");
        e.other.put("history.lastBlock", Long.toString(history.get("lastBlock").getAsLong()));
        Map<String, Long> points = new TreeMap<>();
        for (JsonElement el : history.getAsJsonArray("points")) {
            points.merge(el.getAsJsonObject().get("product").getAsString(), 1L, Long::sum);
        }
        points.forEach((p, n) -> e.other.put("supply.history." + p + ".points", Long.toString(n)));

        JsonArray cancellations = anon("/api/v1/cancellations").getAsJsonArray("cancellations");
        e.other.put("cancellations.count", Integer.toString(cancellations.size()));
        Map<String, Long> cancelled = new TreeMap<>();
        for (JsonElement el : cancellations) {
            JsonObject c = el.getAsJsonObject();
            long q = c.get("quantity").getAsLong();
            cancelled.merge(c.get("product").getAsString(), q, Long::sum);
            String n = "cancellation." + c.get("requestId").getAsString() + ".";
            e.other.put(n + "quantity", Long.toString(q));
            boolean individual = !c.has("account")
                    || c.get("account").isJsonNull()
                    || (c.has("holder") && c.get("holder").getAsString().equals("INDIVIDUAL"));
            e.other.put(
                    n + "account", individual ? "INDIVIDUAL" : c.get("account").getAsString());
        }
        cancelled.forEach((p, q) -> e.other.put("cancellations." + p + ".quantity", Long.toString(q)));

        JsonObject audit = anon("/api/v1/public/audit");
        for (String k : List.of("lastBlock", "blocks", "transactions", "findings")) {
            e.other.put("audit." + k, Long.toString(audit.get(k).getAsLong()));
        }
        e.other.put("audit.status", audit.get("status").getAsString());
        e.other.put("audit.ledger", audit.get("ledger").getAsString());

        for (JsonElement y : anon("/api/v1/public/years").getAsJsonArray("years")) {
            int year = y.getAsInt();
            e.years.add(year);
            e.compliance.put(year, complianceFigures(year, anon("/api/v1/compliance/" + year)));
        }
        return e;
    }

    /** Per province (and in total when there are several): units, by status, and the sums of tonnes. */
    private static Map<String, String> complianceFigures(int year, JsonObject disclosure) {
        Map<String, long[]> by = new TreeMap<>();
        Map<String, Map<String, Long>> others = new TreeMap<>();
        for (JsonElement el : disclosure.getAsJsonArray("units")) {
            JsonObject u = el.getAsJsonObject();
            String province = u.has("province") && !u.get("province").isJsonNull()
                    ? u.get("province").getAsString()
                    : "?";
            for (String key : List.of(province, "total")) {
                long[] a = by.computeIfAbsent(key, k -> new long[7]);
                a[0]++;
                switch (u.get("status").getAsString()) {
                    case "COMPLIANT" -> a[1]++;
                    case "SHORTFALL" -> a[2]++;
                    case "OPEN" -> a[3]++;
                    default ->
                        others.computeIfAbsent(key, k -> new TreeMap<>())
                                .merge(u.get("status").getAsString(), 1L, Long::sum);
                }
                a[4] += u.get("obligation").getAsLong();
                a[5] += u.get("surrendered").getAsLong();
                a[6] += u.get("offsetUsed").getAsLong();
            }
        }
        if (by.size() == 2) {
            by.remove("total"); // one province: its row is the total
            others.remove("total");
        }
        Map<String, String> out = new TreeMap<>();
        String[] names = {
            "units", "compliantUnits", "shortfallUnits", "openUnits", "obligation", "surrendered", "offsetUsed"
        };
        by.forEach((key, a) -> {
            for (int i = 0; i < names.length; i++) {
                out.put("compliance." + year + "." + key + "." + names[i], Long.toString(a[i]));
            }
        });
        others.forEach((key, m) -> m.forEach(
                (status, n) -> out.put("compliance." + year + "." + key + ".other." + status, Long.toString(n))));
        return out;
    }
}
