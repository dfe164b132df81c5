package cn.ets.registry.gateway.identity;

import cn.ets.registry.api.AccountsApi.AccountView;
import cn.ets.registry.gateway.ledger.LedgerIdentity;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Gives a newly opened account its own identity: a certificate from the opening organisation's CA
 * (a province for its units, the registry for institutions, individuals and project owners)
 * carrying role, account and province, and a bearer token for it. Runs after the account is
 * committed, so a refused opening never leaves a credential behind.
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
            LedgerIdentity identity = org.ca().issue(name, attrs);
            Credential c = store.add(identity, org.name(), type, "UNIT".equals(type) ? province : null, id);
            store.save();
            return c;
        }
    }
}
