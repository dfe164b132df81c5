package cn.ets.registry.gateway.secondpart;

import static cn.ets.registry.gateway.testing.HttpAssertions.created;
import static cn.ets.registry.gateway.testing.HttpAssertions.ok;
import static org.assertj.core.api.Assertions.assertThat;

import cn.ets.registry.gateway.testing.Json;
import cn.ets.registry.gateway.testing.RegistryClient.Response;
import cn.ets.registry.gateway.testing.TestCalendar;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * POST /prices/closing and GET /prices/closing/{product}; the price check of a settlement; GET
 * /settlements?month= in the caller's scope. On CEA-2028 (MEE publishes vintage 2028 here), trades of
 * June 2026, a past month no other class of the gateway closes a year on.
 */
class MarketHttpTest extends HttpScenario {
    static final String CEA = "CEA-2028";
    String hb;
    String hb2;
    String gd;
    String month;
    String day1;
    String day2;

    MarketHttpTest() {
        super("MK");
    }

    @Override
    void setUp() {
        TestCalendar.open(c, "2028", "2024");
        hb = unit("HB", "U1");
        hb2 = unit("HB", "U2");
        gd = unit("GD", "U3");
        give(CEA, hb, 500_000);
        // June 2026: past, and no other class of this gateway prices fines on it.
        var first = LocalDate.of(2026, 6, 10);
        month = first.toString().substring(0, 7);
        day1 = first.toString();
        day2 = first.plusDays(1).toString();
        created(close(day1, "100.00"));
    }

    Response close(String date, String price) {
        return c.post("exchange", "/api/v1/prices/closing", Json.obj("product", CEA, "date", date, "price", price));
    }

    @Test
    void a_trade_is_checked_against_the_band_of_the_previous_close_and_flagged_outside_it() {
        JsonObject inside =
                created(trade(hb, hb2, 1_000, "105.00", "LISTED", day2)).json();
        assertThat(inside.getAsJsonObject("priceCheck").get("withinBand").getAsBoolean())
                .isTrue();
        assertThat(inside.getAsJsonObject("priceCheck").get("closeDate").getAsString())
                .isEqualTo(day1);
        JsonObject outside =
                created(trade(hb, gd, 100_000, "250.00", "BLOCK", day2)).json();
        assertThat(outside.getAsJsonObject("priceCheck").get("withinBand").getAsBoolean())
                .isFalse();
        assertThat(outside.getAsJsonObject("priceCheck").get("high").getAsString())
                .isEqualTo("130.00");
    }

    @Test
    void closes_are_posted_by_the_exchange_once_and_read_by_anyone() {
        String path = "/api/v1/prices/closing";
        JsonObject body = Json.obj("product", CEA, "date", day2, "price", "101.00");
        rejected(403, "FORBIDDEN", () -> c.post("mee", path, body));
        rejected(403, "FORBIDDEN", () -> c.post(hb, path, body));
        rejected(401, "UNAUTHENTICATED", () -> c.send("POST", path, null, Json.write(body)));
        rejected(400, "BAD_REQUEST", () -> c.post("exchange", path, Json.with(body, "date", "10/11/2026")));
        rejected(
                400,
                "BAD_REQUEST",
                () -> c.post(
                        "exchange",
                        path,
                        Json.with(body, "date", TestCalendar.today().plusDays(1).toString())));
        rejected(400, "BAD_REQUEST", () -> c.post("exchange", path, Json.with(body, "price", "0")));
        rejected(400, "BAD_REQUEST", () -> c.post("exchange", path, Json.with(body, "product", "CCER-1")));
        rejected(400, "BAD_REQUEST", () -> c.post("exchange", path, Json.without(body, "price")));
        rejected(400, "BAD_REQUEST", () -> c.send("POST", path, bearer("exchange"), "{\"product\":"));
        rejected(409, "ALREADY_EXISTS", () -> c.post("exchange", path, Json.with(body, "date", day1)));
        assertThat(created(close(day1, "100.00")).replayed()).isTrue();
        JsonObject all = ok(c.get("auditor", "/api/v1/prices/closing/" + CEA)).json();
        assertThat(all.getAsJsonArray("closes").toString())
                .contains("{\"date\":\"" + day1 + "\",\"price\":\"100.00\"}");
        assertThat(c.get("auditor", "/api/v1/prices/closing/EUA-2028").status()).isEqualTo(400);
    }

    @Test
    void the_trades_of_a_month_are_listed_in_the_callers_scope() {
        created(trade(hb, hb2, 10, "100.00", "LISTED", day2));
        created(trade(hb, gd, 10, "100.00", "LISTED", day2));
        List<String> hbSees = sellersBuyers("province-HB");
        List<String> gdSees = sellersBuyers("province-GD");
        assertThat(hbSees).contains(hb + ">" + hb2, hb + ">" + gd);
        assertThat(gdSees).contains(hb + ">" + gd).doesNotContain(hb + ">" + hb2);
        assertThat(sellersBuyers(hb2)).contains(hb + ">" + hb2).doesNotContain(hb + ">" + gd);
        assertThat(sellersBuyers("mee")).contains(hb + ">" + hb2, hb + ">" + gd);
        assertThat(c.get("auditor", "/api/v1/settlements?month=" + month).code())
                .isEqualTo("FORBIDDEN");
        assertThat(c.get(hb2, "/api/v1/settlements?month=" + month + "&account=" + hb)
                        .code())
                .isEqualTo("FORBIDDEN");
        assertThat(c.get("mee", "/api/v1/settlements").status()).isEqualTo(400);
        assertThat(c.get("mee", "/api/v1/settlements?month=2026-1").status()).isEqualTo(400);
        assertThat(c.send("GET", "/api/v1/settlements?month=" + month, null, null)
                        .status())
                .isEqualTo(401);
    }

    private List<String> sellersBuyers(String who) {
        List<String> out = new ArrayList<>();
        for (JsonElement e :
                ok(c.get(who, "/api/v1/settlements?month=" + month)).json().getAsJsonArray("trades")) {
            JsonObject t = e.getAsJsonObject();
            out.add(t.get("seller").getAsString() + ">" + t.get("buyer").getAsString());
        }
        return out;
    }

    private Response trade(String seller, String buyer, long q, String price, String mode, String day) {
        return c.post(
                "exchange",
                "/api/v1/settlements",
                Json.obj(
                        "tradeId",
                        id("T"),
                        "product",
                        CEA,
                        "seller",
                        seller,
                        "buyer",
                        buyer,
                        "quantity",
                        q,
                        "price",
                        price,
                        "mode",
                        mode,
                        "tradedAt",
                        day + "T10:00:00+08:00"));
    }
}
