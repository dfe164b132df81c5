package cn.ets.registry.domain.compliance;

import cn.ets.registry.domain.DomainException;
import cn.ets.registry.domain.ErrorCode;
import cn.ets.registry.domain.Tonnes;
import cn.ets.registry.domain.policy.PolicyParameters;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import java.util.Objects;

/**
 * Most a unit may carry forward (003 §2.2.7, 专题6: "最大可结转量等于1万吨加上各年年度配额…的净卖出量的
 * 1.5倍"): {@code carryOverBase + floor(multiplier × max(0, Σ net sales))} over the
 * {@code carryOverVintages}. The base is a floor: the rule adds 1.5 × the net quantity <i>sold</i>
 * (净卖出量) to 10,000 t, and a net buyer has sold nothing net, so its limit is the 10,000 t base —
 * buying never lowers it (the rule's aim is to make holders sell surplus, 专题6). Rounding down
 * keeps the limit from exceeding the exact value by a fraction of a tonne.
 */
public final class CarryOverLimit {
    private CarryOverLimit() {}

    /** @param netSalesByVintage sold minus bought, per vintage; vintages not listed in the parameters are ignored */
    public static long compute(Map<String, Long> netSalesByVintage, PolicyParameters params) {
        Objects.requireNonNull(netSalesByVintage, "netSalesByVintage");
        Objects.requireNonNull(params, "params");
        long netSales = 0;
        for (String vintage : params.carryOverVintages()) {
            netSales = Tonnes.add(netSales, netSalesByVintage.getOrDefault(vintage, 0L));
        }
        long extra = BigDecimal.valueOf(Math.max(0, netSales))
                .multiply(params.carryOverMultiplier())
                .setScale(0, RoundingMode.FLOOR)
                .longValueExact();
        return Tonnes.add(params.carryOverBase(), extra);
    }

    /**
     * Tonnes of carry-over vintages in a surrender for {@code complianceYear} that count against the
     * limit: only years after the last carry-over vintage (from 2025), when they are carried forward.
     */
    public static long carried(int complianceYear, Map<String, Long> ceaByVintage, PolicyParameters params) {
        int lastCarryYear = params.carryOverVintages().stream()
                .mapToInt(v -> Integer.parseInt(v.substring(v.length() - 4)))
                .max()
                .orElse(0);
        if (complianceYear <= lastCarryYear) {
            return 0;
        }
        long carried = 0;
        for (Map.Entry<String, Long> e : ceaByVintage.entrySet()) {
            if (params.carryOverVintages().contains(e.getKey())) {
                carried = Tonnes.add(carried, e.getValue());
            }
        }
        return carried;
    }

    /** Refuses carrying {@code carried} t more when {@code used} t already count against {@code limit}. */
    public static void requireWithin(long used, long carried, long limit) {
        if (Tonnes.add(used, carried) > limit) {
            throw new DomainException(
                    ErrorCode.CARRY_OVER_LIMIT_EXCEEDED,
                    "at most " + limit + " t may be carried forward; " + used + " t already used, " + carried
                            + " t more requested",
                    Map.of("limit", limit, "used", used, "requested", carried));
        }
    }
}
