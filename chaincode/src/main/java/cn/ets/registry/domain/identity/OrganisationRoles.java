package cn.ets.registry.domain.identity;

import cn.ets.registry.domain.DomainException;
import cn.ets.registry.domain.ErrorCode;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which roles each organisation may vouch for. An organisation's CA signs its members' attributes,
 * so a certificate is only believed for roles its own organisation is entitled to: the Ministry
 * cannot mint a province, a province cannot mint the exchange.
 */
public final class OrganisationRoles {
    public static final String MEE_MSP = "MEEMSP";
    public static final String REGISTRY_MSP = "RegistryMSP";
    public static final String EXCHANGE_MSP = "ExchangeMSP";
    /** The public auditors' organisation: only its CA vouches for AUDITOR, so no operator can mint an auditor. */
    public static final String AUDIT_MSP = "AuditMSP";
    /**
     * The settlement bank's own organisation (结算银行): only its CA vouches for SETTLEMENT_BANK, so
     * neither the registry nor the exchange can confirm a funds leg the bank did not confirm.
     */
    public static final String BANK_MSP = "BankMSP";

    private static final Pattern PROVINCE_MSP = Pattern.compile("Province([A-Z]{2})MSP");

    private OrganisationRoles() {}

    public static String provinceMsp(String provinceCode) {
        return "Province" + provinceCode + "MSP";
    }

    /** The province an MSP id belongs to, or null when it is not a provincial organisation. */
    public static String provinceOf(String mspId) {
        Matcher m = PROVINCE_MSP.matcher(mspId);
        return m.matches() ? m.group(1) : null;
    }

    /** Validates the role claimed by a certificate of {@code mspId}; returns the caller. */
    public static Actor establish(String mspId, String name, String roleAttr, String provinceAttr, String accountAttr) {
        if (roleAttr == null || roleAttr.isBlank()) {
            throw new DomainException(
                    ErrorCode.FORBIDDEN, "the certificate of " + name + " (" + mspId + ") carries no role attribute");
        }
        Role role;
        try {
            role = Role.valueOf(roleAttr);
        } catch (IllegalArgumentException e) {
            throw new DomainException(
                    ErrorCode.FORBIDDEN, "unknown role '" + roleAttr + "' in the certificate of " + name);
        }
        String orgProvince = provinceOf(mspId);
        Set<Role> allowed = switch (mspId) {
            case MEE_MSP -> Set.of(Role.MEE);
            case REGISTRY_MSP -> Set.of(Role.REGISTRY, Role.INSTITUTION, Role.INDIVIDUAL, Role.PROJECT_OWNER);
            case EXCHANGE_MSP -> Set.of(Role.EXCHANGE);
            case AUDIT_MSP -> Set.of(Role.AUDITOR);
            case BANK_MSP -> Set.of(Role.SETTLEMENT_BANK);
            default -> orgProvince != null ? Set.of(Role.PROVINCE, Role.UNIT) : Set.of();
        };
        if (!allowed.contains(role)) {
            throw new DomainException(ErrorCode.FORBIDDEN, "organisation " + mspId + " cannot vouch for role " + role);
        }
        String province = null;
        if (role == Role.PROVINCE || role == Role.UNIT) {
            province = orgProvince;
            if (provinceAttr != null && !provinceAttr.equals(orgProvince)) {
                throw new DomainException(
                        ErrorCode.FORBIDDEN, "certificate of " + mspId + " claims province " + provinceAttr);
            }
        }
        String account = null;
        if (role.isHolder()) {
            if (accountAttr == null || accountAttr.isBlank()) {
                throw new DomainException(ErrorCode.FORBIDDEN, "holder certificate of " + name + " names no account");
            }
            account = accountAttr;
        }
        return new Actor(mspId, name, role, province, account);
    }
}
