package cn.ets.registry.domain.account;

import cn.ets.registry.domain.DomainException;
import cn.ets.registry.domain.ErrorCode;
import cn.ets.registry.domain.product.Product;
import java.util.Map;

/**
 * Who may be a party to an exchange trade (domain-rules §5; 002; 003 §2.2.6: "目前,只有重点排放单位可以
 * … 交易, 其他机构和个人投资者尚不能开户和交易"): key emitting units trade CEA and CCER; institutions
 * trade CCER, and CEA only once the registry has admitted them to the CEA market (a flag it sets,
 * for when the rules open it); individuals and project owners trade CCER only. Authority accounts
 * (MEE, provinces) never trade, nor does an account whose trading qualification the registry
 * cancelled (001 §45 (六) "取消交易资格", whatever its status) or whose TRADE function it restricted
 * (001 §45 (四), (五)).
 */
public final class TradingEligibility {
    private TradingEligibility() {}

    /** Whether {@code a} may trade {@code product}; {@code admitted}: the registry admitted it to the CEA market. */
    public static boolean mayTrade(Account a, Product product, boolean admitted) {
        return refusal(a, product, admitted) == null;
    }

    public static void requireMayTrade(Account a, Product product, boolean admitted) {
        String why = refusal(a, product, admitted);
        if (why != null) {
            throw new DomainException(
                    ErrorCode.NOT_TRADABLE,
                    "account " + a.id() + " may not trade " + product.code() + ": " + why,
                    Map.of("account", a.id(), "type", a.type().name(), "product", product.code()));
        }
    }

    /** Why {@code a} may not trade {@code product}, or null when it may. */
    public static String refusal(Account a, Product product, boolean admitted) {
        String byType = switch (a.type()) {
            case UNIT -> null;
            case INSTITUTION ->
                product.isCea() && !admitted
                        ? "an institution trades CEA only once the registry admits it to the CEA market"
                        : null;
            case INDIVIDUAL, PROJECT_OWNER -> product.isCea() ? "a " + a.type() + " account trades CCER only" : null;
            case MEE, PROVINCE -> "an authority account never trades";
        };
        if (byType != null) {
            return byType;
        }
        if (a.tradingQualificationCancelled()) {
            return "its trading qualification was cancelled (001 §45)";
        }
        if (a.restricts(AccountFunction.TRADE)) {
            return "its TRADE function is restricted (001 §45)";
        }
        return null;
    }
}
