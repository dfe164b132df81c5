package cn.ets.registry.chaincode.state;

import cn.ets.registry.domain.DomainException;
import cn.ets.registry.domain.ErrorCode;
import cn.ets.registry.domain.policy.PolicyParameters;
import cn.ets.registry.domain.product.Product;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The policy parameters per vintage, as MEE published them on the ledger: the version in force
 * ({@code params~vintage}) and every version ({@code paramhist~vintage~version}). Nothing is
 * assumed for a vintage MEE has not published: every operation of that vintage is refused with
 * PARAMETERS_NOT_PUBLISHED (vintages are data, not code).
 */
public final class ParameterBook {
    private final LedgerState state;

    public ParameterBook(LedgerState state) {
        this.state = state;
    }

    public Optional<PolicyParameters> find(String vintage) {
        return state.get(state.key(Keys.PARAMETERS, Product.requireVintage(vintage)), PolicyParameters.class);
    }

    /** The parameters in force for a vintage; refused when MEE has not published any. */
    public PolicyParameters forVintage(String vintage) {
        return find(vintage)
                .orElseThrow(() -> new DomainException(
                        ErrorCode.PARAMETERS_NOT_PUBLISHED,
                        "no parameters are published for vintage " + vintage
                                + "; MEE publishes them first (PUT /api/v1/parameters/" + vintage + ")",
                        Map.of("vintage", vintage)));
    }

    public PolicyParameters forYear(int year) {
        return forVintage(Product.vintageOfYear(year));
    }

    public Optional<PolicyParameters> version(String vintage, int version) {
        return state.get(
                state.key(Keys.PARAMETER_HISTORY, Product.requireVintage(vintage), String.format("%06d", version)),
                PolicyParameters.class);
    }

    /** Every published vintage's parameters in force, in vintage order. */
    public List<PolicyParameters> all() {
        return state.scan(PolicyParameters.class, Keys.PARAMETERS).stream()
                .map(LedgerState.Entry::value)
                .toList();
    }

    public boolean published(String vintage) {
        return state.raw(state.key(Keys.PARAMETERS, vintage)).isPresent();
    }

    public void publish(PolicyParameters p) {
        state.put(state.key(Keys.PARAMETERS, p.vintage()), p);
        state.put(state.key(Keys.PARAMETER_HISTORY, p.vintage(), String.format("%06d", p.version())), p);
    }
}
