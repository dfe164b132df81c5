package cn.ets.registry.gateway.http;

import cn.ets.registry.chaincode.json.CanonicalJson;
import cn.ets.registry.domain.DomainException;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/** {@code {"error":{"code","message","details"}}}: the only error shape the gateway answers with. */
public final class ApiError extends RuntimeException {
    private final String code;
    private final String detailsJson;

    public ApiError(String code, String message) {
        this(code, message, null);
    }

    public ApiError(String code, String message, String detailsJson) {
        super(message);
        this.code = code;
        this.detailsJson = detailsJson;
    }

    /** A rule's refusal raised at the edge (the same decoding the ledgers use). */
    public static ApiError of(DomainException e) {
        return new ApiError(e.code().name(), e.getMessage(), CanonicalJson.write(e.details()));
    }

    public String code() {
        return code;
    }

    public int status() {
        return ErrorStatus.of(code);
    }

    public String body() {
        JsonObject e = new JsonObject();
        e.addProperty("code", code);
        e.addProperty("message", getMessage());
        JsonElement details = new JsonObject();
        if (detailsJson != null && !detailsJson.isBlank()) {
            try {
                JsonElement d = JsonParser.parseString(detailsJson);
                if (d.isJsonObject()) {
                    details = d;
                }
            } catch (RuntimeException ignored) {
                // details are best effort; the code and message carry the meaning
            }
        }
        e.add("details", details);
        JsonObject root = new JsonObject();
        root.add("error", e);
        return root.toString();
    }
}
