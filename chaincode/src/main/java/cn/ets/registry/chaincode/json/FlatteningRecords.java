package cn.ets.registry.chaincode.json;

import cn.ets.registry.api.Flatten;
import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.TypeAdapter;
import com.google.gson.TypeAdapterFactory;
import com.google.gson.annotations.SerializedName;
import com.google.gson.reflect.TypeToken;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;

/**
 * Records with a {@link Flatten} field: that field's own fields are written at the level of the
 * record (and read back from it), so {@code Finalised(requestId, @Flatten AllocationView, …)} is one
 * flat JSON object. Every other record goes through Gson's own record support.
 */
final class FlatteningRecords implements TypeAdapterFactory {

    @Override
    @SuppressWarnings("unchecked")
    public <T> TypeAdapter<T> create(Gson gson, TypeToken<T> type) {
        Class<?> raw = type.getRawType();
        if (!raw.isRecord()
                || Arrays.stream(raw.getRecordComponents()).noneMatch(c -> c.isAnnotationPresent(Flatten.class))) {
            return null;
        }
        return (TypeAdapter<T>) new Adapter<>(gson, raw);
    }

    static String jsonName(RecordComponent c) {
        SerializedName n = c.getAnnotation(SerializedName.class);
        if (n == null) {
            try {
                n = c.getDeclaringRecord().getDeclaredField(c.getName()).getAnnotation(SerializedName.class);
            } catch (NoSuchFieldException e) {
                n = null;
            }
        }
        return n == null ? c.getName() : n.value();
    }

    private static final class Adapter<T> extends TypeAdapter<T> {
        private final Gson gson;
        private final Class<T> type;
        private final RecordComponent[] components;

        Adapter(Gson gson, Class<T> type) {
            this.gson = gson;
            this.type = type;
            this.components = type.getRecordComponents();
        }

        @Override
        public void write(JsonWriter out, T value) throws IOException {
            if (value == null) {
                out.nullValue();
                return;
            }
            JsonObject o = new JsonObject();
            try {
                for (RecordComponent c : components) {
                    Object v = c.getAccessor().invoke(value);
                    JsonElement e = v == null ? JsonNull.INSTANCE : gson.toJsonTree(v, c.getGenericType());
                    if (c.isAnnotationPresent(Flatten.class)) {
                        if (e.isJsonObject()) {
                            e.getAsJsonObject().entrySet().forEach(x -> o.add(x.getKey(), x.getValue()));
                        }
                    } else {
                        o.add(jsonName(c), e);
                    }
                }
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot write " + type, e);
            }
            gson.getAdapter(JsonElement.class).write(out, o);
        }

        @Override
        public T read(JsonReader in) throws IOException {
            JsonElement e = gson.getAdapter(JsonElement.class).read(in);
            if (e == null || e.isJsonNull()) {
                return null;
            }
            JsonObject o = e.getAsJsonObject();
            Object[] values = new Object[components.length];
            for (int i = 0; i < components.length; i++) {
                RecordComponent c = components[i];
                JsonElement v = c.isAnnotationPresent(Flatten.class) ? o : o.get(jsonName(c));
                values[i] = v == null || v.isJsonNull() ? defaultOf(c.getType()) : gson.fromJson(v, c.getGenericType());
            }
            try {
                Constructor<T> ctor = type.getDeclaredConstructor(
                        Arrays.stream(components).map(RecordComponent::getType).toArray(Class[]::new));
                ctor.setAccessible(true);
                return ctor.newInstance(values);
            } catch (ReflectiveOperationException ex) {
                throw new IllegalStateException("cannot read " + type, ex);
            }
        }

        private static Object defaultOf(Class<?> t) {
            if (t == boolean.class) {
                return false;
            }
            if (t == long.class) {
                return 0L;
            }
            if (t == int.class) {
                return 0;
            }
            return null;
        }
    }
}
