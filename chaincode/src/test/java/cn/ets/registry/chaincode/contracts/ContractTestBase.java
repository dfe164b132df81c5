package cn.ets.registry.chaincode.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ets.registry.chaincode.json.CanonicalJson;
import cn.ets.registry.chaincode.testing.InMemoryLedger;
import cn.ets.registry.chaincode.testing.InMemoryLedger.Outcome;
import cn.ets.registry.chaincode.testing.Parties;
import cn.ets.registry.chaincode.testing.TestIdentity;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;

/**
 * A small registry on the in-memory ledger: MEE and provinces HB and GD bootstrapped, units HB-U1,
 * HB-U2 (HB) and GD-U1 (GD), institution INST-1 and project owner PO-1; 10,000 t of CEA-2024 issued,
 * 5,000 to PROVINCE-HB and 2,000 to PROVINCE-GD, then 1,000 to HB-U1, 500 to HB-U2 and 300 to GD-U1.
 */
abstract class ContractTestBase {
    static final TestIdentity HB_U1 = Parties.unit("HB", "HB-U1");
    static final TestIdentity HB_U2 = Parties.unit("HB", "HB-U2");
    static final TestIdentity GD_U1 = Parties.unit("GD", "GD-U1");
    static final TestIdentity INST_1 = Parties.registryHolder("INSTITUTION", "INST-1");
    static final TestIdentity PO_1 = Parties.registryHolder("PROJECT_OWNER", "PO-1");

    final InMemoryLedger ledger = new InMemoryLedger();
    private int seq;

    @BeforeEach
    void setUpRegistry() {
        ok(ledger.submit(Parties.REGISTRY, "admin:bootstrap", ctx -> new AdminContract().bootstrap(ctx, "{\"provinces\":[\"HB\",\"GD\"]}")));
        ok(openAccount(Parties.HB, json("id", "HB-U1", "type", "UNIT", "name", "Wuhan Power", "province", "HB", "sector", "POWER")));
        ok(openAccount(Parties.HB, json("id", "HB-U2", "type", "UNIT", "name", "Yichang Power", "province", "HB", "sector", "POWER")));
        ok(openAccount(Parties.GD, json("id", "GD-U1", "type", "UNIT", "name", "Guangzhou Power", "province", "GD", "sector", "POWER")));
        ok(openAccount(Parties.REGISTRY, json("id", "INST-1", "type", "INSTITUTION", "name", "Carbon Fund")));
        ok(openAccount(Parties.REGISTRY, json("id", "PO-1", "type", "PROJECT_OWNER", "name", "Wind Farm Co")));
        ok(issue(Parties.MEE, "CEA-2024", 10_000));
        ok(distribute(Parties.MEE, "CEA-2024", "MEE", "PROVINCE-HB", 5_000));
        ok(distribute(Parties.MEE, "CEA-2024", "MEE", "PROVINCE-GD", 2_000));
        ok(distribute(Parties.HB, "CEA-2024", "PROVINCE-HB", "HB-U1", 1_000));
        ok(distribute(Parties.HB, "CEA-2024", "PROVINCE-HB", "HB-U2", 500));
        ok(distribute(Parties.GD, "CEA-2024", "PROVINCE-GD", "GD-U1", 300));
    }

    // ---- commands ----

    Outcome openAccount(TestIdentity who, String command) {
        return ledger.submit(who, "accounts:open", ctx -> new AccountsContract().open(ctx, command));
    }

    Outcome setStatus(TestIdentity who, String account, String status) {
        String command = json("status", status, "reason", "test measure");
        return ledger.submit(who, "accounts:setStatus", ctx -> new AccountsContract().setStatus(ctx, account, command));
    }

    Outcome issue(TestIdentity who, String product, long quantity) {
        return issueCommand(who, json("requestId", nextId("iss"), "product", product, "quantity", quantity));
    }

    Outcome issueCommand(TestIdentity who, String command) {
        return ledger.submit(who, "issuance:issue", ctx -> new IssuanceContract().issue(ctx, command));
    }

    Outcome distribute(TestIdentity who, String product, String from, String to, long quantity) {
        return distributeCommand(who, json("requestId", nextId("dist"), "product", product, "from", from, "to", to, "quantity", quantity));
    }

    Outcome distributeCommand(TestIdentity who, String command) {
        return ledger.submit(who, "distribution:distribute", ctx -> new DistributionContract().distribute(ctx, command));
    }

    static String trade(String tradeId, String product, String seller, String buyer, long quantity, String price, String mode) {
        return json("tradeId", tradeId, "product", product, "seller", seller, "buyer", buyer, "quantity", quantity,
                "price", price, "mode", mode, "tradedAt", "2025-12-15T10:30:00+08:00");
    }

    Outcome settle(TestIdentity who, String command) {
        return ledger.submit(who, "settlement:settle", ctx -> new SettlementContract().settle(ctx, command));
    }

    Outcome settle(TestIdentity who, String seller, String buyer, long quantity) {
        return settle(who, trade(nextId("T"), "CEA-2024", seller, buyer, quantity, "88.50", "LISTED"));
    }

    Outcome recordEmissions(TestIdentity who, String unit, int year, long emissions) {
        String command = json("unitId", unit, "year", year, "verifiedEmissions", emissions);
        return ledger.submit(who, "compliance:recordEmissions", ctx -> new ComplianceContract().recordEmissions(ctx, command));
    }

    Outcome surrender(TestIdentity who, String unit, int year, Object... productQuantity) {
        List<Map<String, Object>> items = new java.util.ArrayList<>();
        for (int i = 0; i < productQuantity.length; i += 2) {
            items.add(Map.of("product", productQuantity[i], "quantity", productQuantity[i + 1]));
        }
        return surrenderCommand(who, CanonicalJson.writeMap(map("requestId", nextId("sur"), "unitId", unit, "year", year, "items", items)));
    }

    Outcome surrenderCommand(TestIdentity who, String command) {
        return ledger.submit(who, "surrender:surrender", ctx -> new SurrenderContract().surrender(ctx, command));
    }

    Outcome cancel(TestIdentity who, String account, String product, long quantity) {
        return cancelCommand(who, json("requestId", nextId("can"), "account", account, "product", product, "quantity", quantity,
                "purpose", "carbon-neutral conference", "beneficiary", "ETS Forum 2025"));
    }

    Outcome cancelCommand(TestIdentity who, String command) {
        return ledger.submit(who, "cancellation:cancel", ctx -> new CancellationContract().cancel(ctx, command));
    }

    // ---- queries ----

    long quantity(String account, String product) {
        JsonObject a = object(ok(ledger.evaluate(Parties.REGISTRY, "accounts:get", ctx -> new AccountsContract().get(ctx, account))));
        for (JsonElement h : a.getAsJsonArray("holdings")) {
            if (h.getAsJsonObject().get("product").getAsString().equals(product)) {
                return h.getAsJsonObject().get("quantity").getAsLong();
            }
        }
        return 0;
    }

    String status(String account) {
        return object(ok(ledger.evaluate(Parties.REGISTRY, "accounts:get", ctx -> new AccountsContract().get(ctx, account))))
                .get("status").getAsString();
    }

    /** The supply row of a product: issued, held, locked, surrendered, cancelled, balanced. */
    JsonObject supply(String product) {
        JsonObject s = object(ok(ledger.evaluate(Parties.AUDITOR, "supply:get", ctx -> new SupplyContract().get(ctx))));
        for (JsonElement p : s.getAsJsonArray("products")) {
            if (p.getAsJsonObject().get("product").getAsString().equals(product)) {
                return p.getAsJsonObject();
            }
        }
        throw new AssertionError("no supply row for " + product + " in " + s);
    }

    JsonObject audit() {
        return object(ok(ledger.evaluate(Parties.AUDITOR, "supply:audit", ctx -> new SupplyContract().audit(ctx))));
    }

    // ---- assertions ----

    static String ok(Outcome o) {
        assertThat(o.ok()).as("expected success, got %s", o).isTrue();
        return o.payload();
    }

    /** The command is refused with {@code code}, and the world state and the event stream are exactly as before. */
    Outcome assertRejectedWithoutWrites(String code, Supplier<Outcome> command) {
        Map<String, String> before = ledger.snapshot();
        int events = ledger.events().size();
        Outcome o = command.get();
        assertThat(o.code()).as("outcome %s", o).isEqualTo(code);
        assertThat(ledger.snapshot()).as("world state after a rejected transaction").isEqualTo(before);
        assertThat(ledger.events()).as("events after a rejected transaction").hasSize(events);
        return o;
    }

    void assertAuditBalanced() {
        JsonObject audit = audit();
        assertThat(audit.get("balanced").getAsBoolean()).as("audit %s", audit).isTrue();
    }

    // ---- helpers ----

    String nextId(String prefix) {
        return prefix + "-" + (++seq);
    }

    static JsonObject object(String json) {
        return JsonParser.parseString(json).getAsJsonObject();
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
