package cn.ets.registry.gateway.ledger;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Objects;

/** An X.509 identity of one organisation, with the private key that signs for it. */
public record LedgerIdentity(
        String name, String mspId, X509Certificate certificate, String certificatePem, PrivateKey privateKey) {
    public LedgerIdentity {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(mspId, "mspId");
        Objects.requireNonNull(certificate, "certificate");
        Objects.requireNonNull(certificatePem, "certificatePem");
        Objects.requireNonNull(privateKey, "privateKey");
    }

    @Override
    public String toString() {
        return name + "@" + mspId;
    }
}
