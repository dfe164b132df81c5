package cn.ets.registry.gateway.accounts;

import cn.ets.registry.api.AccountsApi.AccountView;
import cn.ets.registry.api.Catalogue;
import cn.ets.registry.api.Omittable;
import cn.ets.registry.chaincode.json.CanonicalJson;
import cn.ets.registry.gateway.http.CatalogueEndpoints;
import cn.ets.registry.gateway.http.Endpoint;
import cn.ets.registry.gateway.http.Http;
import cn.ets.registry.gateway.identity.Caller;
import cn.ets.registry.gateway.identity.Credential;
import cn.ets.registry.gateway.identity.HolderEnrolment;
import cn.ets.registry.gateway.ledger.Ledger;
import com.google.gson.JsonObject;
import java.util.List;
import java.util.Objects;

/** Opening an account answers with the new holder's own credential; {@code whoami} tells a caller who it is. */
public final class AccountEndpoints {
    private final Ledger ledger;
    private final HolderEnrolment enrolment;

    public AccountEndpoints(Ledger ledger, HolderEnrolment enrolment) {
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.enrolment = Objects.requireNonNull(enrolment, "enrolment");
    }

    /** {@code province} for PROVINCE and UNIT identities, {@code account} for holders. */
    public record WhoAmI(
            String name,
            String org,
            String role,
            @Omittable String province,
            @Omittable String account) {}

    public List<Endpoint> endpoints() {
        return List.of(
                CatalogueEndpoints.of(Catalogue.OPEN_ACCOUNT, ctx -> {
                    Caller caller = Http.caller(ctx);
                    JsonObject result = CanonicalJson.parseObject(Http.call(
                            ledger,
                            caller,
                            Catalogue.OPEN_ACCOUNT,
                            Http.body(ctx).toString()));
                    AccountView account = CanonicalJson.read(result.toString(), AccountView.class);
                    Credential holder = enrolment.enrol(caller, account);
                    JsonObject answer = CanonicalJson.tree(new AccountView(
                                    account.id(),
                                    account.type(),
                                    account.name(),
                                    account.province(),
                                    account.sector(),
                                    account.status(),
                                    account.statusReason(),
                                    account.holdings(),
                                    holder.token()))
                            .getAsJsonObject();
                    answer.add("replayed", result.get("replayed"));
                    ctx.header("Cache-Control", "no-store");
                    Http.json(ctx, 201, CanonicalJson.write(answer));
                }),
                new Endpoint(
                        "GET",
                        "/api/v1/whoami",
                        200,
                        "any identity",
                        "The identity behind the bearer token",
                        "accounts",
                        null,
                        false,
                        WhoAmI.class,
                        "application/json",
                        false,
                        List.of(),
                        false,
                        ctx -> {
                            Credential c = Http.caller(ctx).credential();
                            ctx.json(new WhoAmI(c.name(), c.org(), c.role(), c.province(), c.account()));
                        }));
    }
}
