package cn.ets.registry.chaincode.contracts;

import cn.ets.registry.chaincode.CcerBatch;
import cn.ets.registry.chaincode.CcerProject;
import cn.ets.registry.chaincode.ParameterBook;
import cn.ets.registry.chaincode.TxContext;
import cn.ets.registry.chaincode.UnitYear;
import cn.ets.registry.domain.ccer.SerialRange;
import cn.ets.registry.domain.ccer.SerialRangeSet;
import cn.ets.registry.domain.compliance.OffsetCap;
import cn.ets.registry.domain.compliance.OffsetEligibility;
import cn.ets.registry.domain.policy.PolicyParameters;
import cn.ets.registry.domain.product.Product;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** CCER in surrenders and cancellations: eligibility, the offset cap, and retiring specific serials. */
final class Offsets {
    private static final ZoneId MARKET_ZONE = ZoneId.of("Asia/Shanghai");
    private final TxContext tx;

    Offsets(TxContext tx) {
        this.tx = tx;
    }

    boolean borrowingEnabled(int year) {
        return new ParameterBook(tx).forYear(year).borrowingEnabled();
    }

    /** Every CCER item eligible, and the year's total offset within the cap — or nothing happens. */
    void check(UnitYear uy, List<SurrenderContract.Item> items, long offset, Instant when) {
        PolicyParameters params = new ParameterBook(tx).forYear(uy.year());
        for (SurrenderContract.Item i : items) {
            if (i.product().isCea()) {
                continue;
            }
            CcerBatch batch = CcerContract.batch(tx, i.product());
            CcerProject project = CcerContract.project(tx, batch.projectId());
            OffsetEligibility.check(project.insideEtsBoundary(), batch.legacy(), when.atZone(MARKET_ZONE).toLocalDate(), params);
        }
        OffsetCap.check(uy.obligation(), uy.offsetUsed(), offset, params);
    }

    /** Retires the lowest outstanding serials of the batch and returns what was retired. */
    Map<String, Object> retire(Product product, long quantity, String how, String account) {
        CcerBatch b = CcerContract.batch(tx, product);
        SerialRangeSet.Split split = SerialRangeSet.of(b.outstanding()).take(quantity);
        List<CcerBatch.Retirement> retired = new ArrayList<>(b.retired());
        List<Map<String, Object>> ranges = new ArrayList<>();
        for (SerialRange r : split.taken().ranges()) {
            retired.add(new CcerBatch.Retirement(r.start(), r.end(), how, account, tx.txId()));
            ranges.add(Map.of("serialStart", r.start(), "serialEnd", r.end()));
        }
        tx.state().put(tx.state().key("ccerbatch", product.code()), new CcerBatch(b.product(), b.projectId(), b.periodStart(),
                b.periodEnd(), b.vintage(), b.quantity(), b.legacy(), b.serialStart(), b.serialEnd(), b.owner(),
                split.remaining().ranges(), retired));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("product", product.code());
        out.put("quantity", quantity);
        out.put("serials", ranges);
        return out;
    }
}
