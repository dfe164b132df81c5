package cn.ets.registry.chaincode.json;

import cn.ets.registry.api.Omittable;
import cn.ets.registry.api.PathParam;
import cn.ets.registry.api.Quantity;
import cn.ets.registry.api.QueryParam;
import cn.ets.registry.api.Range;
import cn.ets.registry.api.WholeBody;
import cn.ets.registry.domain.DomainException;
import cn.ets.registry.domain.ErrorCode;
import cn.ets.registry.domain.product.Product;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns the chaincode's string arguments into a command record: fields marked {@link PathParam} or
 * {@link QueryParam} come positionally, in record order, the others from the JSON body (the last
 * argument). Each field is read by its Java type and annotations, with one clear BAD_REQUEST (or
 * INVALID_QUANTITY) per missing or mistyped field; the record's own constructor then applies the
 * rules that involve several fields or the domain's value checks.
 */
public final class CommandDecoder {
    private static final Map<Class<?>, Shape> SHAPES = new ConcurrentHashMap<>();

    private CommandDecoder() {}

    /** Path and query arguments first (as {@link Shape#positional} says), then the body unless the record has no body fields. */
    public static <C extends Record> C decode(Class<C> type, List<String> args) {
        Shape shape = shape(type);
        int positional = shape.positional();
        int expected = positional + (shape.hasBody() ? 1 : 0);
        if (args.size() != expected) {
            throw DomainException.badRequest(
                    type.getSimpleName() + " takes " + expected + " argument(s), got " + args.size());
        }
        Fields body = null;
        if (shape.hasBody()) {
            String raw = args.get(positional);
            body = Fields.of(shape.bodyOptional() && (raw == null || raw.isBlank()) ? "{}" : raw);
        }
        return construct(type, shape, args, body);
    }

    /** A record given as a JSON object (an element of a batch, a nested item). */
    public static <C extends Record> C decode(Class<C> type, Fields body) {
        Shape shape = shape(type);
        if (shape.positional() > 0) {
            throw new IllegalArgumentException(type + " has path parameters and cannot be read from an object alone");
        }
        return construct(type, shape, List.of(), body);
    }

    /** The fields of a record in the order the chaincode receives them. */
    public static Shape shape(Class<?> type) {
        return SHAPES.computeIfAbsent(type, Shape::of);
    }

    private static <C> C construct(Class<C> type, Shape shape, List<String> args, Fields body) {
        RecordComponent[] components = shape.components();
        Object[] values = new Object[components.length];
        if (body != null && !shape.bodyFields().isEmpty()) {
            body.requireOnly(shape.bodyFields());
        }
        int arg = 0;
        for (int i = 0; i < components.length; i++) {
            RecordComponent c = components[i];
            if (c.isAnnotationPresent(PathParam.class) || c.isAnnotationPresent(QueryParam.class)) {
                values[i] = positional(c, args.get(arg++));
            } else if (c.isAnnotationPresent(WholeBody.class)) {
                values[i] = body.json();
            } else {
                values[i] = field(c, body);
            }
        }
        try {
            Constructor<C> ctor = type.getDeclaredConstructor(
                    Arrays.stream(components).map(RecordComponent::getType).toArray(Class[]::new));
            ctor.setAccessible(true);
            return ctor.newInstance(values);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot construct " + type, e);
        }
    }

    private static Object positional(RecordComponent c, String raw) {
        String name = c.getName();
        boolean omittable = c.isAnnotationPresent(Omittable.class) || c.isAnnotationPresent(QueryParam.class);
        if (raw == null || raw.isEmpty()) {
            if (omittable) {
                return null;
            }
            throw DomainException.badRequest("missing " + name);
        }
        Class<?> t = c.getType();
        if (!CanonicalJson.isScalarText(raw)) {
            throw DomainException.badRequest(name + " is not valid Unicode text (a lone UTF-16 surrogate)");
        }
        if (t == String.class) {
            return raw;
        }
        if (t == int.class || t == long.class || t == Integer.class || t == Long.class) {
            long v;
            try {
                v = Long.parseLong(raw);
            } catch (NumberFormatException e) {
                throw DomainException.badRequest(name + " must be a whole number, got '" + raw + "'");
            }
            return integral(c, name, v);
        }
        if (t == Product.class) {
            return Product.parse(raw);
        }
        throw new IllegalArgumentException("unsupported path parameter type " + t + " of " + name);
    }

    private static Object field(RecordComponent c, Fields f) {
        String name = c.getName();
        Class<?> t = c.getType();
        boolean omittable = c.isAnnotationPresent(Omittable.class);
        if (!f.has(name)) {
            if (omittable) {
                return t == boolean.class ? Boolean.FALSE : null;
            }
            f.require(name); // the "missing field" refusal
        }
        if (t == String.class) {
            return f.string(name);
        }
        if (t == long.class || t == int.class || t == Long.class || t == Integer.class) {
            if (c.isAnnotationPresent(Quantity.class)) {
                return f.tonnes(name);
            }
            return integral(c, f.label(name), f.integer(name));
        }
        if (t == boolean.class || t == Boolean.class) {
            return f.bool(name, false);
        }
        if (t == BigDecimal.class) {
            return f.decimal(name);
        }
        if (t == Product.class) {
            return Product.parse(f.string(name));
        }
        if (t == LocalDate.class) {
            String s = f.string(name);
            try {
                return LocalDate.parse(s);
            } catch (DateTimeParseException e) {
                throw DomainException.badRequest(f.label(name) + " must be a date YYYY-MM-DD");
            }
        }
        if (t.isEnum()) {
            return enumValue(f, name, t);
        }
        if (t == JsonObject.class) {
            JsonElement e = f.json().get(name);
            if (!e.isJsonObject()) {
                throw DomainException.badRequest("field '" + f.label(name) + "' must be an object");
            }
            return e.getAsJsonObject();
        }
        if (t == List.class) {
            Class<?> element = elementType(c.getGenericType());
            List<Object> out = new ArrayList<>();
            int i = 0;
            for (JsonElement e : f.array(name)) {
                String label = name + "[" + i++ + "]";
                if (element == String.class) {
                    if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isString()) {
                        throw DomainException.badRequest("'" + f.label(label) + "' must be a string");
                    }
                    out.add(e.getAsString());
                } else if (element.isRecord()) {
                    out.add(construct(element, shape(element), List.of(), f.object(e, label)));
                } else {
                    throw new IllegalArgumentException("unsupported list element " + element + " of " + name);
                }
            }
            return out;
        }
        if (t.isRecord()) {
            return construct(t, shape(t), List.of(), f.object(f.json().get(name), name));
        }
        throw new IllegalArgumentException("unsupported field type " + t + " of " + name);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object enumValue(Fields f, String name, Class<?> t) {
        return f.enumValue(name, (Class) t);
    }

    private static Object integral(RecordComponent c, String label, long v) {
        Range range = c.getAnnotation(Range.class);
        if (range != null && (v < range.min() || v > range.max())) {
            throw new DomainException(
                    range.tonnes() ? ErrorCode.INVALID_QUANTITY : ErrorCode.BAD_REQUEST,
                    label + " must be between " + range.min() + " and " + range.max() + (range.tonnes() ? " t" : "")
                            + ", got " + v);
        }
        Class<?> t = c.getType();
        if (t == int.class || t == Integer.class) {
            if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
                throw DomainException.badRequest(label + " is out of range: " + v);
            }
            return (int) v;
        }
        return v;
    }

    static Class<?> elementType(Type generic) {
        if (generic instanceof ParameterizedType p && p.getActualTypeArguments()[0] instanceof Class<?> k) {
            return k;
        }
        throw new IllegalArgumentException("a list field needs a concrete element type: " + generic);
    }

    /**
     * A record's fields, and how many of them travel as positional (path or query) arguments;
     * {@code bodyFields} names what the body may hold (empty when the body is taken whole).
     */
    public record Shape(
            RecordComponent[] components,
            int positional,
            boolean hasBody,
            boolean bodyOptional,
            List<String> bodyFields) {
        static Shape of(Class<?> type) {
            if (!type.isRecord()) {
                throw new IllegalArgumentException(type + " is not a record");
            }
            RecordComponent[] cs = type.getRecordComponents();
            int positional = 0;
            int body = 0;
            List<String> names = new ArrayList<>();
            boolean allOmittable = true;
            boolean whole = false;
            for (RecordComponent c : cs) {
                if (c.isAnnotationPresent(PathParam.class) || c.isAnnotationPresent(QueryParam.class)) {
                    positional++;
                } else {
                    body++;
                    names.add(c.getName());
                    whole |= c.isAnnotationPresent(WholeBody.class);
                    allOmittable &= c.isAnnotationPresent(Omittable.class);
                }
            }
            return new Shape(cs, positional, body > 0, body > 0 && allOmittable && !whole, whole ? List.of() : names);
        }
    }
}
