package cn.ets.registry.chaincode.contracts;

import cn.ets.registry.chaincode.AllocationRecord;
import cn.ets.registry.chaincode.Books;
import cn.ets.registry.chaincode.ParameterBook;
import cn.ets.registry.chaincode.TxContext;
import cn.ets.registry.chaincode.UnitYear;
import cn.ets.registry.chaincode.contracts.ComplianceContract.UnitYears;
import cn.ets.registry.chaincode.json.CanonicalJson;
import cn.ets.registry.chaincode.json.Fields;
import cn.ets.registry.domain.DomainException;
import cn.ets.registry.domain.ErrorCode;
import cn.ets.registry.domain.account.Account;
import cn.ets.registry.domain.account.AccountStatus;
import cn.ets.registry.domain.allocation.AllocationFormula;
import cn.ets.registry.domain.allocation.AllocationResult;
import cn.ets.registry.domain.allocation.ClawBack;
import cn.ets.registry.domain.allocation.Facility;
import cn.ets.registry.domain.allocation.PreAllocation;
import cn.ets.registry.domain.allocation.TrueUp;
import cn.ets.registry.domain.identity.Permissions;
import cn.ets.registry.domain.policy.FacilityCategory;
import cn.ets.registry.domain.policy.PolicyParameters;
import cn.ets.registry.domain.policy.Sector;
import cn.ets.registry.domain.product.Product;
import com.google.gson.JsonElement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hyperledger.fabric.contract.Context;
import org.hyperledger.fabric.contract.ContractInterface;
import org.hyperledger.fabric.contract.annotation.Contract;
import org.hyperledger.fabric.contract.annotation.Info;
import org.hyperledger.fabric.contract.annotation.Transaction;

/**
 * Free allocation in two steps (003 §2.2.3), executed by the province for its units: 70 % of last
 * year's verified emissions up front, then the benchmark-based final figure with a true-up that
 * issues the rest or claws back the excess. Units come from and return to the province account.
 */
@Contract(name = "allocation", info = @Info(title = "Allocation", version = "1"))
public final class AllocationContract implements ContractInterface {
    static final String DEBT_REASON = "ALLOCATION_DEBT";

    /** Computes without writing: anyone may check the formula. */
    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String preview(Context ctx, String command) {
        return TxContext.run(ctx, tx -> {
            Fields f = Fields.of(command);
            Sector sector = f.enumValue("sector", Sector.class);
            int year = UnitYears.year(f);
            long verified = verified(f);
            List<Facility> facilities = facilities(f, sector);
            AllocationResult r = AllocationFormula.compute(sector, verified, facilities, new ParameterBook(tx).forYear(year));
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("computed", r.computed());
            out.put("adjustedTo", r.adjustedTo());
            out.put("final", r.finalAllocation());
            out.put("rule", r.rule());
            return CanonicalJson.writeMap(out);
        });
    }

    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String pre(Context ctx, String command) {
        return TxContext.run(ctx, tx -> {
            Fields f = Fields.of(command);
            String requestId = f.string("requestId");
            String unitId = f.string("unitId");
            int year = UnitYears.year(f);
            return tx.once("req", requestId, "allocation:pre", f.json(), t -> {
                Books books = new Books(t);
                Account unit = books.account(unitId);
                Permissions.requireProvinceOf(t.actor(), unit, "pre-allocate");
                requireOpen(t, year, unitId);
                Allocations allocations = new Allocations(t);
                AllocationRecord rec = allocations.get(year, unit);
                if (rec.preAllocated() > 0 || rec.finalAllocation() != null) {
                    throw new DomainException(ErrorCode.ALREADY_EXISTS, unitId + " already has its " + year + " pre-allocation",
                            Map.of("unitId", unitId, "year", year));
                }
                UnitYear previous = new UnitYears(t).find(year - 1, unitId).orElseThrow(() -> new DomainException(ErrorCode.NOT_FOUND,
                        "pre-allocation needs the verified emissions of " + (year - 1) + " for " + unitId, Map.of("unitId", unitId, "year", year - 1)));
                PolicyParameters params = new ParameterBook(t).forYear(year);
                long q = PreAllocation.compute(previous.obligation(), params);
                Product product = Product.ceaOfYear(year);
                if (q > 0) {
                    books.transfer(Account.provinceAccountId(unit.province()), unitId, product, q);
                }
                allocations.save(rec.withPre(q));
                Map<String, Object> r = new LinkedHashMap<>();
                r.put("requestId", requestId);
                r.put("unitId", unitId);
                r.put("year", year);
                r.put("product", product.code());
                r.put("quantity", q);
                r.put("basis", previous.obligation());
                r.put("rate", params.preAllocationRate());
                r.putAll(t.attribution());
                t.emit("PreAllocated", r);
                return r;
            });
        });
    }

    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String finalise(Context ctx, String command) {
        return TxContext.run(ctx, tx -> {
            Fields f = Fields.of(command);
            String requestId = f.string("requestId");
            String unitId = f.string("unitId");
            int year = UnitYears.year(f);
            Sector sector = f.enumValue("sector", Sector.class);
            List<Facility> facilities = facilities(f, sector);
            return tx.once("req", requestId, "allocation:finalise", f.json(), t -> {
                Books books = new Books(t);
                Account unit = books.account(unitId);
                if (!sector.name().equals(unit.sector())) {
                    throw DomainException.badRequest(unitId + " is registered in sector " + unit.sector() + ", not " + sector);
                }
                Permissions.requireProvinceOf(t.actor(), unit, "finalise the allocation");
                requireOpen(t, year, unitId);
                Allocations allocations = new Allocations(t);
                AllocationRecord rec = allocations.get(year, unit);
                if (rec.finalAllocation() != null) {
                    throw new DomainException(ErrorCode.ALREADY_EXISTS, unitId + " already has its final " + year + " allocation",
                            Map.of("unitId", unitId, "year", year));
                }
                UnitYear uy = new UnitYears(t).require(year, unitId);
                PolicyParameters params = new ParameterBook(t).forYear(year);
                AllocationResult result = AllocationFormula.compute(sector, uy.obligation(), facilities, params);
                long deduction = new UnitYears(t).find(year - 1, unitId).filter(UnitYear::closed).map(UnitYear::deduction).orElse(0L);
                long deducted = Math.min(deduction, result.finalAllocation());
                long finalQ = result.finalAllocation() - deducted;
                long trueUp = new TrueUp(finalQ, rec.preAllocated()).trueUp();
                rec = rec.withFinal(result.computed(), finalQ, result.rule(), deducted, trueUp);
                rec = move(t, books, unit, rec, trueUp);
                allocations.save(rec);
                Map<String, Object> r = view(rec);
                r.put("requestId", requestId);
                r.put("adjustedTo", result.adjustedTo());
                r.put("final", finalQ);
                r.putAll(t.attribution());
                t.emit("AllocationFinalised", r);
                return r;
            });
        });
    }

    /** Closure, split, merger or capacity change (001 §11): a signed quantity with its reason. */
    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String adjust(Context ctx, String command) {
        return TxContext.run(ctx, tx -> {
            Fields f = Fields.of(command);
            String requestId = f.string("requestId");
            String unitId = f.string("unitId");
            int year = UnitYears.year(f);
            long quantity = f.integer("quantity");
            if (quantity == 0 || quantity > cn.ets.registry.domain.Tonnes.MAX || quantity < -cn.ets.registry.domain.Tonnes.MAX) {
                throw new DomainException(ErrorCode.INVALID_QUANTITY, "an adjustment moves a non-zero number of tonnes within ±" + cn.ets.registry.domain.Tonnes.MAX);
            }
            String reason = f.enumValue("reason", AdjustmentReason.class).name();
            String note = f.optionalString("note");
            return tx.once("req", requestId, "allocation:adjust", f.json(), t -> {
                Books books = new Books(t);
                Account unit = books.account(unitId);
                Permissions.requireProvinceOf(t.actor(), unit, "adjust the allocation");
                requireOpen(t, year, unitId);
                Allocations allocations = new Allocations(t);
                AllocationRecord rec = allocations.get(year, unit)
                        .plus(new AllocationRecord.Adjustment(requestId, quantity, reason, note, t.txId(), t.time().toString()));
                rec = move(t, books, unit, rec, quantity);
                allocations.save(rec);
                Map<String, Object> r = view(rec);
                r.put("requestId", requestId);
                r.put("adjustment", quantity);
                r.put("reason", reason);
                r.putAll(t.attribution());
                t.emit("AllocationAdjusted", r);
                return r;
            });
        });
    }

    /** Takes what the unit now has towards its allocation debt; lifts the restriction once paid. */
    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String collectDebt(Context ctx, String command) {
        return TxContext.run(ctx, tx -> {
            Fields f = Fields.of(command);
            String requestId = f.string("requestId");
            String unitId = f.string("unitId");
            int year = UnitYears.year(f);
            return tx.once("req", requestId, "allocation:collectDebt", f.json(), t -> {
                Books books = new Books(t);
                Account unit = books.account(unitId);
                Permissions.requireProvinceOf(t.actor(), unit, "collect an allocation debt");
                Allocations allocations = new Allocations(t);
                AllocationRecord rec = allocations.get(year, unit);
                Product product = Product.parse(rec.product());
                long take = Math.min(rec.debt(), books.holding(unitId, product).available());
                if (take > 0) {
                    books.transfer(unitId, Account.provinceAccountId(unit.province()), product, take);
                }
                rec = rec.withClawBack(take, -take);
                long owedInAllYears = addDebt(t, unitId, -take);
                if (owedInAllYears == 0 && unit.status() == AccountStatus.RESTRICTED && DEBT_REASON.equals(unit.statusReason())) {
                    books.saveAccount(unit.withStatus(AccountStatus.ACTIVE, "allocation debt repaid"));
                }
                allocations.save(rec);
                Map<String, Object> r = view(rec);
                r.put("requestId", requestId);
                r.put("collected", take);
                r.putAll(t.attribution());
                t.emit("AllocationDebtCollected", r);
                return r;
            });
        });
    }

    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String get(Context ctx, String year, String unitId) {
        return TxContext.run(ctx, tx -> {
            int y = UnitYears.year(year);
            Account unit = new Books(tx).account(unitId);
            return CanonicalJson.writeMap(view(new Allocations(tx).get(y, unit)));
        });
    }

    enum AdjustmentReason { CLOSURE, SPLIT, MERGER, CAPACITY_CHANGE }

    /** Positive: the province issues to the unit; negative: claw back what is available, the rest becomes a debt that restricts the unit. */
    private static AllocationRecord move(TxContext t, Books books, Account unit, AllocationRecord rec, long quantity) {
        Product product = Product.parse(rec.product());
        String province = Account.provinceAccountId(unit.province());
        if (quantity > 0) {
            books.transfer(province, unit.id(), product, quantity);
            return rec;
        }
        if (quantity < 0) {
            ClawBack plan = ClawBack.plan(-quantity, books.holding(unit.id(), product).available());
            if (plan.takenNow() > 0) {
                books.transfer(unit.id(), province, product, plan.takenNow());
            }
            if (plan.debt() > 0) {
                addDebt(t, unit.id(), plan.debt());
                if (unit.status() == AccountStatus.ACTIVE) {
                    books.saveAccount(unit.withStatus(AccountStatus.RESTRICTED, DEBT_REASON));
                }
            }
            return rec.withClawBack(plan.takenNow(), plan.debt());
        }
        return rec;
    }

    /** The unit's allocation debt over all years ({@code debt~unit}); returns the new total. */
    private static long addDebt(TxContext t, String unitId, long delta) {
        String key = t.state().key("debt", unitId);
        long total = cn.ets.registry.domain.Tonnes.add(t.state().get(key, Debt.class).map(Debt::owed).orElse(0L), delta);
        t.state().put(key, new Debt(total));
        return total;
    }

    record Debt(long owed) {
    }

    private static void requireOpen(TxContext t, int year, String unitId) {
        if (UnitYears.yearClosed(t, year)) {
            throw new DomainException(ErrorCode.DEADLINE_PASSED, "compliance year " + year + " is closed; its allocation can no longer change",
                    Map.of("unitId", unitId, "year", year));
        }
    }

    private static long verified(Fields f) {
        long v = f.integer("verifiedEmissions");
        if (v < 0) {
            throw new DomainException(ErrorCode.INVALID_QUANTITY, "verifiedEmissions must be 0 or more tonnes");
        }
        return v;
    }

    private static List<Facility> facilities(Fields f, Sector sector) {
        List<Facility> out = new ArrayList<>();
        if (!f.has("facilities")) {
            if (sector == Sector.POWER) {
                throw DomainException.badRequest("missing field 'facilities'");
            }
            return out;
        }
        int i = 0;
        for (JsonElement e : f.array("facilities")) {
            Fields x = f.object(e, "facilities[" + i++ + "]");
            out.add(new Facility(x.enumValue("category", FacilityCategory.class), x.decimal("electricityMWh"),
                    x.has("heatGJ") ? x.decimal("heatGJ") : java.math.BigDecimal.ZERO,
                    x.has("loadFactor") ? x.decimal("loadFactor") : java.math.BigDecimal.ONE));
        }
        if (sector == Sector.POWER && out.isEmpty()) {
            throw DomainException.badRequest("a power unit's allocation needs at least one facility");
        }
        return out;
    }

    private static Map<String, Object> view(AllocationRecord rec) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("unitId", rec.unitId());
        m.put("year", rec.year());
        m.put("product", rec.product());
        m.put("preAllocated", rec.preAllocated());
        m.put("computed", rec.computed());
        m.put("final", rec.finalAllocation());
        m.put("rule", rec.rule());
        m.put("deducted", rec.deducted());
        m.put("trueUp", rec.trueUp());
        m.put("clawedBack", rec.clawedBack());
        m.put("debt", rec.debt());
        m.put("adjustments", rec.adjustments());
        return m;
    }

    /** Typed access to {@code alloc~year~unit}. */
    static final class Allocations {
        private final TxContext tx;

        Allocations(TxContext tx) {
            this.tx = tx;
        }

        AllocationRecord get(int year, Account unit) {
            ComplianceContract.requireUnit(unit);
            return tx.state().get(tx.state().key("alloc", String.valueOf(year), unit.id()), AllocationRecord.class)
                    .orElse(AllocationRecord.empty(unit.id(), unit.province(), year, Product.ceaOfYear(year).code()));
        }

        void save(AllocationRecord r) {
            tx.state().put(tx.state().key("alloc", String.valueOf(r.year()), r.unitId()), r);
        }
    }
}
