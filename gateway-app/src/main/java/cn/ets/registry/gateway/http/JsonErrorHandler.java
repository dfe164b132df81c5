package cn.ets.registry.gateway.http;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.handler.ErrorHandler;

/**
 * What Jetty answers itself, before a request reaches a route (a URI it cannot parse, one too
 * long, headers too large), in the gateway's one error format instead of an HTML page.
 */
final class JsonErrorHandler extends ErrorHandler {
    private static final String JSON = "application/json;charset=utf-8";

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        fields.put(HttpHeader.CONTENT_TYPE, JSON);
        return ByteBuffer.wrap(body(status, reason).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    protected void generateAcceptableResponse(
            Request baseRequest, HttpServletRequest request, HttpServletResponse response, int code, String message)
            throws IOException {
        baseRequest.setHandled(true);
        response.setContentType(JSON);
        response.getOutputStream().write(body(code, message).getBytes(StandardCharsets.UTF_8));
    }

    static String body(int status, String reason) {
        String code = switch (status) {
            case 404 -> "NOT_FOUND";
            case 408 -> ErrorStatus.REQUEST_TIMEOUT;
            case 413 -> ErrorStatus.PAYLOAD_TOO_LARGE;
            case 414 -> ErrorStatus.URI_TOO_LONG;
            case 431 -> ErrorStatus.HEADERS_TOO_LARGE;
            default -> status >= 500 ? ErrorStatus.INTERNAL : "BAD_REQUEST";
        };
        String text = reason == null || reason.isBlank() ? "the request could not be read" : reason;
        return new ApiError(code, "HTTP " + status + ": " + text).body();
    }
}
