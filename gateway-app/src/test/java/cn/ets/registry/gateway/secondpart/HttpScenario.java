package cn.ets.registry.gateway.secondpart;

import static cn.ets.registry.gateway.testing.HttpAssertions.assertRejectedUnchanged;
import static cn.ets.registry.gateway.testing.HttpAssertions.created;
import static cn.ets.registry.gateway.testing.HttpAssertions.ok;

import cn.ets.registry.gateway.testing.CeaAdmission;
import cn.ets.registry.gateway.testing.Json;
import cn.ets.registry.gateway.testing.RegistryClient;
import cn.ets.registry.gateway.testing.RegistryClient.Response;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Base of the HTTP tests of the second part: a client of {@link OwnGateway}, ids unique to the
 * class ({@link #prefix}), the commands the tests share, and a refusal check over the accounts the
 * class opened (status and code, with supply, those accounts and the ledger log unchanged).
 */
@ExtendWith(OwnGateway.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class HttpScenario {
    RegistryClient c;
    private final String prefix;
    private final AtomicInteger ids = new AtomicInteger();
    private final List<String> watched = new ArrayList<>(List.of("MEE", "PROVINCE-HB", "PROVINCE-GD"));

    /** {@code prefix}: one no other class uses for its account ids and request ids. */
    HttpScenario(String prefix) {
        this.prefix = prefix;
    }

    String prefix() {
        return prefix;
    }

    @BeforeAll
    void connect(RegistryClient client) {
        c = client;
        setUp();
    }

    /** The class's accounts and holdings, once, on the shared gateway. */
    void setUp() {}

    String id(String what) {
        return prefix() + "-" + what + "-" + ids.incrementAndGet();
    }

    /** Opens a holder account, keeps its token under its id, and watches it in every refusal check. */
    String open(String who, String type, String id, String province) {
        JsonObject body = province == null
                ? Json.obj("id", id, "type", type, "name", "Account " + id)
                : Json.obj("id", id, "type", type, "name", "Account " + id, "province", province, "sector", "POWER");
        Response r = created(c.post(who, "/api/v1/accounts", body));
        c.addIdentity(id, r.json().get("token").getAsString());
        watched.add(id);
        if (type.equals("INSTITUTION")) {
            CeaAdmission.admit(c, id); // the second part's institutions trade CEA (003 §2.2.6)
        }
        return id;
    }

    String unit(String province, String suffix) {
        return open("province-" + province, "UNIT", province + "-" + prefix() + "-" + suffix, province);
    }

    /** Issues {@code q} of a CEA product and hands it MEE → province → unit. */
    void give(String product, String unit, long q) {
        String province = unit.startsWith("PROVINCE-") ? unit.substring("PROVINCE-".length()) : unit.substring(0, 2);
        created(c.post(
                "mee", "/api/v1/issuances", Json.obj("requestId", id("iss"), "product", product, "quantity", q)));
        created(c.post(
                "mee",
                "/api/v1/distributions",
                Json.obj(
                        "requestId",
                        id("d"),
                        "product",
                        product,
                        "from",
                        "MEE",
                        "to",
                        "PROVINCE-" + province,
                        "quantity",
                        q)));
        if (!unit.startsWith("PROVINCE-")) {
            created(c.post(
                    "province-" + province,
                    "/api/v1/distributions",
                    Json.obj(
                            "requestId",
                            id("d"),
                            "product",
                            product,
                            "from",
                            "PROVINCE-" + province,
                            "to",
                            unit,
                            "quantity",
                            q)));
        }
    }

    Response settle(String product, String seller, String buyer, long q, String price, String tradedAt) {
        return c.post(
                "exchange",
                "/api/v1/settlements",
                Json.obj(
                        "tradeId",
                        id("T"),
                        "product",
                        product,
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
                        tradedAt));
    }

    Response emissions(String unit, int year, long q) {
        return c.post(
                "province-" + unit.substring(0, 2),
                "/api/v1/emissions",
                Json.obj("unitId", unit, "year", year, "verifiedEmissions", q));
    }

    /** A surrender of product/quantity pairs. */
    Response surrender(String unit, int year, Object... productQuantity) {
        List<Map<String, Object>> items = new ArrayList<>();
        for (int i = 0; i < productQuantity.length; i += 2) {
            items.add(Map.of("product", productQuantity[i], "quantity", productQuantity[i + 1]));
        }
        return c.post(
                unit,
                "/api/v1/surrenders",
                Json.obj("requestId", id("sur"), "unitId", unit, "year", year, "items", items));
    }

    JsonObject compliance(int year, String unit) {
        return ok(c.get("auditor", "/api/v1/compliance/" + year + "/" + unit)).json();
    }

    /** Refused with this status and code; supply, the watched accounts and the ledger log are as before. */
    Response rejected(int status, String code, Supplier<Response> command) {
        return assertRejectedUnchanged(c, watched, status, code, command);
    }

    String bearer(String who) {
        return "Bearer " + c.token(who);
    }
}
