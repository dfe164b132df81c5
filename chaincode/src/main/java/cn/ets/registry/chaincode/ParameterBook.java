package cn.ets.registry.chaincode;

import cn.ets.registry.domain.policy.DefaultParameters;
import cn.ets.registry.domain.policy.PolicyParameters;
import cn.ets.registry.domain.product.Product;

/**
 * The policy parameters in force, per vintage: MEE's latest published version on the ledger
 * ({@code params~vintage}), or the defaults of 003 Table 2 (version 1) until MEE publishes one.
 */
public final class ParameterBook {
    private final TxContext tx;

    public ParameterBook(TxContext tx) {
        this.tx = tx;
    }

    public PolicyParameters forVintage(String vintage) {
        return tx.state().get(tx.state().key("params", vintage), PolicyParameters.class)
                .orElseGet(() -> DefaultParameters.forVintage(vintage));
    }

    public PolicyParameters forYear(int year) {
        return forVintage(Product.vintageOfYear(year));
    }

    public void publish(PolicyParameters p) {
        tx.state().put(tx.state().key("params", p.vintage()), p);
        tx.state().put(tx.state().key("paramhist", p.vintage(), String.format("%06d", p.version())), p);
    }
}
