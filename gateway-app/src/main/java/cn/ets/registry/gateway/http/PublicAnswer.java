package cn.ets.registry.gateway.http;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The answer of a public-disclosure route: JSON, or CSV with {@code ?format=csv} or
 * {@code Accept: text/csv}; cacheable by anyone (the same for every reader) for a few seconds, with
 * an ETag so a poller that already has it gets {@code 304}.
 *
 * <p>CSV: the answer's list (its first array field) becomes the rows, its other top-level fields
 * lead each row, nested objects are flattened to {@code a.b} columns and nested lists are kept as
 * JSON text. A text cell starting with {@code = + - @} is prefixed with {@code '} so a spreadsheet
 * never runs it as a formula.
 */
public final class PublicAnswer {
    static final String CACHE_CONTROL = "public, max-age=5";

    private PublicAnswer() {}

    public static void send(Context ctx, int status, String json) {
        boolean csv = wantsCsv(ctx);
        String body = csv ? csv(json) : json;
        String etag = etag(body);
        ctx.header("Cache-Control", CACHE_CONTROL);
        ctx.header("Vary", "Accept");
        ctx.header("ETag", etag);
        if (matches(ctx.header("If-None-Match"), etag)) {
            ctx.status(304).result("");
            return;
        }
        if (csv) {
            ctx.status(status)
                    .contentType("text/csv; charset=utf-8; header=present")
                    .result(body);
        } else {
            Http.json(ctx, status, body);
        }
    }

    static boolean wantsCsv(Context ctx) {
        String format = ctx.queryParam("format");
        if (format != null) {
            return switch (format) {
                case "csv" -> true;
                case "json" -> false;
                default -> throw new ApiError("BAD_REQUEST", "format must be json or csv");
            };
        }
        String accept = ctx.header("Accept");
        return accept != null && accept.contains("text/csv") && !accept.contains("application/json");
    }

    private static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (String t : ifNoneMatch.split(",")) {
            String tag = t.trim();
            if (tag.equals("*") || tag.equals(etag) || tag.equals("W/" + etag)) {
                return true;
            }
        }
        return false;
    }

    static String etag(String body) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(body.getBytes(StandardCharsets.UTF_8));
            return "\"" + HexFormat.of().formatHex(d, 0, 16) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The rows of a JSON answer as RFC 4180 CSV (CRLF line ends, a header row). */
    static String csv(String json) {
        JsonElement root = JsonParser.parseString(json);
        List<Map<String, String>> rows = new ArrayList<>();
        if (root.isJsonObject()) {
            JsonObject o = root.getAsJsonObject();
            String listField = null;
            for (Map.Entry<String, JsonElement> e : o.entrySet()) {
                if (e.getValue().isJsonArray()) {
                    listField = e.getKey();
                    break;
                }
            }
            Map<String, String> lead = new LinkedHashMap<>();
            for (Map.Entry<String, JsonElement> e : o.entrySet()) {
                if (!e.getKey().equals(listField)) {
                    flatten(e.getKey(), e.getValue(), lead);
                }
            }
            if (listField == null) {
                rows.add(lead);
            } else {
                for (JsonElement item : o.getAsJsonArray(listField)) {
                    Map<String, String> row = new LinkedHashMap<>(lead);
                    if (item.isJsonObject()) {
                        for (Map.Entry<String, JsonElement> e :
                                item.getAsJsonObject().entrySet()) {
                            flatten(e.getKey(), e.getValue(), row);
                        }
                    } else {
                        flatten(listField, item, row);
                    }
                    rows.add(row);
                }
            }
        } else if (root.isJsonArray()) {
            for (JsonElement item : root.getAsJsonArray()) {
                Map<String, String> row = new LinkedHashMap<>();
                flatten("value", item, row);
                rows.add(row);
            }
        }
        Set<String> header = new LinkedHashSet<>();
        rows.forEach(r -> header.addAll(r.keySet()));
        StringBuilder out = new StringBuilder();
        line(out, new ArrayList<>(header));
        for (Map<String, String> r : rows) {
            List<String> cells = new ArrayList<>();
            for (String h : header) {
                cells.add(r.getOrDefault(h, ""));
            }
            line(out, cells);
        }
        return out.toString();
    }

    private static void flatten(String name, JsonElement v, Map<String, String> row) {
        if (v == null || v.isJsonNull()) {
            row.put(name, "");
        } else if (v.isJsonObject()) {
            for (Map.Entry<String, JsonElement> e : v.getAsJsonObject().entrySet()) {
                flatten(name + "." + e.getKey(), e.getValue(), row);
            }
        } else if (v.isJsonArray()) {
            JsonArray a = v.getAsJsonArray();
            row.put(name, safe(a.toString()));
        } else if (v.getAsJsonPrimitive().isString()) {
            row.put(name, safe(v.getAsString()));
        } else {
            row.put(name, v.getAsJsonPrimitive().getAsString());
        }
    }

    /** Text that a spreadsheet would take for a formula is quoted with a leading apostrophe. */
    private static String safe(String text) {
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            return "'" + text;
        }
        return text;
    }

    private static void line(StringBuilder out, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            String c = cells.get(i);
            if (c.indexOf(',') >= 0 || c.indexOf('"') >= 0 || c.indexOf('\n') >= 0 || c.indexOf('\r') >= 0) {
                out.append('"').append(c.replace("\"", "\"\"")).append('"');
            } else {
                out.append(c);
            }
        }
        out.append("\r\n");
    }
}
