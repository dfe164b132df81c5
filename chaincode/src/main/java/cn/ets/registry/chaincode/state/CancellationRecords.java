package cn.ets.registry.chaincode.state;

import cn.ets.registry.api.CancellationApi.Cancelled;
import java.util.List;

/** The public record of every voluntary cancellation ({@code cancelrec~txId}). */
public final class CancellationRecords {
    private final LedgerState state;

    public CancellationRecords(LedgerState state) {
        this.state = state;
    }

    public void save(Cancelled c) {
        state.put(state.key(Keys.CANCELLATION, c.attribution().txId()), c);
    }

    public List<Cancelled> all() {
        return state.scan(Cancelled.class, Keys.CANCELLATION).stream()
                .map(LedgerState.Entry::value)
                .toList();
    }
}
