package cn.ets.registry.chaincode.state;

import cn.ets.registry.domain.DomainException;
import cn.ets.registry.domain.ErrorCode;
import cn.ets.registry.domain.compliance.UnitYear;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/** Units' compliance years ({@code oblig~year~unit}) and whether MEE closed a year ({@code closed~year}). */
public final class UnitYears {
    private final LedgerState state;

    public UnitYears(LedgerState state) {
        this.state = state;
    }

    public Optional<UnitYear> find(int year, String unitId) {
        return state.get(state.key(Keys.UNIT_YEAR, String.valueOf(year), unitId), UnitYear.class);
    }

    public UnitYear require(int year, String unitId) {
        return find(year, unitId)
                .orElseThrow(() -> new DomainException(
                        ErrorCode.NOT_FOUND,
                        "no verified emissions recorded for " + unitId + " in " + year,
                        Map.of("unitId", unitId, "year", year)));
    }

    public void save(UnitYear uy) {
        state.put(state.key(Keys.UNIT_YEAR, String.valueOf(uy.year()), uy.unitId()), uy);
    }

    public List<UnitYear> all(int year) {
        return state.scan(UnitYear.class, Keys.UNIT_YEAR, String.valueOf(year)).stream()
                .map(LedgerState.Entry::value)
                .toList();
    }

    /** The years with at least one unit-year, ascending. */
    public List<Integer> years() {
        TreeSet<Integer> years = new TreeSet<>();
        for (var e : state.scan(UnitYear.class, Keys.UNIT_YEAR)) {
            years.add(e.value().year());
        }
        return List.copyOf(years);
    }

    /** MEE closed the year: no unit's figures for it change any more, known at close time or not. */
    public boolean yearClosed(int year) {
        return state.raw(state.key(Keys.YEAR_CLOSED, String.valueOf(year))).isPresent();
    }

    public void markClosed(int year, String txId, BigDecimal averagePrice, String penaltyMonth) {
        state.put(
                state.key(Keys.YEAR_CLOSED, String.valueOf(year)),
                new YearClose(year, txId, averagePrice, penaltyMonth));
    }

    /** How MEE closed the year: the price its fines were computed at (null when the month had no trade). */
    public Optional<YearClose> close(int year) {
        return state.get(state.key(Keys.YEAR_CLOSED, String.valueOf(year)), YearClose.class);
    }

    /** The unit's years from the first compliance year (2019) to {@code lastYear}, as far as recorded. */
    public List<UnitYear> ofUnit(String unitId, int lastYear) {
        List<UnitYear> out = new ArrayList<>();
        for (int year = FIRST_YEAR; year <= lastYear; year++) {
            find(year, unitId).ifPresent(out::add);
        }
        return out;
    }

    /** Refuses changes to a closed year's emissions or allocations. */
    public void requireOpen(int year, String unitId, String what) {
        if (yearClosed(year)) {
            throw new DomainException(
                    ErrorCode.DEADLINE_PASSED,
                    "compliance year " + year + " is closed; " + what,
                    Map.of("unitId", unitId, "year", year));
        }
    }

    /** The first compliance year of the national market (cycle 1, 2019-2020). */
    public static final int FIRST_YEAR = 2019;

    /** A closed year: the closing transaction, the penalty month and its average price. */
    public record YearClose(int year, String txId, BigDecimal averagePrice, String penaltyMonth) {}
}
