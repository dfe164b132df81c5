package cn.ets.registry.domain.account;

import cn.ets.registry.domain.DomainException;
import cn.ets.registry.domain.ErrorCode;
import cn.ets.registry.domain.product.Product;
import java.util.Map;

/**
 * Who may be a party to an exchange trade (domain-rules §5): key emitting units, admitted
 * institutions and individuals; project owners only for the CCER they were issued. Authority
 * accounts (MEE, provinces) never trade.
 */
public final class TradingEligibility {
    private TradingEligibility() {}

    public static void requireMayTrade(Account a, Product product) {
        boolean ok = switch (a.type()) {
            case UNIT, INSTITUTION, INDIVIDUAL -> true;
            case PROJECT_OWNER -> !product.isCea();
            case MEE, PROVINCE -> false;
        };
        if (!ok) {
            throw new DomainException(
                    ErrorCode.NOT_TRADABLE,
                    "account " + a.id() + " of type " + a.type() + " may not trade " + product,
                    Map.of("account", a.id(), "type", a.type().name(), "product", product.code()));
        }
    }
}
