package cn.ets.registry.chaincode.json;

import cn.ets.registry.domain.DomainException;
import cn.ets.registry.domain.ErrorCode;
import cn.ets.registry.domain.Tonnes;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Collection;
import java.util.Objects;
import java.util.regex.Pattern;

/** Reads the fields of a command object with one clear error per missing or mistyped field. */
public final class Fields {
    private static final Pattern INTEGER = Pattern.compile("-?(0|[1-9][0-9]*)");
    private final JsonObject obj;
    private final String where;

    private Fields(JsonObject obj, String where) {
        this.obj = Objects.requireNonNull(obj, "obj");
        this.where = where;
    }

    public static Fields of(String json) {
        return new Fields(CanonicalJson.parseObject(json), "");
    }

    public static Fields of(JsonObject obj, String where) {
        return new Fields(obj, where);
    }

    public JsonObject json() {
        return obj;
    }

    private String name(String field) {
        return where.isEmpty() ? field : where + "." + field;
    }

    /** The field's full name for messages ({@code items[0].quantity}). */
    public String label(String field) {
        return name(field);
    }

    /** Refuses the command if the field is missing or null. */
    public void require(String field) {
        present(field);
    }

    private JsonElement present(String field) {
        JsonElement e = obj.get(field);
        if (e == null || e.isJsonNull()) {
            throw DomainException.badRequest("missing field '" + name(field) + "'");
        }
        return e;
    }

    public boolean has(String field) {
        JsonElement e = obj.get(field);
        return e != null && !e.isJsonNull();
    }

    public String string(String field) {
        JsonElement e = present(field);
        if (!e.isJsonPrimitive()
                || !e.getAsJsonPrimitive().isString()
                || e.getAsString().isBlank()) {
            throw DomainException.badRequest("field '" + name(field) + "' must be a non-empty string");
        }
        String s = e.getAsString();
        if (s.length() > 512) {
            throw DomainException.badRequest("field '" + name(field) + "' is longer than 512 characters");
        }
        if (!CanonicalJson.isScalarText(s)) {
            throw DomainException.badRequest(
                    "field '" + name(field) + "' is not valid Unicode text (a lone UTF-16 surrogate)");
        }
        // Control characters have no business in ids or names, and U+0000 would break composite keys.
        if (s.chars().anyMatch(Character::isISOControl)
                || s.codePoints().anyMatch(c -> c == Character.MAX_CODE_POINT)) {
            throw DomainException.badRequest("field '" + name(field) + "' contains control characters");
        }
        return s;
    }

    public String optionalString(String field) {
        return has(field) ? string(field) : null;
    }

    public boolean bool(String field, boolean dflt) {
        if (!has(field)) {
            return dflt;
        }
        JsonElement e = obj.get(field);
        if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isBoolean()) {
            throw DomainException.badRequest("field '" + name(field) + "' must be true or false");
        }
        return e.getAsBoolean();
    }

    /**
     * A whole number written as a JSON integer. Fractions and overflow are refused, never rounded or
     * wrapped, and so are other spellings of a whole number ({@code 1e2}, {@code 10.0}, {@code -0}):
     * a quantity means what it says in exactly one way.
     */
    public long integer(String field) {
        JsonElement e = present(field);
        if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isNumber()) {
            throw DomainException.badRequest("field '" + name(field) + "' must be a JSON integer");
        }
        String literal = e.getAsJsonPrimitive().getAsString();
        if (!INTEGER.matcher(literal).matches() || literal.equals("-0")) {
            throw new DomainException(
                    ErrorCode.INVALID_QUANTITY,
                    "field '" + name(field) + "' must be a whole number written as an integer (no fraction,"
                            + " exponent or -0), got " + literal);
        }
        BigDecimal d = exact(e.getAsJsonPrimitive(), field);
        try {
            return d.longValueExact();
        } catch (ArithmeticException ex) {
            throw new DomainException(
                    ErrorCode.INVALID_QUANTITY,
                    "field '" + name(field) + "' must be a whole number within range, got " + d.toPlainString());
        }
    }

    /** A quantity of whole tonnes, greater than zero. */
    public long tonnes(String field) {
        return Tonnes.requirePositive(integer(field), name(field));
    }

    /** A decimal given as a JSON number or a string ("123.45"). */
    public BigDecimal decimal(String field) {
        JsonElement e = present(field);
        if (!e.isJsonPrimitive()) {
            throw DomainException.badRequest("field '" + name(field) + "' must be a decimal number");
        }
        return exact(e.getAsJsonPrimitive(), field);
    }

    private BigDecimal exact(JsonPrimitive p, String field) {
        try {
            BigDecimal d = new BigDecimal(p.getAsString());
            if (d.precision() - d.scale() > 19 || d.scale() > 10) {
                throw new DomainException(ErrorCode.INVALID_QUANTITY, "field '" + name(field) + "' is out of range");
            }
            return d;
        } catch (NumberFormatException ex) {
            throw DomainException.badRequest(
                    "field '" + name(field) + "' must be a number, got '" + p.getAsString() + "'");
        }
    }

    public JsonArray array(String field) {
        JsonElement e = present(field);
        if (!e.isJsonArray()) {
            throw DomainException.badRequest("field '" + name(field) + "' must be an array");
        }
        return e.getAsJsonArray();
    }

    /** Refuses a field the command does not know: a misspelt or unsupported field is never silently ignored. */
    public void requireOnly(Collection<String> known) {
        for (String key : obj.keySet()) {
            if (!known.contains(key)) {
                throw DomainException.badRequest("unknown field '" + name(key) + "'; known: " + known);
            }
        }
    }

    public Fields object(JsonElement e, String label) {
        if (e == null || !e.isJsonObject()) {
            throw DomainException.badRequest("'" + name(label) + "' must be an object");
        }
        return new Fields(e.getAsJsonObject(), name(label));
    }

    public <E extends Enum<E>> E enumValue(String field, Class<E> type) {
        String s = string(field);
        try {
            return Enum.valueOf(type, s);
        } catch (IllegalArgumentException ex) {
            throw DomainException.badRequest("field '" + name(field) + "' has unknown value '" + s + "'; allowed: "
                    + Arrays.toString(type.getEnumConstants()));
        }
    }
}
