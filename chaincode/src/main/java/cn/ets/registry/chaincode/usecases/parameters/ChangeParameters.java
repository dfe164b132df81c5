package cn.ets.registry.chaincode.usecases.parameters;

import cn.ets.registry.api.ParametersApi.Changed;
import cn.ets.registry.api.ParametersApi.Set;
import cn.ets.registry.chaincode.json.CanonicalJson;
import cn.ets.registry.chaincode.state.ParameterBook;
import cn.ets.registry.chaincode.tx.Tx;
import cn.ets.registry.chaincode.tx.UseCase;
import cn.ets.registry.domain.DomainException;
import cn.ets.registry.domain.ErrorCode;
import cn.ets.registry.domain.identity.Permissions;
import cn.ets.registry.domain.identity.Role;
import cn.ets.registry.domain.policy.PolicyParameters;
import cn.ets.registry.domain.policy.SeededParameters;
import cn.ets.registry.domain.product.Product;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * MEE publishes the parameters of a vintage, each publication a new version and a public event.
 * A vintage not yet published gets a complete set, or a copy of a published vintage
 * ({@code copyFrom}) with the fields that differ; a published one gets the fields named changed,
 * the others keeping their value (or, with {@code copyFrom}, another vintage's set as its base).
 */
public final class ChangeParameters implements UseCase<Set, Changed> {
    private static final String COPY_FROM = "copyFrom";
    private static final List<String> NOT_SETTABLE = List.of("requestId", "vintage", "version", COPY_FROM);
    private static final List<String> EVERY_PARAMETER = Arrays.stream(PolicyParameters.class.getRecordComponents())
            .map(RecordComponent::getName)
            .filter(n -> !NOT_SETTABLE.contains(n))
            .toList();
    /** The JSON shape of every parameter (a flag, a number, a decimal, a table, a list), for a first complete set. */
    private static final JsonObject SHAPES =
            CanonicalJson.tree(SeededParameters.forVintage("2024")).getAsJsonObject();

    @Override
    public void authorise(Tx tx, Set c) {
        Permissions.requireRole(tx.actor(), Role.MEE, "publish policy parameters");
    }

    @Override
    public Changed execute(Tx tx, Set c) {
        String vintage = Product.requireVintage(c.vintage());
        ParameterBook book = new ParameterBook(tx.state());
        Optional<PolicyParameters> current = book.find(vintage);
        String copyFrom = copyFrom(c.changes());
        JsonObject merged;
        if (copyFrom != null) {
            if (copyFrom.equals(vintage)) {
                throw DomainException.badRequest("copyFrom names the vintage being published");
            }
            merged = CanonicalJson.tree(book.forVintage(Product.requireVintage(copyFrom)))
                    .getAsJsonObject();
        } else if (current.isPresent()) {
            merged = CanonicalJson.tree(current.get()).getAsJsonObject();
        } else {
            List<String> missing =
                    EVERY_PARAMETER.stream().filter(n -> !c.changes().has(n)).toList();
            if (!missing.isEmpty()) {
                throw new DomainException(
                        ErrorCode.BAD_REQUEST,
                        "vintage " + vintage + " is not published yet: give every parameter, or copyFrom a published"
                                + " vintage and the parameters that differ; missing " + missing,
                        Map.of("vintage", vintage, "missing", missing));
            }
            merged = new JsonObject();
        }
        for (Map.Entry<String, JsonElement> e : c.changes().entrySet()) {
            if (NOT_SETTABLE.contains(e.getKey())) {
                continue;
            }
            if (!EVERY_PARAMETER.contains(e.getKey())) {
                throw DomainException.badRequest("unknown parameter '" + e.getKey() + "'");
            }
            requireSameShape(
                    e.getKey(), merged.has(e.getKey()) ? merged.get(e.getKey()) : SHAPES.get(e.getKey()), e.getValue());
            merged.add(e.getKey(), e.getValue());
        }
        int version = current.map(p -> p.version() + 1).orElse(1);
        merged.addProperty("vintage", vintage);
        merged.addProperty("version", version);
        PolicyParameters next = parse(merged);
        book.publish(next);
        Changed changed = new Changed(c.requestId(), vintage, next.version(), next, tx.attribution());
        if (version == 1) {
            tx.emit("ParametersPublished", changed);
        }
        return changed;
    }

    private static String copyFrom(JsonObject changes) {
        if (!changes.has(COPY_FROM)) {
            return null;
        }
        JsonElement e = changes.get(COPY_FROM);
        if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isString()) {
            throw DomainException.badRequest("copyFrom must be a vintage, such as \"2024\"");
        }
        return e.getAsString();
    }

    private static PolicyParameters parse(JsonObject json) {
        try {
            return CanonicalJson.read(json.toString(), PolicyParameters.class);
        } catch (RuntimeException e) {
            // Gson wraps what the record's constructor throws; the rule's own refusal is the answer.
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof DomainException d) {
                    throw d;
                }
            }
            throw DomainException.badRequest("invalid parameters: " + e.getMessage());
        }
    }

    /** A flag stays a flag, a number a number (decimals may come as strings), a table a table. */
    private static void requireSameShape(String name, JsonElement current, JsonElement given) {
        boolean ok;
        if (current.isJsonObject()) {
            ok = given.isJsonObject();
        } else if (current.isJsonArray()) {
            ok = given.isJsonArray();
        } else if (current.getAsJsonPrimitive().isBoolean()) {
            ok = given.isJsonPrimitive() && given.getAsJsonPrimitive().isBoolean();
        } else if (current.getAsJsonPrimitive().isNumber()) {
            ok = given.isJsonPrimitive() && given.getAsJsonPrimitive().isNumber();
        } else {
            ok = given.isJsonPrimitive()
                    && (given.getAsJsonPrimitive().isString()
                            || given.getAsJsonPrimitive().isNumber());
        }
        if (!ok) {
            throw DomainException.badRequest("parameter '" + name + "' has the wrong type: " + given);
        }
    }
}
