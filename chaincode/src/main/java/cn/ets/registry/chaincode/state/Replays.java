package cn.ets.registry.chaincode.state;

import cn.ets.registry.api.Command;
import cn.ets.registry.domain.DomainException;
import com.google.gson.JsonObject;
import java.util.Map;
import java.util.Optional;

/**
 * Client ids and what they did ({@code req~id}, {@code trade~id}): the fingerprint of the first
 * command with that id and its result. A rejected command writes nothing, so its id stays free.
 */
public final class Replays {
    private final LedgerState state;

    public Replays(LedgerState state) {
        this.state = state;
    }

    /** The first result of {@code id}, if the same command was run before; refused if the id did something else. */
    public Optional<JsonObject> first(Command.Replay<?> replay, String id, String fingerprint) {
        Optional<Stored> previous = state.get(state.key(replay.namespace(), id), Stored.class);
        if (previous.isEmpty()) {
            return Optional.empty();
        }
        if (!previous.get().fingerprint().equals(fingerprint)) {
            throw new DomainException(
                    replay.onOtherContent(),
                    replay.namespace() + " id '" + id + "' was already used for a different command",
                    Map.of("id", id, "firstTxId", previous.get().txId()));
        }
        return Optional.of(previous.get().result());
    }

    public void remember(
            Command.Replay<?> replay, String id, String fingerprint, String txId, String function, JsonObject result) {
        state.put(state.key(replay.namespace(), id), new Stored(fingerprint, txId, function, result));
    }

    /** The stored first result of an id (a settled trade is read by its trade id). */
    public Optional<JsonObject> result(String namespace, String id) {
        return state.get(state.key(namespace, id), Stored.class).map(Stored::result);
    }

    record Stored(String fingerprint, String txId, String function, JsonObject result) {}
}
