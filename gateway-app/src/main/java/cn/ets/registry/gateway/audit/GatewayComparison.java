package cn.ets.registry.gateway.audit;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a gateway reports against what the blocks say: its {@code /api/v1/supply} (public) must equal
 * the replay, product by product. A gateway that answers something else is a finding.
 */
final class GatewayComparison {
    private GatewayComparison() {}

    static AuditReport compare(AuditReport report, String baseUrl) {
        List<Finding> findings = new ArrayList<>(report.findings());
        List<String> notes = new ArrayList<>(report.notes());
        try {
            HttpResponse<String> r = HttpClient.newBuilder()
                    .connectTimeout(Duration.ofSeconds(10))
                    .build()
                    .send(
                            HttpRequest.newBuilder(URI.create(baseUrl.replaceAll("/+$", "") + "/api/v1/supply"))
                                    .timeout(Duration.ofSeconds(60))
                                    .GET()
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                findings.add(new Finding(
                        report.blocks(),
                        null,
                        null,
                        "gateway",
                        baseUrl + " answered " + r.statusCode() + " for /api/v1/supply"));
            } else {
                Map<String, SupplyReplay.ProductSupply> replayed = new TreeMap<>();
                report.supply().forEach(p -> replayed.put(p.product(), p));
                for (JsonElement e :
                        JsonParser.parseString(r.body()).getAsJsonObject().getAsJsonArray("products")) {
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
                        findings.add(new Finding(
                                report.blocks(),
                                null,
                                null,
                                "gateway",
                                product + ": the gateway reports " + theirs + ", the blocks say " + ours));
                    }
                }
                replayed.keySet()
                        .forEach(p -> findings.add(new Finding(
                                report.blocks(), null, null, "gateway", p + " is missing from the gateway's supply")));
                notes.add("the supply reported by " + baseUrl + " was compared with the replay");
            }
        } catch (Exception e) {
            findings.add(new Finding(
                    report.blocks(), null, null, "gateway", "cannot read " + baseUrl + ": " + e.getMessage()));
        }
        return new AuditReport(
                report.source(),
                report.blocks(),
                report.transactions(),
                report.validTransactions(),
                report.invalidTransactions(),
                report.signaturesVerified(),
                report.supply(),
                findings,
                notes,
                report.timing());
    }

    private static String figures(long issued, long held, long locked, long surrendered, long cancelled) {
        return "issued " + issued + ", held " + held + ", locked " + locked + ", surrendered " + surrendered
                + ", cancelled " + cancelled;
    }
}
