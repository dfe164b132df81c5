package cn.ets.registry.domain.allocation;

import cn.ets.registry.domain.DomainException;
import cn.ets.registry.domain.ErrorCode;
import cn.ets.registry.domain.Tonnes;
import cn.ets.registry.domain.policy.PolicyParameters;
import cn.ets.registry.domain.policy.Sector;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Intensity-based allocation of steel, cement and aluminium in 2025–2026 (003 §2.2.3: "基于碳排放强度
 * 控制的思路分配，企业所获得的配额数量与产能产出挂钩，行业整体配额盈亏基本平衡"): the allocation follows the
 * unit's output, at an intensity MEE sets so that the sector as a whole roughly balances. The
 * seeds give the method, not the numbers: MEE publishes, per vintage and sector, the outputs and
 * their benchmark in tCO2 per unit of output. Per output {@code quantity × benchmark}, <b>each
 * rounded half up to whole tonnes, then summed</b> — the rounding of the power facilities.
 */
public final class IntensityAllocation {
    private IntensityAllocation() {}

    public static long compute(Sector sector, List<Output> outputs, PolicyParameters params) {
        Objects.requireNonNull(sector, "sector");
        Objects.requireNonNull(outputs, "outputs");
        Objects.requireNonNull(params, "params");
        if (outputs.isEmpty()) {
            throw DomainException.badRequest("intensity allocation of " + sector + " needs at least one output");
        }
        Set<String> seen = new HashSet<>();
        long total = 0;
        for (Output output : outputs) {
            if (!seen.add(output.product())) {
                throw DomainException.badRequest("output " + output.product() + " appears twice");
            }
            BigDecimal exact = output.quantity().multiply(params.intensity(sector, output.product()));
            BigDecimal rounded = exact.setScale(0, RoundingMode.HALF_UP);
            if (rounded.compareTo(BigDecimal.valueOf(Tonnes.MAX)) > 0) {
                throw new DomainException(
                        ErrorCode.INVALID_QUANTITY,
                        "output allocation exceeds " + Tonnes.MAX + " t",
                        Map.of("product", output.product()));
            }
            total = Tonnes.add(total, rounded.longValueExact());
        }
        return total;
    }
}
