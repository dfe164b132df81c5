package cn.ets.registry.gateway.audit;

import cn.ets.registry.domain.account.Holding;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a gateway reports against what the blocks say: its {@code /api/v1/supply} (public) must equal
 * the replay, product by product; with a token that may read accounts, every account the token may
 * read must hold, product by product, what the replay rebuilt. A gateway that answers something else
 * is a finding.
 */
public final class GatewayComparison {
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final String baseUrl;
    private final String token;
    private final AuditReport report;
    private final List<Finding> findings;
    private final List<String> notes;

    private GatewayComparison(AuditReport report, String baseUrl, String token) {
        this.report = report;
        this.baseUrl = baseUrl.replaceAll("/+$", "");
        this.token = token;
        this.findings = new ArrayList<>(report.findings());
        this.notes = new ArrayList<>(report.notes());
    }

    /** The report with the gateway's differences added ({@code token} null: the public supply only). */
    public static AuditReport compare(AuditReport report, SupplyReplay replay, String baseUrl, String token) {
        GatewayComparison c = new GatewayComparison(report, baseUrl, token);
        try {
            c.supply();
            if (token != null) {
                c.accounts(replay);
            }
        } catch (Exception e) {
            c.found("cannot read " + baseUrl + ": " + e.getMessage());
        }
        return new AuditReport(
                report.source(),
                report.blocks(),
                report.transactions(),
                report.validTransactions(),
                report.invalidTransactions(),
                report.signaturesVerified(),
                report.supply(),
                c.findings,
                c.notes,
                report.timing());
    }

    private void supply() throws Exception {
        HttpResponse<String> r = get("/api/v1/supply", null);
        if (r.statusCode() != 200) {
            found(baseUrl + " answered " + r.statusCode() + " for /api/v1/supply");
            return;
        }
        Map<String, SupplyReplay.ProductSupply> replayed = new TreeMap<>();
        report.supply().forEach(p -> replayed.put(p.product(), p));
        for (JsonElement e : JsonParser.parseString(r.body()).getAsJsonObject().getAsJsonArray("products")) {
            JsonObject p = e.getAsJsonObject();
            String product = p.get("product").getAsString();
            SupplyReplay.ProductSupply mine = replayed.remove(product);
            String theirs = figures(
                    p.get("issued").getAsLong(),
                    p.get("held").getAsLong(),
                    p.get("locked").getAsLong(),
                    p.get("surrendered").getAsLong(),
                    p.get("cancelled").getAsLong());
            String ours = mine == null
                    ? "absent"
                    : figures(mine.issued(), mine.held(), mine.locked(), mine.surrendered(), mine.cancelled());
            if (!theirs.equals(ours)) {
                found(product + ": the gateway reports " + theirs + ", the blocks say " + ours);
            }
        }
        replayed.keySet().forEach(p -> found(p + " is missing from the gateway's supply"));
        notes.add("the supply reported by " + baseUrl + " was compared with the replay");
    }

    private void accounts(SupplyReplay replay) throws Exception {
        int compared = 0;
        int unreadable = 0;
        for (String account : replay.accounts()) {
            HttpResponse<String> r =
                    get("/api/v1/accounts/" + URLEncoder.encode(account, StandardCharsets.UTF_8), token);
            if (r.statusCode() == 403) {
                unreadable++;
                continue;
            }
            if (r.statusCode() != 200) {
                found(baseUrl + " answered " + r.statusCode() + " for account " + account);
                continue;
            }
            Map<String, String> theirs = new TreeMap<>();
            for (JsonElement e :
                    JsonParser.parseString(r.body()).getAsJsonObject().getAsJsonArray("holdings")) {
                JsonObject h = e.getAsJsonObject();
                if (h.get("quantity").getAsLong() != 0 || h.get("locked").getAsLong() != 0) {
                    theirs.put(
                            h.get("product").getAsString(),
                            h.get("quantity").getAsLong() + " t ("
                                    + h.get("locked").getAsLong() + " locked)");
                }
            }
            Map<String, String> ours = new TreeMap<>();
            for (Map.Entry<String, Holding> h : replay.holdingsOf(account).entrySet()) {
                if (!h.getValue().isEmpty()) {
                    ours.put(
                            h.getKey(),
                            h.getValue().quantity() + " t (" + h.getValue().locked() + " locked)");
                }
            }
            if (!theirs.equals(ours)) {
                found("account " + account + ": the gateway reports " + theirs + ", the blocks say " + ours);
            }
            compared++;
        }
        notes.add(compared + " accounts compared holding by holding with " + baseUrl
                + (unreadable == 0 ? "" : "; " + unreadable + " not readable with that token"));
    }

    private HttpResponse<String> get(String path, String bearer) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(60))
                .GET();
        if (bearer != null) {
            b.header("Authorization", "Bearer " + bearer);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private void found(String what) {
        findings.add(new Finding(report.blocks(), null, null, "gateway", what));
    }

    private static String figures(long issued, long held, long locked, long surrendered, long cancelled) {
        return "issued " + issued + ", held " + held + ", locked " + locked + ", surrendered " + surrendered
                + ", cancelled " + cancelled;
    }
}
