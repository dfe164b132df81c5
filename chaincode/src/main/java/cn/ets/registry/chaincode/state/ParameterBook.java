package cn.ets.registry.chaincode.state;

import cn.ets.registry.domain.policy.DefaultParameters;
import cn.ets.registry.domain.policy.PolicyParameters;
import cn.ets.registry.domain.product.Product;

/**
 * The policy parameters in force, per vintage: MEE's latest published version on the ledger
 * ({@code params~vintage}), or the defaults of 003 Table 2 (version 1) until MEE publishes one.
 */
public final class ParameterBook {
    private final LedgerState state;

    public ParameterBook(LedgerState state) {
        this.state = state;
    }

    public PolicyParameters forVintage(String vintage) {
        return state.get(state.key(Keys.PARAMETERS, vintage), PolicyParameters.class)
                .orElseGet(() -> DefaultParameters.forVintage(vintage));
    }

    public PolicyParameters forYear(int year) {
        return forVintage(Product.vintageOfYear(year));
    }

    public boolean published(String vintage) {
        return state.raw(state.key(Keys.PARAMETERS, vintage)).isPresent();
    }

    public void publish(PolicyParameters p) {
        state.put(state.key(Keys.PARAMETERS, p.vintage()), p);
        state.put(state.key(Keys.PARAMETER_HISTORY, p.vintage(), String.format("%06d", p.version())), p);
    }
}
