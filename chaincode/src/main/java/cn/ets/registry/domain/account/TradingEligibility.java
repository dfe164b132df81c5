package cn.ets.registry.domain.account;

import cn.ets.registry.domain.DomainException;
import cn.ets.registry.domain.ErrorCode;
import cn.ets.registry.domain.product.Product;
import java.util.Map;

/**
 * Who may be a party to an exchange trade (domain-rules §5): key emitting units, admitted
 * institutions and individuals; project owners only for the CCER they were issued. Authority
 * accounts (MEE, provinces) never trade, nor does an account whose trading qualification the
 * registry cancelled (001 §45 (六) "取消交易资格", whatever its status) or whose TRADE function it
 * restricted (001 §45 (四), (五)).
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
        if (a.tradingQualificationCancelled() || a.restricts(AccountFunction.TRADE)) {
            throw new DomainException(
                    ErrorCode.NOT_TRADABLE,
                    "account " + a.id() + " may not trade: "
                            + (a.tradingQualificationCancelled()
                                    ? "its trading qualification was cancelled (001 §45)"
                                    : "its TRADE function is restricted (001 §45)"),
                    Map.of("account", a.id(), "product", product.code()));
        }
    }
}
