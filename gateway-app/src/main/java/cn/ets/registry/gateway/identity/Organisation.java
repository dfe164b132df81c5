package cn.ets.registry.gateway.identity;

import java.util.Objects;

/** A Fabric organisation as this gateway knows it: short name, MSP id and, where it issues identities, its CA. */
public record Organisation(String name, String mspId, CertificateAuthority ca) {
    public Organisation {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(mspId, "mspId");
    }
}
