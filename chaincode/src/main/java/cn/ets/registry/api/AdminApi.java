package cn.ets.registry.api;

import java.util.List;

/** Setting the registry up: the authority accounts and the first policy parameters. */
public final class AdminApi {
    private AdminApi() {}

    public record Bootstrap(List<String> provinces) {}

    public record Bootstrapped(List<String> created) {}

    public record Status() {}

    public record RegistryStatus(boolean bootstrapped, List<String> authorityAccounts) {}
}
