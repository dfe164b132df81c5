package cn.ets.registry.chaincode.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ets.registry.chaincode.json.CanonicalJson;
import cn.ets.registry.chaincode.testing.InMemoryLedger;
import cn.ets.registry.chaincode.testing.InMemoryLedger.Outcome;
import cn.ets.registry.chaincode.testing.Parties;
import cn.ets.registry.chaincode.testing.TestIdentity;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A registry on an {@link InMemoryLedger} with the commands, queries and checks the contract tests
 * share. A test class picks its registry in its own {@code @BeforeEach}:
 * <ul>
 * <li>{@link #coreRegistry()}, for the core contracts (accounts, issuance, distribution, settlement,
 * surrender, cancellation, supply): MEE and provinces HB and GD, units HB-U1, HB-U2 (HB) and GD-U1
 * (GD), institution INST-1 (admitted to the CEA market) and project owner PO-1; 10,000 t of CEA-2024 issued, 5,000 to PROVINCE-HB
 * and 2,000 to PROVINCE-GD, then 1,000 to HB-U1, 500 to HB-U2 and 300 to GD-U1;</li>
 * <li>{@link #secondPartRegistry()}, for the second part (parameters, allocation, CCER, offsets,
 * compliance close, locks, deposits): MEE, PROVINCE-HB and PROVINCE-GD; power units HB-U1, HB-U2
 * (HB) and GD-U1 (GD); steel unit HB-S1 (HB); institutions INST-1 and INST-2 (both admitted to the
 * CEA market); individual IND-1;
 * project owners PO-1 and PO-2. No units issued: each test issues what it needs ({@link #give}).</li>
 * </ul>
 * Both have the seeded vintages 2023 and 2024 and vintage 2025 as MEE publishes it: a copy of 2024
 * with its deadlines a year later (emissions 2026-08-31, surrender 2026-12-31). The clock starts at
 * {@link InMemoryLedger#DEFAULT_START} (2025-06-01), when 2024's emissions may still be recorded.
 */
abstract class LedgerScenario {
    static final TestIdentity HB_U1 = Parties.unit("HB", "HB-U1");
    static final TestIdentity HB_U2 = Parties.unit("HB", "HB-U2");
    static final TestIdentity HB_S1 = Parties.unit("HB", "HB-S1");
    static final TestIdentity GD_U1 = Parties.unit("GD", "GD-U1");
    static final TestIdentity INST_1 = Parties.registryHolder("INSTITUTION", "INST-1");
    static final TestIdentity INST_2 = Parties.registryHolder("INSTITUTION", "INST-2");
    static final TestIdentity IND_1 = Parties.registryHolder("INDIVIDUAL", "IND-1");
    static final TestIdentity PO_1 = Parties.registryHolder("PROJECT_OWNER", "PO-1");
    static final TestIdentity PO_2 = Parties.registryHolder("PROJECT_OWNER", "PO-2");

    final InMemoryLedger ledger = new InMemoryLedger();
    private int seq;

    /** The core registry: its accounts, and 10,000 t of CEA-2024 issued and handed down (see the class comment). */
    LedgerScenario coreRegistry() {
        ok(ledger.submit(
                Parties.REGISTRY,
                "admin:bootstrap",
                ctx -> new AdminContract().bootstrap(ctx, "{\"provinces\":[\"HB\",\"GD\"]}")));
        publish2025();
        ok(openAccount(
                Parties.HB,
                json("id", "HB-U1", "type", "UNIT", "name", "Wuhan Power", "province", "HB", "sector", "POWER")));
        ok(openAccount(
                Parties.HB,
                json("id", "HB-U2", "type", "UNIT", "name", "Yichang Power", "province", "HB", "sector", "POWER")));
        ok(openAccount(
                Parties.GD,
                json("id", "GD-U1", "type", "UNIT", "name", "Guangzhou Power", "province", "GD", "sector", "POWER")));
        ok(openAccount(Parties.REGISTRY, json("id", "INST-1", "type", "INSTITUTION", "name", "Carbon Fund")));
        ok(admit(Parties.REGISTRY, "INST-1", true));
        ok(openAccount(Parties.REGISTRY, json("id", "PO-1", "type", "PROJECT_OWNER", "name", "Wind Farm Co")));
        ok(issue(Parties.MEE, "CEA-2024", 10_000));
        ok(distribute(Parties.MEE, "CEA-2024", "MEE", "PROVINCE-HB", 5_000));
        ok(distribute(Parties.MEE, "CEA-2024", "MEE", "PROVINCE-GD", 2_000));
        ok(distribute(Parties.HB, "CEA-2024", "PROVINCE-HB", "HB-U1", 1_000));
        ok(distribute(Parties.HB, "CEA-2024", "PROVINCE-HB", "HB-U2", 500));
        ok(distribute(Parties.GD, "CEA-2024", "PROVINCE-GD", "GD-U1", 300));
        return this;
    }

    /** The second part's registry: its accounts, nothing issued (see the class comment). */
    LedgerScenario secondPartRegistry() {
        ok(ledger.submit(
                Parties.REGISTRY,
                "admin:bootstrap",
                ctx -> new AdminContract().bootstrap(ctx, "{\"provinces\":[\"HB\",\"GD\"]}")));
        publish2025();
        ok(openAccount(
                Parties.HB,
                json("id", "HB-U1", "type", "UNIT", "name", "Wuhan Power", "province", "HB", "sector", "POWER")));
        ok(openAccount(
                Parties.HB,
                json("id", "HB-U2", "type", "UNIT", "name", "Yichang Power", "province", "HB", "sector", "POWER")));
        ok(openAccount(
                Parties.HB,
                json("id", "HB-S1", "type", "UNIT", "name", "Wuhan Steel", "province", "HB", "sector", "STEEL")));
        ok(openAccount(
                Parties.GD,
                json("id", "GD-U1", "type", "UNIT", "name", "Guangzhou Power", "province", "GD", "sector", "POWER")));
        ok(openAccount(Parties.REGISTRY, json("id", "INST-1", "type", "INSTITUTION", "name", "Hubei Carbon Bank")));
        ok(openAccount(Parties.REGISTRY, json("id", "INST-2", "type", "INSTITUTION", "name", "Carbon Fund")));
        ok(admit(Parties.REGISTRY, "INST-1", true));
        ok(admit(Parties.REGISTRY, "INST-2", true));
        ok(openAccount(Parties.REGISTRY, json("id", "IND-1", "type", "INDIVIDUAL", "name", "Li Lei")));
        ok(openAccount(Parties.REGISTRY, json("id", "PO-1", "type", "PROJECT_OWNER", "name", "Wind Farm Co")));
        ok(openAccount(Parties.REGISTRY, json("id", "PO-2", "type", "PROJECT_OWNER", "name", "Forest Co")));
        return this;
    }

    /** MEE publishes vintage 2025: 2024's set with the deadlines a year later. */
    private void publish2025() {
        ok(publish("2025", "copyFrom", "2024", "emissionsDeadline", "2026-08-31", "surrenderDeadline", "2026-12-31"));
    }

    /** MEE publishes (or changes) a vintage's parameters: field/value pairs, {@code copyFrom} included. */
    Outcome publish(String vintage, Object... fieldValues) {
        Object[] kv = new Object[fieldValues.length + 2];
        kv[0] = "requestId";
        kv[1] = nextId("par");
        System.arraycopy(fieldValues, 0, kv, 2, fieldValues.length);
        return setParameters(Parties.MEE, vintage, json(kv));
    }

    /** Puts the ledger's clock on a Beijing calendar day (10:00 there): the next transaction runs then. */
    void today(String isoDate) {
        ledger.setClock(LocalDate.parse(isoDate)
                .atTime(10, 0)
                .atZone(ZoneId.of("Asia/Shanghai"))
                .toInstant());
    }

    /**
     * Runs a command on a Beijing calendar day, then puts the clock back: a test in 2025 records, say,
     * 2023's verified emissions when they were still due (before 2024-06-30).
     */
    Outcome on(String isoDate, Supplier<Outcome> command) {
        Instant before = ledger.now();
        today(isoDate);
        try {
            return command.get();
        } finally {
            ledger.setClock(before);
        }
    }

    // ---- core commands ----

    Outcome openAccount(TestIdentity who, String command) {
        return ledger.submit(who, "accounts:open", ctx -> new AccountsContract().open(ctx, command));
    }

    Outcome setStatus(TestIdentity who, String account, String status) {
        String command = json("status", status, "reason", "test measure");
        return ledger.submit(who, "accounts:setStatus", ctx -> new AccountsContract().setStatus(ctx, account, command));
    }

    /** Issuance by MEE. */
    Outcome issue(String product, long quantity) {
        return issue(Parties.MEE, product, quantity);
    }

    Outcome issue(TestIdentity who, String product, long quantity) {
        return issueCommand(who, json("requestId", nextId("iss"), "product", product, "quantity", quantity));
    }

    Outcome issueCommand(TestIdentity who, String command) {
        return ledger.submit(who, "issuance:issue", ctx -> new IssuanceContract().issue(ctx, command));
    }

    Outcome distribute(TestIdentity who, String product, String from, String to, long quantity) {
        return distributeCommand(
                who,
                json("requestId", nextId("dist"), "product", product, "from", from, "to", to, "quantity", quantity));
    }

    Outcome distributeCommand(TestIdentity who, String command) {
        return ledger.submit(
                who, "distribution:distribute", ctx -> new DistributionContract().distribute(ctx, command));
    }

    /** Issues {@code quantity} of a CEA product and hands it down MEE → province → unit (or just to the province). */
    void give(String product, String account, long quantity) {
        ok(issue(product, quantity));
        if (account.equals("MEE")) {
            return;
        }
        String province = account.startsWith("PROVINCE-") ? account : "PROVINCE-" + account.substring(0, 2);
        ok(distribute(Parties.MEE, product, "MEE", province, quantity));
        if (!account.equals(province)) {
            ok(distribute(province.endsWith("HB") ? Parties.HB : Parties.GD, product, province, account, quantity));
        }
    }

    /** A trade as the exchange posts it, traded on 15 December 2025. */
    static String trade(
            String tradeId, String product, String seller, String buyer, long quantity, String price, String mode) {
        return trade(tradeId, product, seller, buyer, quantity, price, mode, "2025-12-15T10:30:00+08:00");
    }

    static String trade(
            String tradeId,
            String product,
            String seller,
            String buyer,
            long quantity,
            String price,
            String mode,
            String tradedAt) {
        return json(
                "tradeId",
                tradeId,
                "product",
                product,
                "seller",
                seller,
                "buyer",
                buyer,
                "quantity",
                quantity,
                "price",
                price,
                "mode",
                mode,
                "tradedAt",
                tradedAt);
    }

    Outcome settle(TestIdentity who, String command) {
        return ledger.submit(who, "settlement:settle", ctx -> new SettlementContract().settle(ctx, command));
    }

    /** A listed trade of CEA-2024 at 88.50 on 15 December 2025, posted by {@code who}. */
    Outcome settle(TestIdentity who, String seller, String buyer, long quantity) {
        return settle(who, trade(nextId("T"), "CEA-2024", seller, buyer, quantity, "88.50", "LISTED"));
    }

    /** A listed trade posted by the exchange. */
    Outcome settle(
            String tradeId, String product, String seller, String buyer, long quantity, String price, String tradedAt) {
        return settle(Parties.EXCHANGE, trade(tradeId, product, seller, buyer, quantity, price, "LISTED", tradedAt));
    }

    /**
     * A listed trade at 88.50 posted by the exchange on 15 October 2025: outside December, so it does
     * not move the average price a compliance close fines at.
     */
    Outcome settle(String product, String seller, String buyer, long quantity) {
        return settle(nextId("T"), product, seller, buyer, quantity, "88.50", "2025-10-15T10:30:00+08:00");
    }

    Outcome recordEmissions(TestIdentity who, String unit, int year, long emissions) {
        String command = json("unitId", unit, "year", year, "verifiedEmissions", emissions);
        return ledger.submit(
                who, "compliance:recordEmissions", ctx -> new ComplianceContract().recordEmissions(ctx, command));
    }

    Outcome surrender(TestIdentity who, String unit, int year, Object... productQuantity) {
        return surrenderCommand(who, surrenderJson(nextId("sur"), unit, year, productQuantity));
    }

    static String surrenderJson(String requestId, String unit, int year, Object... productQuantity) {
        List<Map<String, Object>> items = new ArrayList<>();
        for (int i = 0; i < productQuantity.length; i += 2) {
            items.add(map("product", productQuantity[i], "quantity", productQuantity[i + 1]));
        }
        return CanonicalJson.writeMap(map("requestId", requestId, "unitId", unit, "year", year, "items", items));
    }

    Outcome surrenderCommand(TestIdentity who, String command) {
        return ledger.submit(who, "surrender:surrender", ctx -> new SurrenderContract().surrender(ctx, command));
    }

    Outcome cancel(TestIdentity who, String account, String product, long quantity) {
        return cancelCommand(
                who,
                json(
                        "requestId",
                        nextId("can"),
                        "account",
                        account,
                        "product",
                        product,
                        "quantity",
                        quantity,
                        "purpose",
                        "carbon-neutral conference",
                        "beneficiary",
                        "ETS Forum 2025"));
    }

    Outcome cancelCommand(TestIdentity who, String command) {
        return ledger.submit(who, "cancellation:cancel", ctx -> new CancellationContract().cancel(ctx, command));
    }

    // ---- parameters ----

    Outcome getParameters(TestIdentity who, String vintage) {
        return ledger.evaluate(who, "parameters:get", ctx -> new ParametersContract().get(ctx, vintage, ""));
    }

    Outcome setParameters(TestIdentity who, String vintage, String command) {
        return ledger.submit(who, "parameters:set", ctx -> new ParametersContract().set(ctx, vintage, command));
    }

    JsonObject parameters(String vintage) {
        return object(ok(getParameters(Parties.AUDITOR, vintage)));
    }

    // ---- allocation ----

    Outcome preAllocate(TestIdentity who, String unit, int year) {
        return preCommand(who, json("requestId", nextId("pre"), "unitId", unit, "year", year));
    }

    Outcome preCommand(TestIdentity who, String command) {
        return ledger.submit(who, "allocation:pre", ctx -> new AllocationContract().pre(ctx, command));
    }

    /** Final allocation of a power unit with one coal (> 300 MW, full load) facility. */
    Outcome finalisePower(TestIdentity who, String unit, int year, long electricityMWh) {
        List<Map<String, Object>> facilities = List.of(map(
                "category", "COAL_ABOVE_300MW", "electricityMWh", electricityMWh, "heatGJ", 0, "loadFactor", "0.80"));
        return finaliseCommand(
                who,
                CanonicalJson.writeMap(map(
                        "requestId",
                        nextId("fin"),
                        "unitId",
                        unit,
                        "year",
                        year,
                        "sector",
                        "POWER",
                        "facilities",
                        facilities)));
    }

    /** Final allocation of a unit by the VERIFIED_EMISSIONS method (steel in 2024): final = verified emissions. */
    Outcome finaliseSteel(TestIdentity who, String unit, int year) {
        return finaliseCommand(who, json("requestId", nextId("fin"), "unitId", unit, "year", year, "sector", "STEEL"));
    }

    Outcome finaliseCommand(TestIdentity who, String command) {
        return ledger.submit(who, "allocation:finalise", ctx -> new AllocationContract().finalise(ctx, command));
    }

    Outcome collectDebt(TestIdentity who, String unit, int year) {
        String command = json("requestId", nextId("debt"), "unitId", unit, "year", year);
        return ledger.submit(who, "allocation:collectDebt", ctx -> new AllocationContract().collectDebt(ctx, command));
    }

    JsonObject allocation(int year, String unit) {
        return object(ok(ledger.evaluate(
                Parties.AUDITOR,
                "allocation:get",
                ctx -> new AllocationContract().get(ctx, String.valueOf(year), unit))));
    }

    // ---- CCER ----

    Outcome registerProject(TestIdentity who, String id, String owner, boolean insideEtsBoundary) {
        return registerProjectCommand(
                who,
                json(
                        "id",
                        id,
                        "name",
                        "Project " + id,
                        "methodology",
                        "CCER-01-002-V01",
                        "owner",
                        owner,
                        "province",
                        "HB",
                        "insideEtsBoundary",
                        insideEtsBoundary));
    }

    Outcome registerProjectCommand(TestIdentity who, String command) {
        return ledger.submit(who, "ccer:registerProject", ctx -> new CcerContract().registerProject(ctx, command));
    }

    Outcome issueCcer(
            TestIdentity who, String projectId, String periodStart, String periodEnd, long quantity, boolean legacy) {
        return issueCcerCommand(
                who,
                json(
                        "requestId",
                        nextId("ccer"),
                        "projectId",
                        projectId,
                        "periodStart",
                        periodStart,
                        "periodEnd",
                        periodEnd,
                        "vintage",
                        periodEnd.substring(0, 4),
                        "quantity",
                        quantity,
                        "legacy",
                        legacy));
    }

    Outcome issueCcerCommand(TestIdentity who, String command) {
        return ledger.submit(who, "ccer:issue", ctx -> new CcerContract().issue(ctx, command));
    }

    JsonObject batch(String product) {
        return object(ok(
                ledger.evaluate(Parties.AUDITOR, "ccer:getBatch", ctx -> new CcerContract().getBatch(ctx, product))));
    }

    JsonObject project(String id) {
        return object(
                ok(ledger.evaluate(Parties.AUDITOR, "ccer:getProject", ctx -> new CcerContract().getProject(ctx, id))));
    }

    // ---- compliance ----

    JsonObject compliance(String unit, int year) {
        return object(ok(ledger.evaluate(
                Parties.AUDITOR,
                "compliance:get",
                ctx -> new ComplianceContract().get(ctx, String.valueOf(year), unit))));
    }

    Outcome close(TestIdentity who, int year) {
        return ledger.submit(
                who, "compliance:close", ctx -> new ComplianceContract().close(ctx, String.valueOf(year), "{}"));
    }

    JsonObject disclosure(int year) {
        return object(ok(ledger.evaluate(
                Parties.AUDITOR,
                "compliance:listYear",
                ctx -> new ComplianceContract().listYear(ctx, String.valueOf(year)))));
    }

    // ---- locks ----

    /** A pledge as its holder proposes it: loan contract, secured amount 500,000.00 yuan, maturity 2026-06-30. */
    Outcome pledge(TestIdentity who, String account, String product, long quantity, String pledgee) {
        return lockCommand(
                who,
                json(
                        "requestId",
                        nextId("lock"),
                        "account",
                        account,
                        "product",
                        product,
                        "quantity",
                        quantity,
                        "kind",
                        "PLEDGE",
                        "pledgee",
                        pledgee,
                        "reason",
                        "carbon-backed loan",
                        "contractRef",
                        "LOAN-" + nextId("c"),
                        "securedAmount",
                        "500000.00",
                        "maturity",
                        "2026-06-30"));
    }

    /** A pledge proposed by the holder and accepted by the pledgee: it holds. */
    String acceptedPledge(TestIdentity holder, String account, String product, long quantity, TestIdentity pledgee) {
        String id =
                lockId(pledge(holder, account, product, quantity, pledgee.name().substring("account-".length())));
        ok(accept(pledgee, id));
        return id;
    }

    Outcome accept(TestIdentity who, String lockId) {
        return ledger.submit(who, "locks:accept", ctx -> new LocksContract().accept(ctx, lockId, "{}"));
    }

    Outcome decline(TestIdentity who, String lockId) {
        return ledger.submit(who, "locks:decline", ctx -> new LocksContract().decline(ctx, lockId, "{}"));
    }

    Outcome registerDefault(TestIdentity who, String lockId) {
        String command = json("reason", "loan LOAN-1 unpaid at maturity");
        return ledger.submit(
                who, "locks:registerDefault", ctx -> new LocksContract().registerDefault(ctx, lockId, command));
    }

    Outcome releasePart(TestIdentity who, String lockId, long quantity) {
        String command = json("quantity", quantity);
        return ledger.submit(who, "locks:release", ctx -> new LocksContract().release(ctx, lockId, command));
    }

    Outcome enforceOnCourtOrder(TestIdentity who, String lockId, String courtOrder) {
        String command = json("courtOrder", courtOrder);
        return ledger.submit(who, "locks:enforce", ctx -> new LocksContract().enforce(ctx, lockId, command));
    }

    Outcome courtTransfer(TestIdentity who, String lockId, String to, Long quantity, String courtOrder) {
        String command = quantity == null
                ? json("requestId", nextId("ct"), "to", to, "courtOrder", courtOrder)
                : json("requestId", nextId("ct"), "to", to, "quantity", quantity, "courtOrder", courtOrder);
        return ledger.submit(
                who, "locks:courtTransfer", ctx -> new LocksContract().courtTransfer(ctx, lockId, command));
    }

    Outcome judicialFreeze(TestIdentity who, String account, String product, long quantity, String courtOrder) {
        return lockCommand(
                who,
                json(
                        "requestId",
                        nextId("lock"),
                        "account",
                        account,
                        "product",
                        product,
                        "quantity",
                        quantity,
                        "kind",
                        "FREEZE",
                        "reason",
                        "asset preservation",
                        "courtOrder",
                        courtOrder));
    }

    Outcome freeze(TestIdentity who, String account, String product, long quantity) {
        return lockCommand(
                who,
                json(
                        "requestId",
                        nextId("lock"),
                        "account",
                        account,
                        "product",
                        product,
                        "quantity",
                        quantity,
                        "kind",
                        "FREEZE",
                        "reason",
                        "court order (2025) E 0102"));
    }

    Outcome lockCommand(TestIdentity who, String command) {
        return ledger.submit(who, "locks:lock", ctx -> new LocksContract().lock(ctx, command));
    }

    Outcome release(TestIdentity who, String lockId) {
        return ledger.submit(who, "locks:release", ctx -> new LocksContract().release(ctx, lockId, "{}"));
    }

    Outcome enforce(TestIdentity who, String lockId) {
        return ledger.submit(who, "locks:enforce", ctx -> new LocksContract().enforce(ctx, lockId, "{}"));
    }

    Outcome getLock(TestIdentity who, String lockId) {
        return ledger.evaluate(who, "locks:get", ctx -> new LocksContract().get(ctx, lockId));
    }

    static String lockId(Outcome o) {
        return object(ok(o)).get("lockId").getAsString();
    }

    // ---- accounts: measures, succession, statements, search ----

    /** The registry applies a measure of 001 §45 ({@code functions}: for SUSPEND_BUSINESS and RESTRICT_FUNCTIONS). */
    Outcome applyMeasure(String account, String measure, String... functions) {
        Map<String, Object> m = map(
                "requestId",
                nextId("m"),
                "measure",
                measure,
                "reason",
                "late settlement of funds",
                "legalBasis",
                "碳排放权登记管理规则 第二十八条");
        if (functions.length > 0) {
            m.put("functions", List.of(functions));
        }
        String command = CanonicalJson.writeMap(m);
        return ledger.submit(
                Parties.REGISTRY,
                "accounts:applyMeasure",
                ctx -> new AccountsContract().applyMeasure(ctx, account, command));
    }

    Outcome liftMeasure(TestIdentity who, String account, String measureId) {
        String command = json("requestId", nextId("lift"), "reason", "corrected");
        return ledger.submit(
                who,
                "accounts:liftMeasure",
                ctx -> new AccountsContract().liftMeasure(ctx, account, measureId, command));
    }

    JsonObject measures(TestIdentity who, String account) {
        return object(
                ok(ledger.evaluate(who, "accounts:measures", ctx -> new AccountsContract().measures(ctx, account))));
    }

    Outcome succeed(TestIdentity who, String predecessor, String successor) {
        String command = json("requestId", nextId("succ"), "successor", successor, "reason", "MERGER");
        return ledger.submit(who, "accounts:succeed", ctx -> new AccountsContract().succeed(ctx, predecessor, command));
    }

    Outcome statement(TestIdentity who, String account, String from, String to) {
        return ledger.evaluate(
                who, "accounts:statement", ctx -> new AccountsContract().statement(ctx, account, from, to));
    }

    Outcome search(TestIdentity who, String province, String type, String status, String q, String year, String after) {
        return ledger.evaluate(
                who,
                "accounts:search",
                ctx -> new AccountsContract().search(ctx, province, type, status, q, year, after));
    }

    // ---- roster, risk, warnings, closing prices ----

    Outcome enlist(TestIdentity who, String unit, int year, long qualifyingEmissions) {
        String command = json(
                "requestId", nextId("ros"), "year", year, "unitId", unit, "qualifyingEmissions", qualifyingEmissions);
        return ledger.submit(who, "roster:enlist", ctx -> new RosterContract().enlist(ctx, command));
    }

    JsonObject roster(int year, String province) {
        return object(ok(ledger.evaluate(
                Parties.AUDITOR, "roster:get", ctx -> new RosterContract().get(ctx, String.valueOf(year), province))));
    }

    Outcome estimate(TestIdentity who, String unit, int year, long emissions) {
        String command = json("unitId", unit, "year", year, "verifiedEmissions", emissions, "estimated", true);
        return ledger.submit(
                who, "compliance:recordEmissions", ctx -> new ComplianceContract().recordEmissions(ctx, command));
    }

    Outcome risk(TestIdentity who, String unit, int year) {
        return ledger.evaluate(
                who, "compliance:risk", ctx -> new ComplianceContract().risk(ctx, String.valueOf(year), unit));
    }

    Outcome provinceRisk(TestIdentity who, int year, String province) {
        return ledger.evaluate(
                who,
                "compliance:provinceRisk",
                ctx -> new ComplianceContract().provinceRisk(ctx, String.valueOf(year), province));
    }

    Outcome warn(TestIdentity who, int year) {
        String command = json("requestId", nextId("warn"));
        return ledger.submit(
                who, "compliance:warn", ctx -> new ComplianceContract().warn(ctx, String.valueOf(year), command));
    }

    Outcome postClose(TestIdentity who, String product, String date, String price) {
        String command = json("product", product, "date", date, "price", price);
        return ledger.submit(who, "prices:postClose", ctx -> new PricesContract().postClose(ctx, command));
    }

    // ---- deposits ----

    Outcome deposit(TestIdentity who, String unit, String month, String sha256, String sm3) {
        return depositCommand(who, json("unitId", unit, "month", month, "sha256", sha256, "sm3", sm3));
    }

    Outcome depositCommand(TestIdentity who, String command) {
        return ledger.submit(who, "deposits:deposit", ctx -> new DepositsContract().deposit(ctx, command));
    }

    Outcome getDeposit(TestIdentity who, String unit, String month, String sha256) {
        return ledger.evaluate(who, "deposits:get", ctx -> new DepositsContract().get(ctx, unit, month, sha256));
    }

    // ---- settlement with the bank ----

    /** The bank records a funds account for each holder. */
    void fundsAccounts(String... accounts) {
        for (String a : accounts) {
            ok(setFundsAccount(Parties.BANK, a, "BANK-" + a));
        }
    }

    Outcome setFundsAccount(TestIdentity who, String account, String reference) {
        String command = json("requestId", nextId("fa"), "reference", reference);
        return ledger.submit(
                who, "dvp:setFundsAccount", ctx -> new DvpContract().setFundsAccount(ctx, account, command));
    }

    Outcome admit(TestIdentity who, String account, boolean admitted) {
        String command = json("requestId", nextId("adm"), "admitted", admitted, "reason", "admitted by rule");
        return ledger.submit(who, "dvp:admit", ctx -> new DvpContract().admit(ctx, account, command));
    }

    Outcome postDvpCommand(TestIdentity who, String command) {
        return ledger.submit(who, "dvp:post", ctx -> new DvpContract().post(ctx, command));
    }

    /** A listed DvP trade posted by the exchange, traded {@code tradedAt}, optionally from a reservation. */
    Outcome postDvp(
            String tradeId,
            String product,
            String seller,
            String buyer,
            long quantity,
            String price,
            String tradedAt,
            String reservationId) {
        JsonObject c = object(trade(tradeId, product, seller, buyer, quantity, price, "LISTED", tradedAt));
        if (reservationId != null) {
            c.addProperty("reservationId", reservationId);
        }
        return postDvpCommand(Parties.EXCHANGE, c.toString());
    }

    Outcome confirm(TestIdentity who, String tradeId, String requestId, String fundsRef) {
        String command = json("requestId", requestId, "fundsRef", fundsRef);
        return ledger.submit(who, "dvp:confirm", ctx -> new DvpContract().confirm(ctx, tradeId, command));
    }

    Outcome refuse(TestIdentity who, String tradeId, String requestId, String reason) {
        String command = json("requestId", requestId, "reason", reason);
        return ledger.submit(who, "dvp:refuse", ctx -> new DvpContract().refuse(ctx, tradeId, command));
    }

    Outcome cutOff(TestIdentity who, String requestId, String day) {
        String command = json("requestId", requestId, "day", day);
        return ledger.submit(who, "dvp:cutOff", ctx -> new DvpContract().cutOff(ctx, command));
    }

    Outcome getDvp(TestIdentity who, String tradeId) {
        return ledger.evaluate(who, "dvp:get", ctx -> new DvpContract().get(ctx, tradeId));
    }

    Outcome reserve(TestIdentity who, String reservationId, String account, String product, long quantity) {
        String command = json(
                "reservationId",
                reservationId,
                "account",
                account,
                "product",
                product,
                "quantity",
                quantity,
                "orderRef",
                "ORD-" + reservationId);
        return ledger.submit(who, "dvp:reserve", ctx -> new DvpContract().reserve(ctx, command));
    }

    Outcome reduceReservation(TestIdentity who, String reservationId, String requestId, Long quantity) {
        String command =
                quantity == null ? json("requestId", requestId) : json("requestId", requestId, "quantity", quantity);
        return ledger.submit(
                who, "dvp:reduceReservation", ctx -> new DvpContract().reduceReservation(ctx, reservationId, command));
    }

    Outcome getReservation(TestIdentity who, String reservationId) {
        return ledger.evaluate(who, "dvp:getReservation", ctx -> new DvpContract().getReservation(ctx, reservationId));
    }

    Outcome position(TestIdentity who, String account) {
        return ledger.evaluate(who, "dvp:position", ctx -> new DvpContract().position(ctx, account));
    }

    Outcome statement(TestIdentity who, String day) {
        return ledger.evaluate(who, "dvp:statement", ctx -> new DvpContract().statement(ctx, day));
    }

    Outcome reconcile(TestIdentity who, String day, String command) {
        return ledger.submit(who, "dvp:reconcile", ctx -> new DvpContract().reconcile(ctx, day, command));
    }

    Outcome requestReversal(TestIdentity who, String requestId, String tradeId, String reason) {
        String command = json("requestId", requestId, "tradeId", tradeId, "reason", reason);
        return ledger.submit(who, "dvp:requestReversal", ctx -> new DvpContract().requestReversal(ctx, command));
    }

    Outcome approveReversal(TestIdentity who, String tradeId, String requestId) {
        String command = json("requestId", requestId);
        return ledger.submit(
                who, "dvp:approveReversal", ctx -> new DvpContract().approveReversal(ctx, tradeId, command));
    }

    Outcome refuseReversal(TestIdentity who, String tradeId, String requestId, String reason) {
        String command = json("requestId", requestId, "reason", reason);
        return ledger.submit(who, "dvp:refuseReversal", ctx -> new DvpContract().refuseReversal(ctx, tradeId, command));
    }

    Outcome getReversal(TestIdentity who, String tradeId) {
        return ledger.evaluate(who, "dvp:getReversal", ctx -> new DvpContract().getReversal(ctx, tradeId));
    }

    // ---- queries ----

    JsonObject accountView(String account) {
        return object(
                ok(ledger.evaluate(Parties.REGISTRY, "accounts:get", ctx -> new AccountsContract().get(ctx, account))));
    }

    long quantity(String account, String product) {
        JsonObject h = holding(account, product);
        return h == null ? 0 : h.get("quantity").getAsLong();
    }

    long locked(String account, String product) {
        JsonObject h = holding(account, product);
        return h == null ? 0 : h.get("locked").getAsLong();
    }

    private JsonObject holding(String account, String product) {
        for (JsonElement h : accountView(account).getAsJsonArray("holdings")) {
            if (h.getAsJsonObject().get("product").getAsString().equals(product)) {
                return h.getAsJsonObject();
            }
        }
        return null;
    }

    String status(String account) {
        return accountView(account).get("status").getAsString();
    }

    /** The supply row of a product: issued, held, locked, surrendered, cancelled, balanced; there must be one. */
    JsonObject supply(String product) {
        return supplyRow(product).orElseThrow(() -> new AssertionError("no supply row for " + product));
    }

    /** The supply row of a product, all zero when the product was never issued. */
    JsonObject supplyOrZero(String product) {
        return supplyRow(product)
                .orElseGet(() -> object(json(
                        "product",
                        product,
                        "issued",
                        0,
                        "held",
                        0,
                        "locked",
                        0,
                        "surrendered",
                        0,
                        "cancelled",
                        0,
                        "balanced",
                        true)));
    }

    private Optional<JsonObject> supplyRow(String product) {
        JsonObject s = object(ok(ledger.evaluate(Parties.AUDITOR, "supply:get", ctx -> new SupplyContract().get(ctx))));
        for (JsonElement p : s.getAsJsonArray("products")) {
            if (p.getAsJsonObject().get("product").getAsString().equals(product)) {
                return Optional.of(p.getAsJsonObject());
            }
        }
        return Optional.empty();
    }

    JsonObject audit() {
        return object(ok(ledger.evaluate(Parties.AUDITOR, "supply:audit", ctx -> new SupplyContract().audit(ctx))));
    }

    // ---- assertions ----

    static String ok(Outcome o) {
        assertThat(o.ok()).as("expected success, got %s", o).isTrue();
        return o.payload();
    }

    /** The command is refused with {@code code}, and world state and the event stream are exactly as before. */
    Outcome assertRejectedWithoutWrites(String code, Supplier<Outcome> command) {
        Map<String, String> before = ledger.snapshot();
        int events = ledger.events().size();
        Outcome o = command.get();
        assertThat(o.code()).as("outcome %s", o).isEqualTo(code);
        assertThat(ledger.snapshot())
                .as("world state after a rejected transaction")
                .isEqualTo(before);
        assertThat(ledger.events()).as("events after a rejected transaction").hasSize(events);
        return o;
    }

    /** Every product: issued = held + locked + surrendered + cancelled, and the holdings recount matches the counters. */
    void assertSupplyBalanced() {
        JsonObject audit = audit();
        assertThat(audit.get("balanced").getAsBoolean()).as("audit %s", audit).isTrue();
        for (JsonElement e : audit.getAsJsonArray("products")) {
            JsonObject p = e.getAsJsonObject();
            long issued = p.get("issued").getAsLong();
            long sum = p.get("held").getAsLong()
                    + p.get("locked").getAsLong()
                    + p.get("surrendered").getAsLong()
                    + p.get("cancelled").getAsLong();
            assertThat(sum)
                    .as("issued = held + locked + surrendered + cancelled for %s", p)
                    .isEqualTo(issued);
            assertThat(p.get("holdingsQuantity").getAsLong())
                    .as("holdings recount of %s", p)
                    .isEqualTo(p.get("held").getAsLong() + p.get("locked").getAsLong());
            assertThat(p.get("holdingsLocked").getAsLong())
                    .as("locked recount of %s", p)
                    .isEqualTo(p.get("locked").getAsLong());
        }
    }

    // ---- helpers ----

    String nextId(String prefix) {
        return prefix + "-" + (++seq);
    }

    static JsonObject object(String json) {
        return JsonParser.parseString(json).getAsJsonObject();
    }

    static JsonArray array(JsonObject o, String field) {
        return o.getAsJsonArray(field);
    }

    static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    static String json(Object... kv) {
        return CanonicalJson.writeMap(map(kv));
    }
}
