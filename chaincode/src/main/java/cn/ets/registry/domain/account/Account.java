package cn.ets.registry.domain.account;

import cn.ets.registry.domain.DomainException;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * An account in the registry. {@code province} is set for PROVINCE and UNIT accounts.
 *
 * @param tradingQualificationCancelled the registry cancelled its trading qualification (001 §45 (六)
 *                                      "取消交易资格"): it may not be a party to trades, whatever its status
 * @param restrictedFunctions           functions restricted by enforcement measures (001 §45 (四), (五))
 */
public record Account(
        String id,
        AccountType type,
        String name,
        String province,
        String sector,
        AccountStatus status,
        String statusReason,
        boolean tradingQualificationCancelled,
        List<AccountFunction> restrictedFunctions) {
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final Pattern PROVINCE = Pattern.compile("[A-Z]{2}");

    public Account {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(status, "status");
        restrictedFunctions = restrictedFunctions == null ? List.of() : List.copyOf(new TreeSet<>(restrictedFunctions));
    }

    /** A new account: qualified to trade, no function restricted. */
    public Account(
            String id,
            AccountType type,
            String name,
            String province,
            String sector,
            AccountStatus status,
            String statusReason) {
        this(id, type, name, province, sector, status, statusReason, false, List.of());
    }

    public static String requireValidId(String id) {
        if (id == null || !ID.matcher(id).matches()) {
            throw DomainException.badRequest(
                    "account id must be 1-64 letters, digits, '.', '_' or '-', starting with a letter or digit");
        }
        return id;
    }

    public static String requireValidProvince(String code) {
        if (code == null || !PROVINCE.matcher(code).matches()) {
            throw DomainException.badRequest("province must be a two-letter upper-case code such as HB");
        }
        return code;
    }

    public static String provinceAccountId(String province) {
        return "PROVINCE-" + province;
    }

    /** Allocation and surrender concern key emitting units only. */
    public Account requireUnit() {
        if (type != AccountType.UNIT) {
            throw DomainException.badRequest(id + " is not a key emitting unit");
        }
        return this;
    }

    public Account withStatus(AccountStatus newStatus, String reason) {
        return new Account(
                id,
                type,
                name,
                province,
                sector,
                newStatus,
                reason,
                tradingQualificationCancelled,
                restrictedFunctions);
    }

    public Account withTradingQualificationCancelled(boolean cancelled) {
        return new Account(id, type, name, province, sector, status, statusReason, cancelled, restrictedFunctions);
    }

    public Account withRestrictedFunctions(Collection<AccountFunction> functions) {
        return new Account(
                id,
                type,
                name,
                province,
                sector,
                status,
                statusReason,
                tradingQualificationCancelled,
                List.copyOf(functions));
    }

    public boolean restricts(AccountFunction function) {
        return restrictedFunctions.contains(function);
    }
}
