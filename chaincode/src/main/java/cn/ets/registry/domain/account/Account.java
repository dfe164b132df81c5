package cn.ets.registry.domain.account;

import cn.ets.registry.domain.DomainException;
import java.util.Objects;
import java.util.regex.Pattern;

/** An account in the registry. {@code province} is set for PROVINCE and UNIT accounts. */
public record Account(
        String id,
        AccountType type,
        String name,
        String province,
        String sector,
        AccountStatus status,
        String statusReason) {
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final Pattern PROVINCE = Pattern.compile("[A-Z]{2}");

    public Account {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(status, "status");
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
        return new Account(id, type, name, province, sector, newStatus, reason);
    }
}
