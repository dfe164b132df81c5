package cn.ets.registry.gateway.settlement;

import static cn.ets.registry.gateway.testing.HttpAssertions.created;
import static org.assertj.core.api.Assertions.assertThat;

import cn.ets.registry.gateway.testing.Json;
import cn.ets.registry.gateway.testing.RegistryClient;
import cn.ets.registry.gateway.testing.RegistryClient.Response;
import cn.ets.registry.gateway.testing.SharedGateway;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A batch settles as if its trades were posted one after another, in its order, however many transactions it takes. */
@ExtendWith(SharedGateway.class)
class BatchOrderHttpTest {

    @Test
    void a_trade_may_spend_what_an_earlier_trade_of_the_same_batch_brought(RegistryClient c) {
        String p = "CEA-2024";
        created(c.post("mee", "/api/v1/issuances", Json.obj("requestId", "bo-iss", "product", p, "quantity", 500)));
        created(c.post(
                "mee",
                "/api/v1/distributions",
                Json.obj("requestId", "bo-d", "product", p, "from", "MEE", "to", "PROVINCE-HB", "quantity", 500)));
        for (String u : List.of("HB-BO-A", "HB-BO-B", "HB-BO-C")) {
            created(c.post(
                    "province-HB",
                    "/api/v1/accounts",
                    Json.obj("id", u, "type", "UNIT", "name", u, "province", "HB", "sector", "POWER")));
        }
        created(c.post(
                "province-HB",
                "/api/v1/distributions",
                Json.obj("requestId", "bo-a", "product", p, "from", "PROVINCE-HB", "to", "HB-BO-A", "quantity", 500)));

        // A holds 500 t: 500 × 1 t A→B, then 500 × 1 t B→C — five transactions of 200 trades, one group
        JsonArray trades = new JsonArray();
        for (int i = 0; i < 1000; i++) {
            boolean first = i < 500;
            trades.add(Json.obj(
                    "tradeId",
                    "BO-" + i,
                    "product",
                    p,
                    "seller",
                    first ? "HB-BO-A" : "HB-BO-B",
                    "buyer",
                    first ? "HB-BO-B" : "HB-BO-C",
                    "quantity",
                    1,
                    "price",
                    "60.00",
                    "mode",
                    "LISTED",
                    "tradedAt",
                    "2025-12-15T10:30:00+08:00"));
        }
        Response r = c.post("exchange", "/api/v1/settlements/batch", Json.obj("trades", trades));
        assertThat(r.status()).as("%s", r).isEqualTo(200);
        long settled = 0;
        for (JsonElement e : r.json().getAsJsonArray("results")) {
            if (e.getAsJsonObject().get("status").getAsString().equals("SETTLED")) {
                settled++;
            }
        }
        assertThat(settled).as("trades settled of 1000: %s", r).isEqualTo(1000);
        assertThat(c.holding("HB-BO-A", p)).isZero();
        assertThat(c.holding("HB-BO-B", p)).isZero();
        assertThat(c.holding("HB-BO-C", p)).isEqualTo(500);
    }
}
