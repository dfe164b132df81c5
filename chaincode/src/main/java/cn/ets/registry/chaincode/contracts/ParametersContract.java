package cn.ets.registry.chaincode.contracts;

import cn.ets.registry.chaincode.ParameterBook;
import cn.ets.registry.chaincode.TxContext;
import cn.ets.registry.chaincode.json.CanonicalJson;
import cn.ets.registry.chaincode.json.Fields;
import cn.ets.registry.domain.DomainException;
import cn.ets.registry.domain.identity.Permissions;
import cn.ets.registry.domain.identity.Role;
import cn.ets.registry.domain.policy.PolicyParameters;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.hyperledger.fabric.contract.Context;
import org.hyperledger.fabric.contract.ContractInterface;
import org.hyperledger.fabric.contract.annotation.Contract;
import org.hyperledger.fabric.contract.annotation.Info;
import org.hyperledger.fabric.contract.annotation.Transaction;

/** Policy parameters per vintage: readable by anyone, changed only by MEE, every change a public event. */
@Contract(name = "parameters", info = @Info(title = "Policy parameters", version = "1"))
public final class ParametersContract implements ContractInterface {
    private static final Set<String> NOT_SETTABLE = Set.of("requestId", "vintage", "version");

    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String get(Context ctx, String vintage) {
        return TxContext.run(ctx, tx -> CanonicalJson.write(new ParameterBook(tx).forVintage(vintage)));
    }

    /** {@code {"requestId", …fields to change}}: fields not named keep their value; the version goes up by one. */
    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String set(Context ctx, String vintage, String command) {
        return TxContext.run(ctx, tx -> {
            Fields f = Fields.of(command);
            String requestId = f.string("requestId");
            Permissions.requireRole(tx.actor(), Role.MEE, "change policy parameters");
            return tx.once("req", requestId, "parameters:set:" + vintage, f.json(), t -> {
                ParameterBook book = new ParameterBook(t);
                PolicyParameters current = book.forVintage(vintage);
                JsonObject merged = CanonicalJson.tree(current).getAsJsonObject();
                for (Map.Entry<String, JsonElement> e : f.json().entrySet()) {
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
                Map<String, Object> r = new LinkedHashMap<>();
                r.put("requestId", requestId);
                r.put("vintage", vintage);
                r.put("version", next.version());
                r.put("parameters", next);
                r.putAll(t.attribution());
                t.emit("ParametersChanged", r);
                return r;
            });
        });
    }

    private static PolicyParameters parse(JsonObject json) {
        try {
            return CanonicalJson.read(json.toString(), PolicyParameters.class);
        } catch (RuntimeException e) {
            // Gson wraps what the record's constructor throws; the rule's own refusal is the answer.
            for (Throwable c = e; c != null; c = c.getCause()) {
                if (c instanceof DomainException d) {
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
            ok = given.isJsonPrimitive() && (given.getAsJsonPrimitive().isString() || given.getAsJsonPrimitive().isNumber());
        }
        if (!ok) {
            throw DomainException.badRequest("parameter '" + name + "' has the wrong type: " + given);
        }
    }
}
