package cn.ets.registry.chaincode;

import cn.ets.registry.domain.ccer.SerialRange;
import java.time.LocalDate;
import java.util.List;

/**
 * One CCER issuance ({@code ccerbatch~CCER-<n>}): its serial range, and which serials are still
 * outstanding versus retired (surrendered or cancelled) — so no tonne can be used twice.
 */
public record CcerBatch(String product, String projectId, LocalDate periodStart, LocalDate periodEnd, String vintage,
                        long quantity, boolean legacy, long serialStart, long serialEnd, String owner,
                        List<SerialRange> outstanding, List<Retirement> retired) {

    public record Retirement(long serialStart, long serialEnd, String how, String account, String txId) {
    }
}
