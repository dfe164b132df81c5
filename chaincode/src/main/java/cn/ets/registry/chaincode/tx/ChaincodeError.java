package cn.ets.registry.chaincode.tx;

import cn.ets.registry.chaincode.json.CanonicalJson;
import cn.ets.registry.domain.DomainException;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.stream.JsonReader;
import java.io.StringReader;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one encoding of a refusal in a chaincode error message, and its one parser. The peer's
 * gateway passes clients nothing of a failed transaction but {@code chaincode response 500,
 * <message>}, so the code and the details travel inside the message:
 * {@code [INSUFFICIENT_HOLDINGS] HB-U1 holds 5 t of CEA-2024 available, needs 10 t details={"account":"HB-U1",…}}.
 * Both ledgers (and the chaincode tests) read errors with {@link #parse}.
 */
public record ChaincodeError(String code, String message, String detailsJson) {
    private static final Pattern CODED = Pattern.compile("\\[([A-Z][A-Z_]*)] ");
    private static final String DETAILS = " details=";

    public static ChaincodeError of(DomainException e) {
        return new ChaincodeError(e.code().name(), e.getMessage(), CanonicalJson.write(e.details()));
    }

    public String encode() {
        return "[" + code + "] " + message + ("{}".equals(detailsJson) ? "" : DETAILS + detailsJson);
    }

    /** The first coded error in {@code text} (which may carry the peer's prefix), or empty if there is none. */
    public static Optional<ChaincodeError> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = CODED.matcher(text);
        if (!m.find()) {
            return Optional.empty();
        }
        String rest = text.substring(m.end());
        int d = rest.lastIndexOf(DETAILS + "{");
        if (d >= 0) {
            try {
                JsonReader reader = new JsonReader(new StringReader(rest.substring(d + DETAILS.length())));
                JsonElement details = JsonParser.parseReader(reader);
                if (details.isJsonObject()) {
                    return Optional.of(
                            new ChaincodeError(m.group(1), rest.substring(0, d), CanonicalJson.write(details)));
                }
            } catch (RuntimeException notDetails) {
                // the message itself happened to contain the marker: keep it whole
            }
        }
        return Optional.of(new ChaincodeError(m.group(1), rest.strip(), "{}"));
    }

    public JsonObject details() {
        return JsonParser.parseString(detailsJson).getAsJsonObject();
    }
}
