package cn.ets.registry.chaincode.contracts;

import cn.ets.registry.chaincode.TxContext;
import cn.ets.registry.chaincode.UnitYear;
import cn.ets.registry.domain.DomainException;
import cn.ets.registry.domain.ErrorCode;
import cn.ets.registry.domain.product.Product;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** CCER offsets in a surrender. */
final class Offsets {
    private final TxContext tx;

    Offsets(TxContext tx) {
        this.tx = tx;
    }

    boolean borrowingEnabled(int year) {
        return false;
    }

    void check(UnitYear uy, List<SurrenderContract.Item> items, long offset, Instant when) {
        throw new DomainException(ErrorCode.INELIGIBLE_OFFSET, "CCER offsets are not accepted yet");
    }

    Map<String, Object> retire(Product p, long quantity, String why, String account) {
        return Map.of("product", p.code(), "quantity", quantity);
    }
}
