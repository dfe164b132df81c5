package cn.ets.registry.gateway.identity;

import cn.ets.registry.api.AccountsApi.AccountView;
import cn.ets.registry.gateway.ledger.LedgerIdentity;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Gives a newly opened account its own identity: a certificate from the opening organisation's CA
 * (a province for its units, the registry for institutions, individuals and project owners)
 * carrying role, account and province, and a bearer token for it. Runs after the account is
 * committed, so a refused opening never leaves a credential behind; and once per account: the same
 * opening sent again (say after a crash between the commit and the credential) gets the credential
 * made then, or now if there was none yet, so an opened account is never left without one.
 */
public final class HolderEnrolment {
    private final IdentityStore store;
    private final Map<String, Organisation> organisations;

    public HolderEnrolment(IdentityStore store, Map<String, Organisation> organisations) {
        this.store = Objects.requireNonNull(store, "store");
        this.organisations = Objects.requireNonNull(organisations, "organisations");
    }

    public Credential enrol(Caller opener, AccountView account) {
        String id = account.id();
        String type = account.type();
        String province = account.province();
        Organisation org = organisations.values().stream()
                .filter(o -> o.mspId().equals(opener.identity().mspId()) && o.ca() != null)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException(
                        "this gateway holds no CA for " + opener.identity().mspId()));
        Map<String, String> attrs = new LinkedHashMap<>();
        attrs.put("role", type);
        attrs.put("account", id);
        if ("UNIT".equals(type) && province != null) {
            attrs.put("province", province);
        }
        String name = "account-" + id;
        synchronized (store) {
            Optional<Credential> existing = store.byName(name);
            if (existing.isPresent()) {
                return existing.get();
            }
            LedgerIdentity identity = org.ca().issue(name, attrs);
            Credential c = store.add(identity, org.name(), type, "UNIT".equals(type) ? province : null, id);
            store.save();
            return c;
        }
    }
}
