package cn.ets.registry.gateway.accounts;

import static io.javalin.apibuilder.ApiBuilder.get;
import static io.javalin.apibuilder.ApiBuilder.post;
import static io.javalin.apibuilder.ApiBuilder.put;

import cn.ets.registry.gateway.http.Caller;
import cn.ets.registry.gateway.http.ErrorBody;
import cn.ets.registry.gateway.http.Http;
import cn.ets.registry.gateway.identity.Credential;
import cn.ets.registry.gateway.identity.HolderEnrolment;
import cn.ets.registry.gateway.ledger.Ledger;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.javalin.http.Context;
import io.javalin.openapi.HttpMethod;
import io.javalin.openapi.OpenApi;
import io.javalin.openapi.OpenApiContent;
import io.javalin.openapi.OpenApiParam;
import io.javalin.openapi.OpenApiRequestBody;
import io.javalin.openapi.OpenApiRequired;
import io.javalin.openapi.OpenApiResponse;
import io.javalin.openapi.OpenApiSecurity;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Accounts: open (with a token for the new holder), read, status changes; and whoami. */
public final class AccountsEndpoints {
    private final Ledger ledger;
    private final HolderEnrolment enrolment;

    public AccountsEndpoints(Ledger ledger, HolderEnrolment enrolment) {
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.enrolment = Objects.requireNonNull(enrolment, "enrolment");
    }

    public void routes() {
        post("/api/v1/accounts", this::open);
        get("/api/v1/accounts/{id}", this::read);
        put("/api/v1/accounts/{id}/status", this::setStatus);
        get("/api/v1/whoami", this::whoami);
    }

    public record OpenAccount(@OpenApiRequired String id, @OpenApiRequired String type, @OpenApiRequired String name,
                              String province, String sector) {
    }

    public record HoldingView(@OpenApiRequired String product, @OpenApiRequired long quantity, @OpenApiRequired long locked) {
    }

    public record AccountView(@OpenApiRequired String id, @OpenApiRequired String type, @OpenApiRequired String name,
                              String province, String sector, @OpenApiRequired String status, String statusReason,
                              @OpenApiRequired List<HoldingView> holdings, String token) {
    }

    public record StatusChange(@OpenApiRequired String status, @OpenApiRequired String reason) {
    }

    public record WhoAmI(@OpenApiRequired String name, @OpenApiRequired String org, @OpenApiRequired String role,
                         String province, String account) {
    }

    @OpenApi(path = "/api/v1/accounts", methods = HttpMethod.POST, tags = "accounts",
            summary = "Open a holder account: a province opens UNIT accounts of its province, the registry the others; the answer carries the new holder's token",
            security = @OpenApiSecurity(name = "BearerAuth"),
            requestBody = @OpenApiRequestBody(required = true, content = @OpenApiContent(from = OpenAccount.class)),
            responses = {@OpenApiResponse(status = "201", content = @OpenApiContent(from = AccountView.class)),
                    @OpenApiResponse(status = "400", content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "403", content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "409", content = @OpenApiContent(from = ErrorBody.class))})
    void open(Context ctx) {
        Caller caller = Http.caller(ctx);
        JsonObject body = Http.body(ctx);
        String result = Http.submit(ledger, caller, "accounts:open", body.toString());
        JsonObject account = JsonParser.parseString(result).getAsJsonObject();
        Credential holder = enrolment.enrol(caller, account);
        account.addProperty("token", holder.token());
        Http.json(ctx, 201, account.toString());
    }

    @OpenApi(path = "/api/v1/accounts/{id}", methods = HttpMethod.GET, tags = "accounts",
            summary = "An account with its holdings (the holder, its province, MEE, the registry)",
            security = @OpenApiSecurity(name = "BearerAuth"),
            pathParams = @OpenApiParam(name = "id", required = true),
            responses = {@OpenApiResponse(status = "200", content = @OpenApiContent(from = AccountView.class)),
                    @OpenApiResponse(status = "403", content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "404", content = @OpenApiContent(from = ErrorBody.class))})
    void read(Context ctx) {
        Http.json(ctx, 200, Http.evaluate(ledger, Http.caller(ctx), "accounts:get", ctx.pathParam("id")));
    }

    @OpenApi(path = "/api/v1/accounts/{id}/status", methods = HttpMethod.PUT, tags = "accounts",
            summary = "Change an account's status with a reason (registry; enforcement measures of 001 §45)",
            security = @OpenApiSecurity(name = "BearerAuth"),
            pathParams = @OpenApiParam(name = "id", required = true),
            requestBody = @OpenApiRequestBody(required = true, content = @OpenApiContent(from = StatusChange.class)),
            responses = {@OpenApiResponse(status = "200", content = @OpenApiContent(from = AccountView.class)),
                    @OpenApiResponse(status = "403", content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "404", content = @OpenApiContent(from = ErrorBody.class))})
    void setStatus(Context ctx) {
        Caller caller = Http.caller(ctx);
        JsonObject body = Http.body(ctx);
        Http.json(ctx, 200, Http.submit(ledger, caller, "accounts:setStatus", ctx.pathParam("id"), body.toString()));
    }

    @OpenApi(path = "/api/v1/whoami", methods = HttpMethod.GET, tags = "accounts", summary = "The identity behind the bearer token",
            security = @OpenApiSecurity(name = "BearerAuth"),
            responses = @OpenApiResponse(status = "200", content = @OpenApiContent(from = WhoAmI.class)))
    void whoami(Context ctx) {
        Credential c = Http.caller(ctx).credential();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", c.name());
        m.put("org", c.org());
        m.put("role", c.role());
        if (c.province() != null) {
            m.put("province", c.province());
        }
        if (c.account() != null) {
            m.put("account", c.account());
        }
        ctx.json(m);
    }
}
