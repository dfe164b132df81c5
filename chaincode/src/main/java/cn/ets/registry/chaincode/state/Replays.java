package cn.ets.registry.chaincode.state;

import cn.ets.registry.api.Command;
import cn.ets.registry.domain.DomainException;
import cn.ets.registry.domain.identity.Actor;
import com.google.gson.JsonObject;
import java.util.Map;
import java.util.Optional;

/**
 * Client ids and what they did ({@code req~…}, {@code trade~id}): the fingerprint of the first
 * command with that id and its result. A rejected command writes nothing, so its id stays free.
 *
 * <p>A {@code requestId} is chosen by its caller, so each caller has ids of its own
 * ({@code req~msp~name~id}): one identity's id never blocks or answers another's command. Trade
 * ids, a unit's deposit month and account ids name one thing for everyone and stay shared. A
 * refusal names only the id, never anything of the command that used it first.
 */
public final class Replays {
    private final LedgerState state;

    public Replays(LedgerState state) {
        this.state = state;
    }

    /** The first result of {@code id}, if the same command was run before; refused if the id did something else. */
    public Optional<JsonObject> first(Command.Replay<?> replay, String id, Actor caller, String fingerprint) {
        Optional<Stored> previous = state.get(key(replay, id, caller), Stored.class);
        if (previous.isEmpty()) {
            return legacy(replay, id, fingerprint);
        }
        if (!previous.get().fingerprint().equals(fingerprint)) {
            throw new DomainException(
                    replay.onOtherContent(),
                    replay.namespace() + " id '" + id + "' was already used for a different command",
                    Map.of("id", id));
        }
        return Optional.of(previous.get().result());
    }

    public void remember(
            Command.Replay<?> replay,
            String id,
            Actor caller,
            String fingerprint,
            String txId,
            String function,
            JsonObject result) {
        state.put(key(replay, id, caller), new Stored(fingerprint, txId, function, result));
    }

    /** The stored first result of an id (a settled trade is read by its trade id). */
    public Optional<JsonObject> result(String namespace, String id) {
        return state.get(state.key(namespace, id), Stored.class).map(Stored::result);
    }

    private String key(Command.Replay<?> replay, String id, Actor caller) {
        if (Command.Replay.REQUESTS.equals(replay.namespace())) {
            return state.key(replay.namespace(), caller.mspId(), caller.name(), id);
        }
        return state.key(replay.namespace(), id);
    }

    /**
     * Request ids stored before they were kept per caller ({@code req~id}): the same command
     * (which the caller was just authorised to send) still answers its first result, so it is
     * never run twice; other content under such an id is free, as it may be another caller's.
     */
    private Optional<JsonObject> legacy(Command.Replay<?> replay, String id, String fingerprint) {
        if (!Command.Replay.REQUESTS.equals(replay.namespace())) {
            return Optional.empty();
        }
        return state.get(state.key(replay.namespace(), id), Stored.class)
                .filter(s -> s.fingerprint().equals(fingerprint))
                .map(Stored::result);
    }

    record Stored(String fingerprint, String txId, String function, JsonObject result) {}
}
