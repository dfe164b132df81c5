package cn.ets.registry.domain.compliance;

import cn.ets.registry.domain.DomainException;
import cn.ets.registry.domain.ErrorCode;
import cn.ets.registry.domain.policy.PolicyParameters;
import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;

/**
 * Whether a CCER may offset a surrender (003 §2.2.5, §5.2): never from a project inside the ETS
 * boundary (the reduction would be counted twice); a legacy CCER (filed before 2017-03-14) only
 * when surrendered on or before {@code legacyCcerEligibleUntil}.
 */
public final class OffsetEligibility {
    private OffsetEligibility() {}

    public static void check(
            boolean insideEtsBoundary, boolean legacy, LocalDate surrenderDate, PolicyParameters params) {
        Objects.requireNonNull(surrenderDate, "surrenderDate");
        Objects.requireNonNull(params, "params");
        if (insideEtsBoundary) {
            throw new DomainException(
                    ErrorCode.INELIGIBLE_OFFSET,
                    "CCERs from a project inside the ETS boundary cannot offset a surrender",
                    Map.of("insideEtsBoundary", true));
        }
        if (legacy && surrenderDate.isAfter(params.legacyCcerEligibleUntil())) {
            throw new DomainException(
                    ErrorCode.INELIGIBLE_OFFSET,
                    "legacy CCERs can offset only until " + params.legacyCcerEligibleUntil(),
                    Map.of(
                            "legacy",
                            true,
                            "surrenderDate",
                            surrenderDate.toString(),
                            "eligibleUntil",
                            params.legacyCcerEligibleUntil().toString()));
        }
    }
}
