package cn.ets.registry.chaincode.usecases.parameters;

import cn.ets.registry.api.ParametersApi.Changed;
import cn.ets.registry.api.ParametersApi.Set;
import cn.ets.registry.chaincode.json.CanonicalJson;
import cn.ets.registry.chaincode.state.ParameterBook;
import cn.ets.registry.chaincode.tx.Tx;
import cn.ets.registry.chaincode.tx.UseCase;
import cn.ets.registry.domain.DomainException;
import cn.ets.registry.domain.identity.Permissions;
import cn.ets.registry.domain.identity.Role;
import cn.ets.registry.domain.policy.PolicyParameters;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.List;
import java.util.Map;

/** MEE changes parameters of a vintage: fields not named keep their value; the version goes up by one. */
public final class ChangeParameters implements UseCase<Set, Changed> {
    private static final List<String> NOT_SETTABLE = List.of("requestId", "vintage", "version");

    @Override
    public void authorise(Tx tx, Set c) {
        Permissions.requireRole(tx.actor(), Role.MEE, "change policy parameters");
    }

    @Override
    public Changed execute(Tx tx, Set c) {
        ParameterBook book = new ParameterBook(tx.state());
        PolicyParameters current = book.forVintage(c.vintage());
        JsonObject merged = CanonicalJson.tree(current).getAsJsonObject();
        for (Map.Entry<String, JsonElement> e : c.changes().entrySet()) {
            if (NOT_SETTABLE.contains(e.getKey())) {
                continue;
            }
            if (!merged.has(e.getKey())) {
                throw DomainException.badRequest("unknown parameter '" + e.getKey() + "'");
            }
            requireSameShape(e.getKey(), merged.get(e.getKey()), e.getValue());
            merged.add(e.getKey(), e.getValue());
        }
        merged.addProperty("version", current.version() + 1);
        PolicyParameters next = parse(merged);
        book.publish(next);
        return new Changed(c.requestId(), c.vintage(), next.version(), next, tx.attribution());
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
