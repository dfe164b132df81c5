package cn.ets.registry.gateway.http;

import cn.ets.registry.api.Flatten;
import cn.ets.registry.api.Omittable;
import cn.ets.registry.api.PathParam;
import cn.ets.registry.api.Quantity;
import cn.ets.registry.api.QueryParam;
import cn.ets.registry.api.Range;
import cn.ets.registry.api.Refusal;
import cn.ets.registry.api.WholeBody;
import cn.ets.registry.chaincode.json.CanonicalJson;
import cn.ets.registry.domain.Tonnes;
import cn.ets.registry.domain.product.Product;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import com.google.gson.annotations.SerializedName;
import java.lang.reflect.Field;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The OpenAPI 3 description of the gateway, generated from its route table and the records the
 * routes take and answer — the same records the chaincode decodes and encodes — so what is
 * documented is what is served. Built once at start-up.
 */
public final class OpenApiDocument {
    private static final String DECIMAL = "^-?[0-9]{1,19}(\\.[0-9]{1,10})?$";
    private static final String PRODUCT = "^(CEA-(2019-2020|20[2-9][0-9])|CCER-[0-9]{1,12})$";
    /** What any call may be answered besides its success: the rules' refusals and the edge's limits. */
    private static final int[] ERROR_STATUSES = {400, 401, 403, 404, 409, 429, 500, 503};
    /** What a call with a body may be answered besides: too slow, too large, not JSON. */
    private static final int[] BODY_STATUSES = {408, 413, 415};

    private final Map<String, JsonObject> schemas = new TreeMap<>();
    // records that arrive in request bodies: no field beyond theirs, strings of 1–512 characters
    private final Set<Class<?>> requestTypes = new HashSet<>();

    private OpenApiDocument() {}

    public static String of(List<Endpoint> endpoints) {
        return new OpenApiDocument().build(endpoints);
    }

    private String build(List<Endpoint> endpoints) {
        for (Endpoint e : endpoints) {
            if (e.request() != null) {
                collectRequestTypes(e.request());
            }
        }
        JsonObject paths = new JsonObject();
        for (Endpoint e : endpoints) {
            JsonObject item = paths.has(e.path()) ? paths.getAsJsonObject(e.path()) : new JsonObject();
            item.add(e.method().toLowerCase(), operation(e));
            paths.add(e.path(), item);
        }
        JsonObject root = new JsonObject();
        root.addProperty("openapi", "3.0.3");
        JsonObject info = new JsonObject();
        info.addProperty("title", "National carbon market registry gateway");
        info.addProperty("version", "1");
        info.addProperty(
                "description",
                "REST contract v1 of ../shared/api.md. Every /api/v1 call carries Authorization: Bearer <token>,"
                        + " except reads the rules make public. Errors are {\"error\":{\"code\",\"message\",\"details\"}} and change nothing.");
        root.add("info", info);
        root.add("paths", paths);
        JsonObject components = new JsonObject();
        JsonObject bearer = new JsonObject();
        bearer.addProperty("type", "http");
        bearer.addProperty("scheme", "bearer");
        JsonObject schemes = new JsonObject();
        schemes.add("BearerAuth", bearer);
        components.add("securitySchemes", schemes);
        JsonObject all = new JsonObject();
        schemas.forEach(all::add);
        components.add("schemas", all);
        root.add("components", components);
        return CanonicalJson.write(root);
    }

    private JsonObject operation(Endpoint e) {
        JsonObject op = new JsonObject();
        JsonArray tags = new JsonArray();
        tags.add(e.tag());
        op.add("tags", tags);
        op.addProperty("summary", e.summary());
        op.addProperty("description", "Who: " + e.who() + ".");
        op.addProperty("operationId", e.method().toLowerCase() + e.path().replaceAll("[^A-Za-z0-9]+", "_"));
        if (!e.anonymous()) {
            JsonArray security = new JsonArray();
            JsonObject bearer = new JsonObject();
            bearer.add("BearerAuth", new JsonArray());
            security.add(bearer);
            op.add("security", security);
        }
        JsonArray params = new JsonArray();
        for (Endpoint.Param p : e.params()) {
            JsonObject param = new JsonObject();
            param.addProperty("name", p.name());
            param.addProperty("in", p.in());
            param.addProperty("required", p.required());
            if (p.description() != null) {
                param.addProperty("description", p.description());
            }
            param.add("schema", schema(p.type(), null));
            params.add(param);
        }
        if (!params.isEmpty()) {
            op.add("parameters", params);
        }
        if (e.request() != null) {
            JsonObject body = new JsonObject();
            body.addProperty("required", e.requestRequired());
            body.add("content", content("application/json", requestSchema(e.request())));
            op.add("requestBody", body);
        }
        JsonObject responses = new JsonObject();
        JsonObject ok = new JsonObject();
        ok.addProperty("description", "success");
        ok.add(
                "content",
                e.result() == null
                        ? content(e.produces(), string())
                        : content(
                                "application/json", e.replayable() ? withReplayed(ref(e.result())) : ref(e.result())));
        responses.add(String.valueOf(e.status()), ok);
        List<Integer> statuses = new ArrayList<>();
        Arrays.stream(ERROR_STATUSES).forEach(statuses::add);
        if (e.request() != null) {
            Arrays.stream(BODY_STATUSES).forEach(statuses::add);
        }
        if (e.result() == null) {
            statuses.add(406); // a stream answers only who accepts it
        }
        for (int status : statuses) {
            JsonObject err = new JsonObject();
            err.addProperty("description", "refused: nothing changed");
            err.add("content", content("application/json", ref(ErrorBody.class)));
            if (status == 401) {
                JsonObject challenge = new JsonObject();
                challenge.add("schema", string());
                challenge.addProperty("description", "Bearer realm=\"carbon-registry\"");
                JsonObject headers = new JsonObject();
                headers.add("WWW-Authenticate", challenge);
                err.add("headers", headers);
            }
            responses.add(String.valueOf(status), err);
        }
        op.add("responses", responses);
        return op;
    }

    /** A command with a client id answers whether this was a replay of the first result. */
    private static JsonObject withReplayed(JsonObject result) {
        JsonObject flag = new JsonObject();
        flag.addProperty("type", "object");
        JsonObject props = new JsonObject();
        JsonObject bool = new JsonObject();
        bool.addProperty("type", "boolean");
        props.add("replayed", bool);
        flag.add("properties", props);
        JsonArray required = new JsonArray();
        required.add("replayed");
        flag.add("required", required);
        JsonArray allOf = new JsonArray();
        allOf.add(result);
        allOf.add(flag);
        JsonObject s = new JsonObject();
        s.add("allOf", allOf);
        return s;
    }

    /** Documentation shape of every error answer. */
    record ErrorBody(Refusal error) {}

    private static JsonObject content(String mediaType, JsonObject schema) {
        JsonObject media = new JsonObject();
        media.add("schema", schema);
        JsonObject content = new JsonObject();
        content.add(mediaType, media);
        return content;
    }

    /** A request body: the record's fields minus those that travel in the path or query. */
    private JsonObject requestSchema(Class<?> type) {
        if (type.isRecord()
                && Arrays.stream(type.getRecordComponents()).anyMatch(c -> c.isAnnotationPresent(WholeBody.class))) {
            JsonObject free = new JsonObject();
            free.addProperty("type", "object");
            free.addProperty(
                    "description", "the fields to change, named as in the answer of the matching GET, and a requestId");
            JsonObject props = new JsonObject();
            props.add("requestId", string());
            free.add("properties", props);
            JsonArray required = new JsonArray();
            required.add("requestId");
            free.add("required", required);
            return free;
        }
        return ref(type);
    }

    private JsonObject ref(Class<?> type) {
        String name = name(type);
        if (!schemas.containsKey(name)) {
            schemas.put(name, new JsonObject()); // placeholder against cycles
            schemas.put(name, objectSchema(type));
        }
        JsonObject r = new JsonObject();
        r.addProperty("$ref", "#/components/schemas/" + name);
        return r;
    }

    private static String name(Class<?> type) {
        Class<?> outer = type.getEnclosingClass();
        return outer == null ? type.getSimpleName() : outer.getSimpleName() + "." + type.getSimpleName();
    }

    private JsonObject objectSchema(Class<?> type) {
        JsonObject o = new JsonObject();
        o.addProperty("type", "object");
        JsonObject props = new JsonObject();
        JsonArray required = new JsonArray();
        addProperties(type, props, required);
        if (type == Refusal.class) {
            JsonArray codes = new JsonArray();
            ErrorStatus.codes().forEach(codes::add);
            props.getAsJsonObject("code").add("enum", codes);
        }
        o.add("properties", props);
        if (!required.isEmpty()) {
            o.add("required", required);
        }
        if (requestTypes.contains(type)) {
            o.addProperty("additionalProperties", false); // unknown fields are refused
        }
        return o;
    }

    private void collectRequestTypes(Type type) {
        if (type instanceof ParameterizedType p) {
            for (Type arg : p.getActualTypeArguments()) {
                collectRequestTypes(arg);
            }
            return;
        }
        if (type instanceof Class<?> c && c.isRecord() && requestTypes.add(c)) {
            for (RecordComponent rc : c.getRecordComponents()) {
                collectRequestTypes(rc.getGenericType());
            }
        }
    }

    private void addProperties(Class<?> type, JsonObject props, JsonArray required) {
        for (RecordComponent c : type.getRecordComponents()) {
            if (c.isAnnotationPresent(PathParam.class) || c.isAnnotationPresent(QueryParam.class)) {
                continue;
            }
            if (c.isAnnotationPresent(Flatten.class)) {
                addProperties(c.getType(), props, c.isAnnotationPresent(Omittable.class) ? new JsonArray() : required);
                continue;
            }
            String name = jsonName(c);
            props.add(name, schema(c.getGenericType(), c));
            boolean optional = c.isAnnotationPresent(Omittable.class);
            if (!optional && !required.contains(new JsonPrimitive(name))) {
                required.add(name);
            }
        }
    }

    private JsonObject schema(Type type, RecordComponent c) {
        if (type instanceof ParameterizedType p) {
            Class<?> raw = (Class<?>) p.getRawType();
            if (List.class.isAssignableFrom(raw)) {
                JsonObject a = new JsonObject();
                a.addProperty("type", "array");
                a.add("items", schema(p.getActualTypeArguments()[0], null));
                return a;
            }
            if (Map.class.isAssignableFrom(raw)) {
                JsonObject m = new JsonObject();
                m.addProperty("type", "object");
                Type value = p.getActualTypeArguments()[1];
                m.add("additionalProperties", value == Object.class ? new JsonObject() : schema(value, null));
                return m;
            }
        }
        Class<?> t = (Class<?>) type;
        JsonObject s = new JsonObject();
        if (t == String.class) {
            s = string();
            if (c != null && requestTypes.contains(c.getDeclaringRecord())) {
                s.addProperty("minLength", 1);
                s.addProperty("maxLength", 512);
            }
            return s;
        } else if (t == long.class || t == Long.class || t == int.class || t == Integer.class) {
            s.addProperty("type", "integer");
            s.addProperty("format", t == int.class || t == Integer.class ? "int32" : "int64");
            if (c != null && c.isAnnotationPresent(Quantity.class)) {
                s.addProperty("minimum", 1);
                s.addProperty("maximum", Tonnes.MAX);
            }
            Range range = c == null ? null : c.getAnnotation(Range.class);
            if (range != null) {
                s.addProperty("minimum", range.min());
                s.addProperty("maximum", range.max());
            }
        } else if (t == boolean.class || t == Boolean.class) {
            s.addProperty("type", "boolean");
        } else if (t == BigDecimal.class) {
            JsonArray oneOf = new JsonArray();
            JsonObject str = string();
            str.addProperty("pattern", DECIMAL);
            oneOf.add(str);
            JsonObject num = new JsonObject();
            num.addProperty("type", "number");
            oneOf.add(num);
            s.add("oneOf", oneOf);
            s.addProperty("description", "a decimal, as a string (\"95.50\") or a JSON number");
        } else if (t == LocalDate.class) {
            s = string();
            s.addProperty("format", "date");
        } else if (t == Instant.class) {
            s = string();
            s.addProperty("format", "date-time");
        } else if (t == YearMonth.class) {
            s = string();
            s.addProperty("pattern", "^[0-9]{4}-[0-9]{2}$");
        } else if (t == Product.class) {
            s = string();
            s.addProperty("pattern", PRODUCT);
        } else if (t.isEnum()) {
            s = string();
            JsonArray values = new JsonArray();
            for (Object v : t.getEnumConstants()) {
                values.add(((Enum<?>) v).name());
            }
            s.add("enum", values);
        } else if (t.isRecord()) {
            return ref(t);
        } else {
            s.addProperty("type", "object");
        }
        return s;
    }

    private static JsonObject string() {
        JsonObject s = new JsonObject();
        s.addProperty("type", "string");
        return s;
    }

    private static String jsonName(RecordComponent c) {
        try {
            Field f = c.getDeclaringRecord().getDeclaredField(c.getName());
            SerializedName n = f.getAnnotation(SerializedName.class);
            return n == null ? c.getName() : n.value();
        } catch (NoSuchFieldException e) {
            return c.getName();
        }
    }
}
