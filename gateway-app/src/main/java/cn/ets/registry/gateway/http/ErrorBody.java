package cn.ets.registry.gateway.http;

import io.javalin.openapi.OpenApiRequired;
import java.util.Map;

/** Documentation shape of every error answer. */
public record ErrorBody(@OpenApiRequired Error error) {
    public record Error(@OpenApiRequired String code, @OpenApiRequired String message, Map<String, Object> details) {
    }
}
