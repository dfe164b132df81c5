package cn.ets.registry.api;

import cn.ets.registry.domain.DomainException;
import cn.ets.registry.domain.account.Account;
import cn.ets.registry.domain.account.AccountStatus;
import cn.ets.registry.domain.account.AccountType;
import cn.ets.registry.domain.policy.Sector;
import java.util.Arrays;
import java.util.List;

/** Accounts (001 §14): opened by a province (its units) or the registry (other holders); status set by the registry (001 §45). */
public final class AccountsApi {
    private AccountsApi() {}

    /** A unit needs its province and a covered sector; other holders may name a province, and any sector text. */
    public record Open(
            String id,
            AccountType type,
            String name,
            @Omittable String province,
            @Omittable String sector) {
        public Open {
            Account.requireValidId(id);
            if (type.isAuthority()) {
                throw DomainException.badRequest(
                        "authority accounts (MEE, PROVINCE) exist from the start and cannot be opened");
            }
            if (type == AccountType.UNIT) {
                if (province == null) {
                    throw DomainException.badRequest("missing field 'province'");
                }
                if (sector == null) {
                    throw DomainException.badRequest("missing field 'sector'");
                }
                String given = sector;
                if (Arrays.stream(Sector.values()).noneMatch(s -> s.name().equals(given))) {
                    throw DomainException.badRequest("field 'sector' has unknown value '" + sector + "'; allowed: "
                            + Arrays.toString(Sector.values()));
                }
            }
            if (province != null) {
                Account.requireValidProvince(province);
            }
        }
    }

    public record Get(@PathParam String id) {}

    public record SetStatus(@PathParam String id, @Omittable String requestId, AccountStatus status, String reason) {}

    public record HoldingView(String product, long quantity, long locked) {}

    /** {@code token}: only in the answer to opening a holder account, the new holder's bearer token. */
    public record AccountView(
            String id,
            String type,
            String name,
            @Omittable String province,
            @Omittable String sector,
            String status,
            @Omittable String statusReason,
            List<HoldingView> holdings,
            @Omittable String token) {}

    /**
     * The event of a status change (001 §45 enforcement measure): from what, to what, why; the
     * account's type and province say who may read it in the event stream.
     */
    public record StatusChanged(
            String id, String type, @Omittable String province, String previous, String status, String reason) {}
}
