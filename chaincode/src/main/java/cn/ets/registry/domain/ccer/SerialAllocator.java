package cn.ets.registry.domain.ccer;

import cn.ets.registry.domain.DomainException;
import cn.ets.registry.domain.ErrorCode;
import cn.ets.registry.domain.Tonnes;
import java.util.Map;

/** Serials are global and contiguous: each issuance continues where the last one ended. */
public final class SerialAllocator {
    private SerialAllocator() {}

    /** @param lastSerialEnd end of the last issued range, 0 before the first issuance */
    public static SerialRange next(long lastSerialEnd, long quantity) {
        if (lastSerialEnd < 0) {
            throw new DomainException(
                    ErrorCode.BAD_REQUEST,
                    "lastSerialEnd must not be negative",
                    Map.of("lastSerialEnd", lastSerialEnd));
        }
        Tonnes.requirePositive(quantity, "quantity");
        long start = Tonnes.add(lastSerialEnd, 1);
        return new SerialRange(start, Tonnes.add(lastSerialEnd, quantity));
    }
}
