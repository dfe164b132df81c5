package cn.ets.registry.chaincode.json;

import cn.ets.registry.domain.DomainException;
import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonPrimitive;
import com.google.gson.Strictness;
import com.google.gson.TypeAdapter;
import com.google.gson.internal.LazilyParsedNumber;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The one JSON codec of the ledger. Every endorsing peer must write byte-identical state, so
 * object keys are sorted, HTML is not escaped, nulls are omitted and decimals are written as
 * strings (no floating point anywhere).
 */
public final class CanonicalJson {
    private static final Gson GSON = new GsonBuilder()
            .disableHtmlEscaping()
            .registerTypeAdapter(BigDecimal.class, new DecimalAsString())
            .registerTypeAdapter(LocalDate.class, new AsString<>(LocalDate::parse))
            .registerTypeAdapter(Instant.class, new AsString<>(Instant::parse))
            .registerTypeAdapter(YearMonth.class, new AsString<>(YearMonth::parse))
            .registerTypeAdapterFactory(new FlatteningRecords())
            .create();

    private CanonicalJson() {}

    public static String write(Object value) {
        return sorted(GSON.toJsonTree(value)).toString();
    }

    public static String write(JsonElement value) {
        return sorted(value).toString();
    }

    public static <T> T read(String json, Class<T> type) {
        return GSON.fromJson(json, type);
    }

    public static JsonElement tree(Object value) {
        return sorted(GSON.toJsonTree(value));
    }

    /** Parses a command: malformed JSON, or anything but an object, is a BAD_REQUEST. */
    public static JsonObject parseObject(String json) {
        if (json == null || json.isBlank()) {
            throw DomainException.badRequest("request body must be a JSON object");
        }
        try {
            JsonElement e = strict(json);
            if (!e.isJsonObject()) {
                throw DomainException.badRequest("request body must be a JSON object");
            }
            return e.getAsJsonObject();
        } catch (JsonParseException | IllegalStateException | IOException e) {
            throw DomainException.badRequest("malformed JSON: " + rootMessage(e));
        }
    }

    /**
     * RFC 8259 JSON only, read the one way every ledger and the gateway read it: no unquoted keys,
     * single quotes, comments or trailing content; no key twice in an object (with "last wins" a
     * {@code "quantity":1,"quantity":50000} would say one thing and settle another); every string a
     * sequence of Unicode scalar values (a lone UTF-16 surrogate would become {@code ?} in UTF-8,
     * so two different ids would collapse into one). Numbers keep their literal text, so a reader
     * can tell {@code 100} from {@code 1e2}, {@code 100.0} or {@code -0}.
     */
    public static JsonElement strict(String json) throws IOException {
        JsonReader reader = new JsonReader(new StringReader(json));
        reader.setStrictness(Strictness.STRICT);
        JsonElement e = strictValue(reader);
        if (reader.peek() != JsonToken.END_DOCUMENT) {
            throw new JsonParseException("unexpected content after the JSON value");
        }
        return e;
    }

    /** Whether {@code s} is a sequence of Unicode scalar values: every surrogate in a high-low pair. */
    public static boolean isScalarText(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    private static JsonElement strictValue(JsonReader r) throws IOException {
        switch (r.peek()) {
            case BEGIN_OBJECT -> {
                JsonObject o = new JsonObject();
                r.beginObject();
                while (r.hasNext()) {
                    String name = scalarText(r.nextName());
                    if (o.has(name)) {
                        throw new JsonParseException("key '" + name + "' appears twice in one object");
                    }
                    o.add(name, strictValue(r));
                }
                r.endObject();
                return o;
            }
            case BEGIN_ARRAY -> {
                JsonArray a = new JsonArray();
                r.beginArray();
                while (r.hasNext()) {
                    a.add(strictValue(r));
                }
                r.endArray();
                return a;
            }
            case STRING -> {
                return new JsonPrimitive(scalarText(r.nextString()));
            }
            case NUMBER -> {
                return new JsonPrimitive(new LazilyParsedNumber(r.nextString()));
            }
            case BOOLEAN -> {
                return new JsonPrimitive(r.nextBoolean());
            }
            case NULL -> {
                r.nextNull();
                return JsonNull.INSTANCE;
            }
            default -> throw new JsonParseException("unexpected " + r.peek());
        }
    }

    private static String scalarText(String s) {
        if (!isScalarText(s)) {
            throw new JsonParseException("a string holds a lone UTF-16 surrogate (text must be Unicode scalar values)");
        }
        return s;
    }

    private static String rootMessage(Throwable t) {
        Throwable c = t;
        while (c.getCause() != null) {
            c = c.getCause();
        }
        return c.getMessage() == null ? c.getClass().getSimpleName() : c.getMessage();
    }

    private static JsonElement sorted(JsonElement e) {
        if (e == null || e.isJsonNull()) {
            return e;
        }
        if (e.isJsonObject()) {
            JsonObject in = e.getAsJsonObject();
            List<String> keys = new ArrayList<>(in.keySet());
            Collections.sort(keys);
            JsonObject out = new JsonObject();
            for (String k : keys) {
                JsonElement v = in.get(k);
                if (v != null && !v.isJsonNull()) {
                    out.add(k, sorted(v));
                }
            }
            return out;
        }
        if (e.isJsonArray()) {
            JsonArray out = new JsonArray();
            for (JsonElement v : e.getAsJsonArray()) {
                out.add(sorted(v));
            }
            return out;
        }
        return e;
    }

    /** Convenience for small result objects built in place. */
    public static String writeMap(Map<String, ?> map) {
        return write((Object) map);
    }

    /** java.time values as their ISO strings (Gson cannot reflect into java.time on Java 17). */
    private static final class AsString<T> extends TypeAdapter<T> {
        private final Function<String, T> parse;

        AsString(Function<String, T> parse) {
            this.parse = parse;
        }

        @Override
        public void write(JsonWriter out, T value) throws IOException {
            if (value == null) {
                out.nullValue();
            } else {
                out.value(value.toString());
            }
        }

        @Override
        public T read(JsonReader in) throws IOException {
            if (in.peek() == JsonToken.NULL) {
                in.nextNull();
                return null;
            }
            return parse.apply(in.nextString());
        }
    }

    private static final class DecimalAsString extends TypeAdapter<BigDecimal> {
        @Override
        public void write(JsonWriter out, BigDecimal value) throws IOException {
            if (value == null) {
                out.nullValue();
            } else {
                out.value(value.toPlainString());
            }
        }

        @Override
        public BigDecimal read(JsonReader in) throws IOException {
            if (in.peek() == JsonToken.NULL) {
                in.nextNull();
                return null;
            }
            return new BigDecimal(in.nextString());
        }
    }
}
