package cn.ets.registry.gateway.testing;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.LinkedHashMap;
import java.util.Map;

/** Building request bodies and reading answers. */
public final class Json {
    private static final Gson GSON = new GsonBuilder().disableHtmlEscaping().create();

    private Json() {}

    /** An object of key/value pairs in the given order; values are strings, numbers, booleans, lists, maps or JsonElements. */
    public static JsonObject obj(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return GSON.toJsonTree(m).getAsJsonObject();
    }

    public static String write(Object value) {
        return value instanceof String s ? s : GSON.toJson(value instanceof JsonElement e ? e : GSON.toJsonTree(value));
    }

    public static JsonElement parse(String json) {
        return JsonParser.parseString(json);
    }

    public static JsonObject with(JsonObject o, String field, Object value) {
        JsonObject copy = o.deepCopy();
        copy.add(field, value instanceof JsonElement e ? e : GSON.toJsonTree(value));
        return copy;
    }

    public static JsonObject without(JsonObject o, String field) {
        JsonObject copy = o.deepCopy();
        copy.remove(field);
        return copy;
    }
}
