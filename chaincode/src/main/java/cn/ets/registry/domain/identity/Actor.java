package cn.ets.registry.domain.identity;

import java.util.Objects;

/**
 * The caller of a transaction, established from its certificate (MSP id and attributes), never
 * from arguments. {@code province} is set for PROVINCE and UNIT callers, {@code account} for holders.
 */
public record Actor(String mspId, String name, Role role, String province, String account) {
    public Actor {
        Objects.requireNonNull(mspId, "mspId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(role, "role");
    }

    public boolean is(Role r) {
        return role == r;
    }

    public boolean holds(String accountId) {
        return role.isHolder() && account != null && account.equals(accountId);
    }
}
