package cn.ets.registry.chaincode.state;

import java.util.Optional;

/** Compliance warnings as issued ({@code warning~year~scope~date}): one record per year, scope and day. */
public final class Warnings {
    private final LedgerState state;

    public Warnings(LedgerState state) {
        this.state = state;
    }

    public <T> Optional<T> find(int year, String scope, String date, Class<T> type) {
        return state.get(state.key(Keys.WARNING, String.valueOf(year), scope, date), type);
    }

    public void save(int year, String scope, String date, Object record) {
        state.put(state.key(Keys.WARNING, String.valueOf(year), scope, date), record);
    }
}
