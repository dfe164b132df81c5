package cn.ets.registry.api;

import cn.ets.registry.domain.policy.PolicyParameters;
import com.google.gson.JsonObject;
import java.util.List;

/**
 * Policy parameters per vintage: anyone reads them, MEE publishes them; every publication is a new
 * version and a public event. A vintage exists only once published: its first version is a complete
 * set, or a copy of a published vintage ({@code copyFrom}) with what differs.
 */
public final class ParametersApi {
    private ParametersApi() {}

    /** With {@code version}, that version as it was published; without, the version in force. */
    public record Get(
            @PathParam String vintage,
            @QueryParam @Range(min = 1, max = 1_000_000) Integer version) {}

    /**
     * {@code {"requestId", "copyFrom"?, …parameters}}: for a published vintage, the fields named change
     * and the others keep their value; for a new vintage, every parameter is given, or {@code copyFrom}
     * names a published vintage whose set is copied and the fields named change. The version goes up
     * by one (1 for a new vintage).
     */
    public record Set(
            @PathParam String vintage,
            String requestId,
            @WholeBody JsonObject changes) {}

    public record ListAll() {}

    public record VintageVersion(String vintage, int version) {}

    public record Published(List<VintageVersion> vintages) {}

    public record Changed(
            String requestId,
            String vintage,
            int version,
            PolicyParameters parameters,
            @Flatten Attribution attribution) {}
}
