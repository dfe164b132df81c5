package cn.ets.registry.gateway.http;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The request body, read once under the edge's limits: at most {@link #MAX_BYTES} bytes counted
 * as they are read, whatever the framing (a declared Content-Length or chunks), declared as JSON,
 * and valid UTF-8. What breaks a limit is refused before any of it is parsed or logged.
 */
final class RequestBody {
    static final int MAX_BYTES = 4_000_000;
    private static final String READ = "carbon.requestBody";

    private RequestBody() {}

    static String of(Context ctx) {
        String read = ctx.attribute(READ);
        if (read != null) {
            return read;
        }
        byte[] bytes = bytes(ctx);
        if (bytes.length > 0) {
            requireJson(ctx.header("Content-Type"));
        }
        String text = utf8(bytes);
        ctx.attribute(READ, text);
        return text;
    }

    private static byte[] bytes(Context ctx) {
        if (ctx.req().getContentLengthLong() > MAX_BYTES) {
            throw tooLarge(ctx);
        }
        try {
            InputStream in = ctx.req().getInputStream();
            byte[] b = in.readNBytes(MAX_BYTES + 1);
            if (b.length > MAX_BYTES) {
                throw tooLarge(ctx);
            }
            return b;
        } catch (IOException | RuntimeException e) {
            if (e instanceof ApiError a) {
                throw a;
            }
            // Jetty gives up on a body that stalls or trickles (idle timeout, minimum data rate)
            ctx.header("Connection", "close");
            throw new ApiError(
                    ErrorStatus.REQUEST_TIMEOUT,
                    "the request body did not arrive in time (" + e.getClass().getSimpleName() + ")");
        }
    }

    private static ApiError tooLarge(Context ctx) {
        // the rest of the body is not read: the connection closes after this answer
        ctx.header("Connection", "close");
        return new ApiError(ErrorStatus.PAYLOAD_TOO_LARGE, "request body larger than " + MAX_BYTES / 1_000_000 + " MB");
    }

    private static void requireJson(String contentType) {
        if (contentType == null) {
            throw unsupported("none");
        }
        String[] parts = contentType.split(";");
        if (!parts[0].trim().equalsIgnoreCase("application/json")) {
            throw unsupported(contentType);
        }
        for (int i = 1; i < parts.length; i++) {
            String p = parts[i].trim().toLowerCase(Locale.ROOT);
            if (p.startsWith("charset=") && !p.equals("charset=utf-8") && !p.equals("charset=\"utf-8\"")) {
                throw unsupported(contentType);
            }
        }
    }

    private static ApiError unsupported(String given) {
        return new ApiError(
                ErrorStatus.UNSUPPORTED_MEDIA_TYPE,
                "send the body as Content-Type: application/json (UTF-8); got " + given);
    }

    private static String utf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new ApiError("BAD_REQUEST", "the request body is not valid UTF-8");
        }
    }
}
