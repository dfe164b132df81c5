package cn.ets.registry.api;

import cn.ets.registry.domain.policy.PolicyParameters;
import com.google.gson.JsonObject;

/** Policy parameters per vintage: anyone reads them, MEE changes them; every change is a new version and a public event. */
public final class ParametersApi {
    private ParametersApi() {}

    public record Get(@PathParam String vintage) {}

    /** {@code {"requestId", …parameters to change}}: fields not named keep their value; the version goes up by one. */
    public record Set(
            @PathParam String vintage,
            String requestId,
            @WholeBody JsonObject changes) {}

    public record Changed(
            String requestId,
            String vintage,
            int version,
            PolicyParameters parameters,
            @Flatten Attribution attribution) {}
}
