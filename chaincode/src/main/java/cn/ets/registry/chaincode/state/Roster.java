package cn.ets.registry.chaincode.state;

import cn.ets.registry.domain.compliance.RosterEntry;
import java.util.List;
import java.util.Optional;

/** The provinces' rosters of key emitting units per year ({@code roster~year~province~unit}). */
public final class Roster {
    private final LedgerState state;

    public Roster(LedgerState state) {
        this.state = state;
    }

    public Optional<RosterEntry> find(int year, String province, String unitId) {
        return state.get(state.key(Keys.ROSTER, String.valueOf(year), province, unitId), RosterEntry.class);
    }

    public void save(RosterEntry e) {
        state.put(state.key(Keys.ROSTER, String.valueOf(e.year()), e.province(), e.unitId()), e);
    }

    /** A year's roster: one province's, or every province's when {@code province} is null; by province, then unit. */
    public List<RosterEntry> of(int year, String province) {
        List<LedgerState.Entry<RosterEntry>> entries = province == null
                ? state.scan(RosterEntry.class, Keys.ROSTER, String.valueOf(year))
                : state.scan(RosterEntry.class, Keys.ROSTER, String.valueOf(year), province);
        return entries.stream().map(LedgerState.Entry::value).toList();
    }
}
