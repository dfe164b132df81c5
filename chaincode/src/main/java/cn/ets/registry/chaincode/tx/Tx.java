package cn.ets.registry.chaincode.tx;

import cn.ets.registry.api.Attribution;
import cn.ets.registry.chaincode.json.CanonicalJson;
import cn.ets.registry.chaincode.state.LedgerState;
import cn.ets.registry.domain.DomainException;
import cn.ets.registry.domain.identity.Actor;
import com.google.gson.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;
import org.hyperledger.fabric.contract.Context;
import org.hyperledger.fabric.shim.ChaincodeException;

/**
 * One transaction: who calls, when, its staged state, its event. {@link #run} is the only way a
 * transaction executes: it turns rule violations into coded chaincode errors ({@link ChaincodeError})
 * and hands the staged writes and the event to the peer only if the body succeeded.
 */
public final class Tx {
    private final LedgerState state;
    private final Context ctx;
    private final String txId;
    private final Instant time;
    private Actor actor;
    private String eventName;
    private JsonObject eventData;

    private Tx(Context ctx) {
        this.state = new LedgerState(ctx.getStub());
        this.ctx = ctx;
        this.txId = ctx.getStub().getTxId();
        this.time = ctx.getStub().getTxTimestamp();
    }

    static String run(Context ctx, Function<Tx, String> body) {
        try {
            Tx tx = new Tx(ctx);
            String result = body.apply(tx);
            tx.state.flush();
            tx.flushEvent();
            return result;
        } catch (DomainException e) {
            ChaincodeError error = ChaincodeError.of(e);
            throw new ChaincodeException(error.encode(), error.detailsJson().getBytes(StandardCharsets.UTF_8));
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
    public Attribution attribution() {
        Actor a = actor();
        return new Attribution(
                txId, time.toString(), a.name(), a.mspId(), a.role().name());
    }

    /** Runs part of a transaction; if it is refused, its staged writes and event are undone and the refusal returned. */
    public Optional<DomainException> attempt(Runnable part) {
        Object savepoint = state.savepoint();
        String name = eventName;
        JsonObject data = eventData;
        try {
            part.run();
            return Optional.empty();
        } catch (DomainException e) {
            state.rollback(savepoint);
            eventName = name;
            eventData = data;
            return Optional.of(e);
        }
    }

    /** Fabric keeps only the last event of a transaction, so a transaction names one. */
    public void emit(String name, Object data) {
        this.eventName = name;
        this.eventData = new JsonObject();
        eventData.add("data", CanonicalJson.tree(data));
    }

    boolean hasEvent() {
        return eventName != null;
    }

    private void flushEvent() {
        if (eventName == null) {
            return;
        }
        JsonObject payload = CanonicalJson.tree(attribution()).getAsJsonObject();
        payload.addProperty("type", eventName);
        eventData.entrySet().forEach(e -> payload.add(e.getKey(), e.getValue()));
        state.stub().setEvent(eventName, CanonicalJson.write(payload).getBytes(StandardCharsets.UTF_8));
    }
}
