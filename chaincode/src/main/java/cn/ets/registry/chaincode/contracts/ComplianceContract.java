package cn.ets.registry.chaincode.contracts;

import cn.ets.registry.chaincode.Books;
import cn.ets.registry.chaincode.TxContext;
import cn.ets.registry.chaincode.UnitYear;
import cn.ets.registry.chaincode.json.CanonicalJson;
import cn.ets.registry.chaincode.json.Fields;
import cn.ets.registry.domain.DomainException;
import cn.ets.registry.domain.ErrorCode;
import cn.ets.registry.domain.account.Account;
import cn.ets.registry.domain.account.AccountType;
import cn.ets.registry.domain.identity.Permissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hyperledger.fabric.contract.Context;
import org.hyperledger.fabric.contract.ContractInterface;
import org.hyperledger.fabric.contract.annotation.Contract;
import org.hyperledger.fabric.contract.annotation.Info;
import org.hyperledger.fabric.contract.annotation.Transaction;

/** Verified emissions (the obligation) and the public compliance status of each unit-year. */
@Contract(name = "compliance", info = @Info(title = "Compliance", version = "1"))
public final class ComplianceContract implements ContractInterface {

    /** {@code {"unitId","year","verifiedEmissions"}} by the unit's province; a correction replaces the figure until the year closes. */
    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String recordEmissions(Context ctx, String command) {
        return TxContext.run(ctx, tx -> {
            Fields f = Fields.of(command);
            String unitId = f.string("unitId");
            int year = UnitYears.year(f);
            long emissions = f.integer("verifiedEmissions");
            if (emissions < 0 || emissions > cn.ets.registry.domain.Tonnes.MAX) {
                throw new DomainException(ErrorCode.INVALID_QUANTITY, "verifiedEmissions must be between 0 and " + cn.ets.registry.domain.Tonnes.MAX + " t");
            }
            Books books = new Books(tx);
            Account unit = books.account(unitId);
            Permissions.requireProvinceOf(tx.actor(), unit, "record verified emissions");
            UnitYears years = new UnitYears(tx);
            UnitYear uy = years.find(year, unitId).orElse(UnitYear.open(unitId, unit.province(), year, emissions));
            if (uy.closed() || UnitYears.yearClosed(tx, year)) {
                throw new DomainException(ErrorCode.DEADLINE_PASSED, "compliance year " + year + " is closed; emissions can no longer change",
                        Map.of("year", year, "unitId", unitId));
            }
            long cap = cn.ets.registry.domain.compliance.OffsetCap.maxOffset(emissions, new cn.ets.registry.chaincode.ParameterBook(tx).forYear(year));
            uy = uy.with(uy.figures().correctedTo(emissions, cap));
            years.save(uy);
            Map<String, Object> view = UnitYears.view(uy);
            Map<String, Object> event = new LinkedHashMap<>(view);
            event.putAll(tx.attribution());
            tx.emit("EmissionsVerified", event);
            return CanonicalJson.writeMap(view);
        });
    }

    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String get(Context ctx, String year, String unitId) {
        return TxContext.run(ctx, tx -> {
            int y = UnitYears.year(year);
            UnitYear uy = new UnitYears(tx).require(y, unitId);
            return CanonicalJson.writeMap(UnitYears.view(uy));
        });
    }

    /** Public disclosure of a year (001 §35): every unit's obligation, surrender, offsets and status. */
    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String listYear(Context ctx, String year) {
        return TxContext.run(ctx, tx -> {
            int y = UnitYears.year(year);
            List<Map<String, Object>> units = new ArrayList<>();
            for (UnitYear uy : new UnitYears(tx).all(y)) {
                Map<String, Object> v = UnitYears.view(uy);
                v.remove("year");
                units.add(v);
            }
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("year", y);
            r.put("units", units);
            return CanonicalJson.writeMap(r);
        });
    }

    /**
     * Closes a compliance year (MEE): each unit short of its obligation gets the fine range (5–10 ×
     * the volume-weighted average CEA price of the month ending at the deadline, from the ledger's
     * own settlements) and a deduction from next year's allocation; every unit's carry-over limit
     * is recorded. Emissions and allocations of the year are frozen from then on.
     */
    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String close(Context ctx, String year, String command) {
        return TxContext.run(ctx, tx -> {
            int y = UnitYears.year(year);
            Fields f = Fields.of(command == null || command.isBlank() ? "{}" : command);
            Permissions.requireRole(tx.actor(), cn.ets.registry.domain.identity.Role.MEE, "close a compliance year");
            String marker = tx.state().key("closed", String.valueOf(y));
            if (tx.state().raw(marker).isPresent()) {
                throw new DomainException(ErrorCode.DEADLINE_PASSED, "compliance year " + y + " is already closed", Map.of("year", y));
            }
            var params = new cn.ets.registry.chaincode.ParameterBook(tx).forYear(y);
            var month = cn.ets.registry.domain.compliance.PenaltyMonth.forDeadline(params.surrenderDeadline());
            List<cn.ets.registry.domain.compliance.PricedQuantity> trades = new ArrayList<>();
            for (var e : tx.state().scan(PricedTrade.class, "tradeix", "CEA", month.month().toString())) {
                trades.add(new cn.ets.registry.domain.compliance.PricedQuantity(e.value().quantity(), e.value().price()));
            }
            java.math.BigDecimal average = cn.ets.registry.domain.compliance.AveragePrice.volumeWeighted(trades).orElse(null);
            UnitYears years = new UnitYears(tx);
            cn.ets.registry.chaincode.CarryOverBook carry = new cn.ets.registry.chaincode.CarryOverBook(tx);
            List<Map<String, Object>> units = new ArrayList<>();
            for (UnitYear uy : years.all(y)) {
                if (uy.closed()) {
                    continue;
                }
                long shortfall = uy.figures().shortfall();
                java.math.BigDecimal min = null;
                java.math.BigDecimal max = null;
                if (shortfall > 0 && average != null) {
                    var penalty = cn.ets.registry.domain.compliance.PenaltyRange.compute(shortfall, average, params);
                    min = penalty.min();
                    max = penalty.max();
                }
                UnitYear closed = uy.closedWith(shortfall > 0 ? average : null, min, max, carry.limit(uy.unitId(), params));
                years.save(closed);
                units.add(UnitYears.view(closed));
            }
            tx.state().put(marker, Map.of("year", y, "txId", tx.txId()));
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("year", y);
            r.put("closed", true);
            r.put("penaltyMonth", month.month().toString());
            r.put("averagePrice", average);
            r.put("tradesInMonth", trades.size());
            r.put("units", units);
            Map<String, Object> event = new LinkedHashMap<>(r);
            event.putAll(tx.attribution());
            tx.emit("ComplianceYearClosed", event);
            return CanonicalJson.writeMap(r);
        });
    }

    record PricedTrade(long quantity, java.math.BigDecimal price) {
    }

    static void requireUnit(Account a) {
        if (a.type() != AccountType.UNIT) {
            throw DomainException.badRequest(a.id() + " is not a key emitting unit");
        }
    }

    /** Typed access to {@code oblig~year~unit}. */
    public static final class UnitYears {
        private final TxContext tx;

        UnitYears(TxContext tx) {
            this.tx = tx;
        }

        java.util.Optional<UnitYear> find(int year, String unitId) {
            return tx.state().get(tx.state().key("oblig", String.valueOf(year), unitId), UnitYear.class);
        }

        UnitYear require(int year, String unitId) {
            return find(year, unitId).orElseThrow(() -> new DomainException(ErrorCode.NOT_FOUND,
                    "no verified emissions recorded for " + unitId + " in " + year, Map.of("unitId", unitId, "year", year)));
        }

        void save(UnitYear uy) {
            tx.state().put(tx.state().key("oblig", String.valueOf(uy.year()), uy.unitId()), uy);
        }

        List<UnitYear> all(int year) {
            List<UnitYear> out = new ArrayList<>();
            for (var e : tx.state().scan(UnitYear.class, "oblig", String.valueOf(year))) {
                out.add(e.value());
            }
            return out;
        }

        /** MEE closed the year: no unit's figures for it change any more, known at close time or not. */
        static boolean yearClosed(TxContext tx, int year) {
            return tx.state().raw(tx.state().key("closed", String.valueOf(year))).isPresent();
        }

        static int year(Fields f) {
            long y = f.integer("year");
            return checkYear(y);
        }

        static int year(String s) {
            try {
                return checkYear(Long.parseLong(s));
            } catch (NumberFormatException e) {
                throw DomainException.badRequest("year must be a number such as 2024, got '" + s + "'");
            }
        }

        private static int checkYear(long y) {
            if (y < 2019 || y > 2100) {
                throw DomainException.badRequest("year must be between 2019 and 2100, got " + y);
            }
            return (int) y;
        }

        static Map<String, Object> view(UnitYear uy) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("unitId", uy.unitId());
            m.put("province", uy.province());
            m.put("year", uy.year());
            m.put("obligation", uy.obligation());
            m.put("surrendered", uy.surrendered());
            m.put("offsetUsed", uy.offsetUsed());
            m.put("shortfall", uy.figures().shortfall());
            m.put("status", uy.figures().status().name());
            if (uy.closed()) {
                m.put("closed", true);
                m.put("averagePrice", uy.averagePrice());
                m.put("penaltyMin", uy.penaltyMin());
                m.put("penaltyMax", uy.penaltyMax());
                m.put("deduction", uy.deduction());
                m.put("carryOverLimit", uy.carryOverLimit());
            }
            return m;
        }
    }
}
