package cn.ets.registry.chaincode.tx;

import cn.ets.registry.api.Command;
import cn.ets.registry.chaincode.json.CanonicalJson;
import cn.ets.registry.chaincode.json.CommandDecoder;
import cn.ets.registry.chaincode.state.Replays;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.hyperledger.fabric.contract.Context;

/**
 * Every contract method is one call of {@link #run}: decode → authorise → replay check → execute →
 * emit → encode, in that order and nothing else. Authorisation comes before the replay lookup by
 * construction, so a stored result is only ever handed to someone allowed to send the command.
 */
public final class Pipeline {
    private Pipeline() {}

    /** The whole transaction for one command given as the chaincode's string arguments. */
    public static <C extends Record, R> String run(
            Context ctx, Command<C, R> command, UseCase<C, R> useCase, String... args) {
        return Tx.run(ctx, tx -> {
            List<String> list = Arrays.asList(args);
            C decoded = CommandDecoder.decode(command.request(), list);
            Ran ran = handle(tx, command, useCase, decoded, fingerprint(command, list));
            if (!ran.replayed() && command.event() != null && !tx.hasEvent()) {
                tx.emit(command.event(), ran.result());
            }
            return CanonicalJson.write(answer(command, ran));
        });
    }

    /** A command within a larger transaction (a trade of a batch): authorise, replay or execute; no event. */
    public static <C extends Record, R> Ran handle(
            Tx tx, Command<C, R> command, UseCase<C, R> useCase, C decoded, String fingerprint) {
        useCase.authorise(tx, decoded);
        String id = command.replay() == null ? null : command.replay().id().apply(decoded);
        Replays replays = new Replays(tx.state());
        if (id != null) {
            Optional<JsonObject> first = replays.first(command.replay(), id, tx.actor(), fingerprint);
            if (first.isPresent()) {
                return new Ran(first.get(), true);
            }
        }
        R result = useCase.execute(tx, decoded);
        JsonObject encoded = encode(result);
        if (id != null) {
            replays.remember(command.replay(), id, tx.actor(), fingerprint, tx.txId(), command.function(), encoded);
        }
        return new Ran(encoded, false);
    }

    /** The result as the client sees it: replayable commands say whether this was a replay. */
    public static JsonObject answer(Command<?, ?> command, Ran ran) {
        if (command.replay() == null) {
            return ran.result();
        }
        JsonObject out = ran.result().deepCopy();
        out.addProperty("replayed", ran.replayed());
        return out;
    }

    /** What identifies a command's content: its function, its positional arguments and its canonical body. */
    public static String fingerprint(Command<?, ?> command, List<String> args) {
        var shape = CommandDecoder.shape(command.request());
        StringBuilder content = new StringBuilder(command.function());
        for (int i = 0; i < shape.positional(); i++) {
            content.append('\n').append(args.get(i) == null ? "" : args.get(i));
        }
        if (shape.hasBody()) {
            String body = args.get(shape.positional());
            content.append('\n')
                    .append(
                            body == null || body.isBlank()
                                    ? "{}"
                                    : CanonicalJson.write(CanonicalJson.parseObject(body)));
        }
        return sha256(content.toString());
    }

    /** The fingerprint of a body-only command given as a JSON object (a trade of a batch). */
    public static String fingerprint(Command<?, ?> command, JsonObject body) {
        return sha256(command.function() + "\n" + CanonicalJson.write(body));
    }

    private static JsonObject encode(Object result) {
        JsonElement tree = CanonicalJson.tree(result);
        if (!tree.isJsonObject()) {
            throw new IllegalStateException("a command's result must be a JSON object, got " + tree);
        }
        return tree.getAsJsonObject();
    }

    static String sha256(String s) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A command's encoded result, and whether it is the stored result of an earlier identical command. */
    public record Ran(JsonObject result, boolean replayed) {}
}
