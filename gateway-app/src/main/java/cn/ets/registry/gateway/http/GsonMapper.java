package cn.ets.registry.gateway.http;

import cn.ets.registry.chaincode.json.CanonicalJson;
import io.javalin.json.JsonMapper;
import java.lang.reflect.Type;

/** Javalin answers through the registry's one JSON codec (Gson, canonical form), never through a second library. */
final class GsonMapper implements JsonMapper {

    @Override
    public String toJsonString(Object obj, Type type) {
        return CanonicalJson.write(obj);
    }

    @Override
    public <T> T fromJsonString(String json, Type targetType) {
        throw new UnsupportedOperationException("request bodies are read by Http.body, strictly");
    }
}
