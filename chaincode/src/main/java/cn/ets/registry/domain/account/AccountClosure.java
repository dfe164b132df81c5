package cn.ets.registry.domain.account;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Whether an account can be closed: nothing may be stranded in it. Closing needs zero holdings (so
 * no units are counted as held forever), no lock (a pledgee's or a court's claim), no open
 * obligation (a year with tonnes still owed, or a listed year without emissions) and no allocation
 * debt. Otherwise the account is CLOSURE_PENDING and this says what is left.
 *
 * @param pending what keeps the account open, empty when it can close
 */
public record AccountClosure(List<Pending> pending) {
    public AccountClosure {
        pending = List.copyOf(pending);
    }

    /** One thing left: its kind (HOLDING, LOCK, OBLIGATION, EMISSIONS, DEBT), what it is about, how many tonnes. */
    public record Pending(String kind, String what, long tonnes) {}

    /**
     * @param holdings             product → holding
     * @param owedByYear           year → tonnes still owed (open or closed years)
     * @param listedWithoutFigures years the unit is listed for with no emissions recorded and not closed
     * @param debt                 allocation debt over all years
     */
    public static AccountClosure assess(
            Map<String, Holding> holdings,
            Map<Integer, Long> owedByYear,
            List<Integer> listedWithoutFigures,
            long debt) {
        Objects.requireNonNull(holdings, "holdings");
        List<Pending> out = new ArrayList<>();
        holdings.forEach((product, h) -> {
            if (h.locked() > 0) {
                out.add(new Pending("LOCK", product, h.locked()));
            }
            if (h.quantity() > 0) {
                out.add(new Pending("HOLDING", product, h.quantity()));
            }
        });
        owedByYear.forEach((year, owed) -> {
            if (owed > 0) {
                out.add(new Pending("OBLIGATION", String.valueOf(year), owed));
            }
        });
        listedWithoutFigures.forEach(year -> out.add(new Pending("EMISSIONS", String.valueOf(year), 0)));
        if (debt > 0) {
            out.add(new Pending("DEBT", "allocation debt", debt));
        }
        return new AccountClosure(out);
    }

    public boolean closable() {
        return pending.isEmpty();
    }
}
