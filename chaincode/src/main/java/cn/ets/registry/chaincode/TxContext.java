package cn.ets.registry.chaincode;

import cn.ets.registry.chaincode.json.CanonicalJson;
import cn.ets.registry.chaincode.state.LedgerState;
import cn.ets.registry.domain.DomainException;
import cn.ets.registry.domain.ErrorCode;
import cn.ets.registry.domain.identity.Actor;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.hyperledger.fabric.contract.Context;
import org.hyperledger.fabric.shim.ChaincodeException;

/**
 * One transaction: who calls, when, its staged state, its event. {@link #run} is the only way a
 * contract executes: it turns rule violations into {@code [CODE] message} errors (the peer gateway
 * passes only the message on) and writes nothing unless the body succeeded.
 */
public final class TxContext {
    private final LedgerState state;
    private final Context ctx;
    private Actor actor;
    private final String txId;
    private final Instant time;
    private final Map<String, Object> eventData = new LinkedHashMap<>();
    private String eventName;

    private TxContext(Context ctx) {
        this.state = new LedgerState(ctx.getStub());
        this.ctx = ctx;
        this.txId = ctx.getStub().getTxId();
        this.time = ctx.getStub().getTxTimestamp();
    }

    public static String run(Context ctx, Function<TxContext, String> body) {
        try {
            TxContext tx = new TxContext(ctx);
            String result = body.apply(tx);
            tx.state.flush();
            tx.flushEvent();
            return result;
        } catch (DomainException e) {
            throw new ChaincodeException("[" + e.code() + "] " + e.getMessage(),
                    CanonicalJson.writeMap(e.details()).getBytes(StandardCharsets.UTF_8));
        }
    }

    public LedgerState state() {
        return state;
    }

    /** The caller, established from its certificate on first use; public queries never ask. */
    public Actor actor() {
        if (actor == null) {
            actor = CallerIdentity.of(ctx);
        }
        return actor;
    }

    public String txId() {
        return txId;
    }

    public Instant time() {
        return time;
    }

    /** Who did it, when, in which transaction: recorded with every change. */
    public Map<String, Object> attribution() {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("txId", txId);
        a.put("time", time.toString());
        a.put("actor", actor().name());
        a.put("org", actor().mspId());
        a.put("role", actor().role().name());
        return a;
    }

    /** Runs part of a transaction; if it is refused, its staged writes are undone and the refusal returned. */
    public java.util.Optional<DomainException> attempt(Runnable part) {
        Object savepoint = state.savepoint();
        String name = eventName;
        Map<String, Object> data = new LinkedHashMap<>(eventData);
        try {
            part.run();
            return java.util.Optional.empty();
        } catch (DomainException e) {
            state.rollback(savepoint);
            eventName = name;
            eventData.clear();
            eventData.putAll(data);
            return java.util.Optional.of(e);
        }
    }

    /** Fabric keeps only the last event of a transaction, so a transaction names one. */
    public void emit(String name, Object data) {
        this.eventName = name;
        eventData.clear();
        eventData.put("data", CanonicalJson.tree(data));
    }

    private void flushEvent() {
        if (eventName == null) {
            return;
        }
        Map<String, Object> payload = new LinkedHashMap<>(attribution());
        payload.put("type", eventName);
        payload.putAll(eventData);
        state.stub().setEvent(eventName, CanonicalJson.writeMap(payload).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Runs a command at most once per client id. The same id with the same content returns the first
     * result marked {@code "replayed": true}; with other content it is DUPLICATE_ID. A rejected
     * command writes nothing, so its id stays free.
     */
    public String once(String namespace, String id, String function, JsonObject content, Function<TxContext, Object> action) {
        String fingerprint = sha256(function + "\n" + CanonicalJson.write(content));
        String key = state.key("req", namespace, id);
        var previous = state.get(key, Idempotency.class);
        if (previous.isPresent()) {
            if (!previous.get().fingerprint().equals(fingerprint)) {
                throw new DomainException(ErrorCode.DUPLICATE_ID,
                        namespace + " id '" + id + "' was already used for a different command",
                        Map.of("id", id, "firstTxId", previous.get().txId()));
            }
            JsonObject r = previous.get().result().deepCopy();
            r.addProperty("replayed", true);
            return CanonicalJson.write(r);
        }
        JsonElement result = CanonicalJson.tree(action.apply(this));
        JsonObject body = result.getAsJsonObject();
        state.put(key, new Idempotency(fingerprint, txId, function, body));
        JsonObject r = body.deepCopy();
        r.addProperty("replayed", false);
        return CanonicalJson.write(r);
    }

    /** The stored first result of a command id, if any. */
    public java.util.Optional<JsonObject> firstResult(String namespace, String id) {
        return state.get(state.key("req", namespace, id), Idempotency.class).map(Idempotency::result);
    }

    static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    record Idempotency(String fingerprint, String txId, String function, JsonObject result) {
    }
}
