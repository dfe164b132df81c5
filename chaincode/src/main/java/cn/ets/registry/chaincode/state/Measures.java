package cn.ets.registry.chaincode.state;

import cn.ets.registry.domain.DomainException;
import cn.ets.registry.domain.ErrorCode;
import cn.ets.registry.domain.account.EnforcementMeasure;
import java.util.List;
import java.util.Map;

/** Enforcement measures on accounts ({@code measure~account~measureId}, 001 §45). */
public final class Measures {
    private final LedgerState state;

    public Measures(LedgerState state) {
        this.state = state;
    }

    public EnforcementMeasure require(String account, String measureId) {
        return state.get(state.key(Keys.MEASURE, account, measureId), EnforcementMeasure.class)
                .orElseThrow(() -> new DomainException(
                        ErrorCode.NOT_FOUND,
                        "no measure '" + measureId + "' on account " + account,
                        Map.of("account", account, "measureId", measureId)));
    }

    public void save(EnforcementMeasure m) {
        state.put(state.key(Keys.MEASURE, m.account(), m.measureId()), m);
    }

    /** Every measure on an account, in id order (ids grow with time). */
    public List<EnforcementMeasure> of(String account) {
        return state.scan(EnforcementMeasure.class, Keys.MEASURE, account).stream()
                .map(LedgerState.Entry::value)
                .toList();
    }

    /** A measure's id: the time it was applied and its transaction, so ids sort by time. */
    public static String idFor(String sortableTime, String txId) {
        return "M-" + sortableTime.replaceAll("[^0-9]", "") + "-" + txId.substring(0, Math.min(8, txId.length()));
    }
}
